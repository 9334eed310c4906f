// Internal to src/rules: a fail-closed reading of one bash command line. It follows bash's
// grammar for a small subset and refuses everything else, so a rule can only ever approve a
// line whose every command ccbell has seen.
//
// Understood:
// - words of plain ASCII characters, 'single quotes', "double quotes" (inside them `\"`, `\\`,
//   `\$` and `\`` are escapes; any other backslash is kept), and backslash escapes outside quotes;
// - `;` `&` `&&` `||` `|` `|&` and newlines between commands (after `&&`, `||`, `|` a newline
//   continues the line, as in bash);
// - comments: `#` where a word would start, to the end of the line (quotes inside are text);
// - redirections `<` `>` `>>` `>|` `<>` `&>` `&>>`, each with an optional fd number
//   (`2>`), and duplications `>&N` `<&N` `>&-`, with a plain word target.
// Refused (the line goes to a person): `$` anywhere outside single quotes (variables, `$(…)`,
// `$((…))`, `$'…'`, `$"…"`), backticks, `(` `)` (subshells, process substitution, functions),
// `{` `}` (groups, brace expansion), here-documents and here-strings (`<<`, `<<<`), line
// continuations, `;;`, control characters (carriage return included), invisible or non-ASCII
// space characters anywhere and any non-ASCII character outside quotes, a shell keyword (`if`,
// `for`, `time`, `!`…) or an assignment (`A=b cmd`) where a command starts, a glob or `~` in a
// command name, a glob in a redirection target, bash's network names (/dev/tcp/…, /dev/udp/…),
// a command that is only a redirection, and lines longer than MAX_LINE.

/** Lines longer than this are not read at all. */
export const MAX_LINE = 100_000;

/** One word of a command, after quote removal. */
export interface ShellWord {
  /** As written in the line. */
  readonly source: string;
  /** What the command receives (before glob and tilde expansion). */
  readonly value: string;
  /** The value written back in one canonical quoting: `'…'` around what needs it. */
  readonly text: string;
  /** An unquoted `*`, `?` or `[`: bash may replace the word by file names. */
  readonly globbed: boolean;
  /** Starts with an unquoted `~`: bash puts a home directory there. */
  readonly tilde: boolean;
}

/** A redirection operator, without its fd number. */
export type RedirectOperator = '<' | '>' | '>>' | '>|' | '<>' | '&>' | '&>>' | '>&' | '<&';

/** One redirection of a command. */
export interface ShellRedirect {
  readonly fd: number | undefined;
  readonly operator: RedirectOperator;
  readonly target: ShellWord;
  /** True when it opens the target as a file for writing (not a duplication, not a read). */
  readonly writes: boolean;
}

/** One simple command: its words (the first names the program) and its redirections. */
export interface ShellCommand {
  readonly words: readonly ShellWord[];
  readonly redirects: readonly ShellRedirect[];
  /** The command as written, redirections included. */
  readonly source: string;
}

/** A line read whole, or the reason and place it was refused. */
export type ShellParse =
  | { readonly ok: true; readonly commands: readonly ShellCommand[] }
  | { readonly ok: false; readonly reason: string; readonly index: number };

/** Words that bash reads as syntax where a command starts. */
const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  'select',
  'function',
  'time',
  'coproc',
  '{',
  '}',
  '!',
  '[[',
  ']]',
]);
const METACHARACTERS = ' \t\n;&|()<>';
// Characters a canonical word shows without quotes.
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
// Not allowed anywhere: C0 controls but tab and newline, DEL, and (beyond ASCII) every control,
// format (bidi overrides, zero-width), private-use, unassigned, surrogate or space character.
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f]|(?![\u0000-\u007f])[\p{C}\p{Z}]/u;

class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly index: number,
  ) {
    super(reason);
  }
}

interface Char {
  readonly c: string;
  readonly quoted: boolean;
}

type Operator = ';' | '&' | '&&' | '||' | '|' | '|&' | '\n';
type Token =
  | { readonly kind: 'word'; readonly word: ShellWord; readonly start: number; readonly end: number }
  | {
      readonly kind: 'redirect';
      readonly redirect: ShellRedirect;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'operator'; readonly operator: Operator; readonly start: number; readonly end: number };

/** Reads one command line; anything outside the understood subset is refused with a reason. */
export function parseShellLine(line: string): ShellParse {
  try {
    if (line.length > MAX_LINE) throw new Refused(`longer than ${MAX_LINE} characters`, MAX_LINE);
    const bad = FORBIDDEN_CHARACTER.exec(line);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
      throw new Refused(`a control or invisible character (U+${code.toUpperCase()})`, bad.index);
    }
    return { ok: true, commands: new Parser(line, tokenize(line)).commands() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, index: error.index };
    throw error;
  }
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    const next = line[i + 1];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '#') {
      // A comment: `#` where a word starts. Nothing in it counts, quotes included.
      while (i < line.length && line[i] !== '\n') i++;
    } else if (c === '\n') {
      tokens.push({ kind: 'operator', operator: '\n', start: i, end: i + 1 });
      i++;
    } else if (c === ';') {
      if (next === ';' || next === '&') throw new Refused(`"${c}${next}" (case syntax)`, i);
      tokens.push({ kind: 'operator', operator: ';', start: i, end: i + 1 });
      i++;
    } else if (c === '&' && next === '>') {
      const token = readRedirect(line, i, undefined);
      tokens.push(token);
      i = token.end;
    } else if (c === '&' || c === '|') {
      const double = next === c ? `${c}${c}` : c === '|' && next === '&' ? '|&' : c;
      tokens.push({ kind: 'operator', operator: double as Operator, start: i, end: i + double.length });
      i += double.length;
    } else if (c === '(' || c === ')') {
      throw new Refused(`"${c}" (a subshell, function or process substitution)`, i);
    } else if (c === '<' || c === '>') {
      const token = readRedirect(line, i, undefined);
      tokens.push(token);
      i = token.end;
    } else {
      const { chars, end } = readWord(line, i);
      const all = chars.map((char) => char.c).join('');
      // `2>file`: digits right before `<` or `>` are the fd the redirection is for.
      if ((line[end] === '<' || line[end] === '>') && /^[0-9]+$/.test(all) && chars.every((x) => !x.quoted)) {
        const token = readRedirect(line, end, Number(all));
        tokens.push({ ...token, start: i });
        i = token.end;
      } else {
        tokens.push({ kind: 'word', word: makeWord(line.slice(i, end), chars), start: i, end });
        i = end;
      }
    }
  }
  return tokens;
}

function readRedirect(
  line: string,
  start: number,
  fd: number | undefined,
): Extract<Token, { kind: 'redirect' }> {
  let i = start;
  const c = line[i];
  const next = line[i + 1];
  let operator: RedirectOperator;
  if (c === '&') {
    operator = line[i + 2] === '>' ? '&>>' : '&>';
  } else if (c === '<') {
    if (next === '<') throw new Refused('a here-document or here-string ("<<")', i);
    if (next === '(') throw new Refused('a process substitution ("<(")', i);
    operator = next === '>' ? '<>' : next === '&' ? '<&' : '<';
  } else {
    if (next === '(') throw new Refused('a process substitution (">(")', i);
    operator = next === '>' ? '>>' : next === '|' ? '>|' : next === '&' ? '>&' : '>';
  }
  i += operator.length;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (i >= line.length || METACHARACTERS.includes(line[i]!) || line[i] === '#') {
    throw new Refused(`"${operator}" without a target word`, start);
  }
  const { chars, end } = readWord(line, i);
  const target = makeWord(line.slice(i, end), chars);
  const plain = chars.every((char) => !char.quoted);
  let writes = operator !== '<' && operator !== '<&' && operator !== '>&';
  if (operator === '>&' || operator === '<&') {
    const duplicates = plain && /^(?:[0-9]+|-)$/.test(target.value);
    // `>&file` with no fd number is `&>file`; any other non-number is an error or an fd move.
    if (!duplicates && (operator === '<&' || fd !== undefined || /^[0-9]+-$/.test(target.value))) {
      throw new Refused(`"${operator}${target.source}" is not a plain duplication`, start);
    }
    writes = !duplicates;
  }
  if (target.value === '') throw new Refused('an empty redirection target', i);
  if (target.globbed) throw new Refused('a glob in a redirection target', i);
  // bash opens a network connection for these names instead of a file.
  if (/^\/+dev\/+(?:tcp|udp)\//.test(target.value)) throw new Refused('a /dev/tcp or /dev/udp connection', i);
  return { kind: 'redirect', redirect: { fd, operator, target, writes }, start, end };
}

function readWord(line: string, start: number): { chars: Char[]; end: number } {
  const chars: Char[] = [];
  let i = start;
  while (i < line.length) {
    const c = line[i]!;
    if (METACHARACTERS.includes(c)) break;
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close === -1) throw new Refused('an unclosed single quote', i);
      for (const q of line.slice(i + 1, close)) chars.push({ c: q, quoted: true });
      i = close + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(line, i, chars);
    } else if (c === '\\') {
      const next = line[i + 1];
      if (next === undefined) throw new Refused('a backslash at the end of the line', i);
      if (next === '\n') throw new Refused('a line continuation (backslash-newline)', i);
      if (next >= '\ud800' && next <= '\udbff') throw new Refused('a non-ASCII character outside quotes', i);
      chars.push({ c: next, quoted: true });
      i += 2;
    } else if (c === '$') {
      throw new Refused('"$" (an expansion, or a $\'…\' or $"…" quote)', i);
    } else if (c === '`') {
      throw new Refused('a backtick command substitution', i);
    } else if (c === '{' || c === '}') {
      throw new Refused(`"${c}" (a group or brace expansion)`, i);
    } else if (c > '\u007e') {
      throw new Refused('a non-ASCII character outside quotes', i);
    } else {
      chars.push({ c, quoted: false });
      i++;
    }
  }
  return { chars, end: i };
}

function readDoubleQuoted(line: string, open: number, chars: Char[]): number {
  let i = open + 1;
  for (;;) {
    if (i >= line.length) throw new Refused('an unclosed double quote', open);
    const c = line[i]!;
    if (c === '"') return i + 1;
    if (c === '$') throw new Refused('"$" inside double quotes (an expansion)', i);
    if (c === '`') throw new Refused('a backtick command substitution inside double quotes', i);
    if (c === '\\') {
      const next = line[i + 1];
      if (next === '\n') throw new Refused('a line continuation (backslash-newline)', i);
      if (next === '$' || next === '`' || next === '"' || next === '\\') {
        chars.push({ c: next, quoted: true });
        i += 2;
        continue;
      }
    }
    chars.push({ c, quoted: true });
    i++;
  }
}

function makeWord(source: string, chars: readonly Char[]): ShellWord {
  const value = chars.map((char) => char.c).join('');
  // Unquoted glob and tilde characters stay bare: quoting them would change the meaning.
  const bare = (char: Char) => PLAIN.test(char.c) || (!char.quoted && '*?[]~'.includes(char.c));
  let text: string;
  if (chars.every(bare)) text = value;
  else if (chars.every((char) => char.quoted || PLAIN.test(char.c))) text = quote(value);
  else {
    text = '';
    let pending = '';
    for (const char of chars) {
      if (bare(char)) {
        if (pending !== '') text += quote(pending);
        pending = '';
        text += char.c;
      } else pending += char.c;
    }
    if (pending !== '') text += quote(pending);
  }
  return {
    source,
    value,
    text: text === '' ? "''" : text,
    globbed: chars.some((char) => !char.quoted && '*?['.includes(char.c)),
    tilde: chars[0] !== undefined && chars[0].c === '~' && !chars[0].quoted,
  };
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

// list: and-or lists separated by `;`, `&` or newlines; and-or: pipelines joined by `&&`, `||`;
// pipeline: commands joined by `|`, `|&`. A newline after `&&`, `||`, `|` continues the line.
class Parser {
  private at = 0;
  private readonly found: ShellCommand[] = [];

  constructor(
    private readonly line: string,
    private readonly tokens: readonly Token[],
  ) {}

  commands(): ShellCommand[] {
    for (;;) {
      this.skipNewlines();
      if (this.at >= this.tokens.length) return this.found;
      this.pipeline();
      while (this.isOperator('&&') || this.isOperator('||')) {
        this.at++;
        this.skipNewlines();
        this.pipeline();
      }
      if (this.at >= this.tokens.length) return this.found;
      // After a command only an operator can come (words and redirections were taken).
      this.at++;
    }
  }

  private pipeline(): void {
    this.command();
    while (this.isOperator('|') || this.isOperator('|&')) {
      this.at++;
      this.skipNewlines();
      this.command();
    }
  }

  private command(): void {
    const words: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    const first = this.tokens[this.at];
    let end = first?.start ?? this.line.length;
    for (
      let token = first;
      token !== undefined && token.kind !== 'operator';
      token = this.tokens[++this.at]
    ) {
      if (token.kind === 'word') words.push(token.word);
      else redirects.push(token.redirect);
      end = token.end;
    }
    const where = first?.start ?? this.line.length;
    if (words.length === 0) {
      if (redirects.length > 0) throw new Refused('a redirection with no command', where);
      const operator = first?.kind === 'operator' ? JSON.stringify(first.operator) : 'the end';
      throw new Refused(`a command was expected before ${operator}`, where);
    }
    const name = words[0]!;
    if (KEYWORDS.has(name.value)) throw new Refused(`the shell keyword "${name.value}"`, where);
    if (ASSIGNMENT.test(name.value)) throw new Refused('a variable assignment before a command', where);
    if (name.value === '') throw new Refused('an empty command name', where);
    // A lone `[` (test) cannot match a file name; any other glob in a command name could.
    if ((name.globbed && name.value !== '[') || name.tilde) {
      throw new Refused('a glob or "~" in a command name', where);
    }
    if (/[^\u0020-\u007e]/.test(name.value)) throw new Refused('a non-ASCII command name', where);
    this.found.push({ words, redirects, source: this.line.slice(where, end) });
  }

  private isOperator(operator: Operator): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'operator' && token.operator === operator;
  }

  private skipNewlines(): void {
    while (this.isOperator('\n')) this.at++;
  }
}
