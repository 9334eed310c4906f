// Internal to src/approval: permission rules written like Claude Code's (`Bash(git status*)`,
// `Read(/etc/**)`, `WebFetch(domain:example.com)`, `mcp__server__*`), so ccbell can answer an
// approval request by itself when a rule settles it.
//
// Readings that differ from Claude Code, because ccbell's rules live in ccbell's config rather
// than in a Claude Code settings file:
// - `Read(/etc/**)` and `Read(//etc/**)` are both absolute (Claude Code reads a single leading
//   slash as "relative to the settings file"); `~/x` is under the home directory; anything else
//   is relative to the session's working directory, and a pattern with no slash matches a file
//   name at any depth below it (gitignore style).
// - `\*` in a specifier is a literal star and `\\` a literal backslash; any other backslash is kept.
// - For Bash, an allow rule must cover every part of a compound command (`a && b`, `a | b`,
//   `a; b`), and a command with a substitution (`$(…)`, backticks, `<(…)`) is allowed only by an
//   exact rule or a bare `Bash`. Deny rules are checked against the whole command and each part.
import { homedir } from 'node:os';
import { posix } from 'node:path';
import { UsageError } from '../errors.js';

/** A permission rule pattern that cannot be parsed; names the pattern and what is wrong. */
export class RuleSyntaxError extends UsageError {
  override name = 'RuleSyntaxError';
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid permission rule ${JSON.stringify(pattern)}: ${reason}`);
  }
}

/** One parsed rule: the tool part and, when written, what is inside the parentheses. */
export interface PermissionRule {
  /** The pattern as written (trimmed). */
  readonly source: string;
  /** The tool-name part; for MCP tools it may end in `*`. */
  readonly tool: string;
  /** The text inside the parentheses; undefined for a bare tool name or `(*)`. */
  readonly specifier: string | undefined;
  /** True when the rule has no wildcard: it names exactly one command, path or input. */
  readonly exact: boolean;
}

/** Where relative paths and `~` in rules resolve; both default to this process's. */
export interface MatchContext {
  readonly cwd?: string;
  readonly home?: string;
}

/** The allow and deny lists ccbell settles requests with. */
export interface RuleLists {
  readonly allow?: readonly (string | PermissionRule)[];
  readonly deny?: readonly (string | PermissionRule)[];
}

type ToolInput = Readonly<Record<string, unknown>>;

type SubjectKind = 'command' | 'path' | 'url' | 'json';

interface Compiled {
  readonly toolMatches: (toolName: string) => boolean;
  // undefined: the rule covers every use of the tool.
  readonly specifierMatches:
    | ((subject: string, kind: SubjectKind, context: MatchContext) => boolean)
    | undefined;
}

const compiledRules = new WeakMap<PermissionRule, Compiled>();

const FILE_TOOLS = new Set(['Read', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit', 'NotebookRead']);
const SEARCH_TOOLS = new Set(['Glob', 'Grep', 'LS']);
const TOOL_NAME = /^[A-Za-z0-9_.-]+$/;
const MCP_TOOL_NAME = /^mcp__[A-Za-z0-9_.*-]+$/;
const MAX_PATTERN_LENGTH = 10_000;

/** Parses one rule pattern; a RuleSyntaxError names the pattern and the fault. */
export function parseRule(pattern: string): PermissionRule {
  if (typeof pattern !== 'string') throw new RuleSyntaxError(String(pattern), 'a rule must be a string');
  const source = pattern.trim();
  if (source === '') throw new RuleSyntaxError(pattern, 'the rule is empty');
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new RuleSyntaxError(`${source.slice(0, 60)}…`, `longer than ${MAX_PATTERN_LENGTH} characters`);
  }
  const open = source.indexOf('(');
  let tool: string;
  let specifier: string | undefined;
  if (open === -1) {
    if (source.includes(')')) throw new RuleSyntaxError(source, 'a ")" without "("');
    tool = source;
  } else {
    if (!source.endsWith(')'))
      throw new RuleSyntaxError(source, 'text after the closing ")" or no closing ")"');
    tool = source.slice(0, open);
    specifier = source.slice(open + 1, -1);
    if (specifier.trim() === '')
      throw new RuleSyntaxError(source, 'empty parentheses; write the bare tool name');
  }
  if (tool === '') throw new RuleSyntaxError(source, 'no tool name before "("');
  const isMcp = tool.startsWith('mcp__');
  if (isMcp ? !MCP_TOOL_NAME.test(tool) : !TOOL_NAME.test(tool)) {
    throw new RuleSyntaxError(
      source,
      tool.includes('*') && !isMcp
        ? 'a wildcard in a tool name only works for MCP tools (mcp__server__*)'
        : `bad tool name ${JSON.stringify(tool)} (letters, digits, "_", "-", ".")`,
    );
  }
  if (isMcp && tool.includes('*') && !tool.endsWith('*')) {
    throw new RuleSyntaxError(source, 'in an MCP tool name "*" may only come last (mcp__server__*)');
  }
  // `Tool(*)` is the same as `Tool`.
  if (specifier !== undefined && (specifier === '*' || specifier === '**')) specifier = undefined;

  const compiled: Compiled = {
    toolMatches: compileToolName(tool),
    specifierMatches: specifier === undefined ? undefined : compileSpecifier(source, tool, specifier),
  };
  const rule: PermissionRule = {
    source,
    tool,
    specifier,
    exact: !tool.includes('*') && specifier !== undefined && !hasWildcard(specifier, tool),
  };
  compiledRules.set(rule, compiled);
  return rule;
}

/** Whether one rule covers one tool call (for Bash: the command as a whole, not its parts). */
export function ruleMatches(
  rule: string | PermissionRule,
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): boolean {
  const parsed = typeof rule === 'string' ? parseRule(rule) : rule;
  const compiled = compiledOf(parsed);
  if (!compiled.toolMatches(toolName)) return false;
  if (compiled.specifierMatches === undefined) return true;
  const subject = subjectOf(toolName, input);
  if (subject === undefined) return false;
  return compiled.specifierMatches(subject.text, subject.kind, context);
}

/**
 * Settles a tool call by rules, deny first: 'deny' when a deny rule matches, 'allow' when allow
 * rules cover it, undefined when the rules say nothing (a person must answer).
 */
export function decideByRules(
  rules: RuleLists,
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): 'allow' | 'deny' | undefined {
  const deny = (rules.deny ?? []).map((rule) => (typeof rule === 'string' ? parseRule(rule) : rule));
  const allow = (rules.allow ?? []).map((rule) => (typeof rule === 'string' ? parseRule(rule) : rule));
  const command = toolName === 'Bash' && typeof input.command === 'string' ? input.command : undefined;

  if (command === undefined) {
    if (deny.some((rule) => ruleMatches(rule, toolName, input, context))) return 'deny';
    if (allow.some((rule) => ruleMatches(rule, toolName, input, context))) return 'allow';
    return undefined;
  }

  const { parts, substitution } = splitShellCommand(command);
  const matchesCommand = (rule: PermissionRule, text: string) =>
    ruleMatches(rule, toolName, { ...input, command: text }, context);
  if (
    deny.some((rule) => matchesCommand(rule, command) || parts.some((part) => matchesCommand(rule, part)))
  ) {
    return 'deny';
  }
  const bashRules = allow.filter((rule) => compiledOf(rule).toolMatches(toolName));
  if (bashRules.some((rule) => rule.specifier === undefined)) return 'allow';
  if (bashRules.some((rule) => rule.exact && matchesCommand(rule, command))) return 'allow';
  if (substitution || parts.length === 0) return undefined;
  return parts.every((part) => bashRules.some((rule) => matchesCommand(rule, part))) ? 'allow' : undefined;
}

/**
 * The narrowest useful rule for "always allow this for the session": the exact command, the exact
 * file, the domain, or the bare tool when it has nothing narrower; undefined when no safe rule can
 * be made (a Bash or file call missing its command or path, a tool name a rule cannot hold).
 */
export function ruleForSession(
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): string | undefined {
  const isMcp = toolName.startsWith('mcp__');
  if (!TOOL_NAME.test(toolName)) return undefined;
  if (isMcp) return toolName;
  const subject = subjectOf(toolName, input);
  if (toolName === 'Bash' || FILE_TOOLS.has(toolName) || SEARCH_TOOLS.has(toolName)) {
    if (subject === undefined || subject.text.trim() === '') return undefined;
  }
  if (subject === undefined || subject.kind === 'json') return toolName;
  switch (subject.kind) {
    case 'command':
      return `${toolName}(${escapeSpecifier(subject.text)})`;
    case 'path':
      return `${toolName}(${escapeSpecifier(absolutePath(subject.text, context), '*?')})`;
    case 'url': {
      const host = hostOf(subject.text);
      return host === undefined ? undefined : `${toolName}(domain:${host})`;
    }
  }
}

/**
 * Splits a shell command at `;`, `&&`, `||`, `|`, `&` and newlines outside quotes, and says
 * whether it runs a substitution (`$(…)`, backticks, `<(…)`, `>(…)`) whose inner command the
 * parts do not show.
 */
export function splitShellCommand(command: string): { parts: string[]; substitution: boolean } {
  const parts: string[] = [];
  let current = '';
  let substitution = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    const next = command[i + 1];
    if (quote === "'") {
      current += c;
      if (c === "'") quote = undefined;
      continue;
    }
    if (c === '\\') {
      current += c + (next ?? '');
      i++;
      continue;
    }
    if (quote === '"') {
      current += c;
      if (c === '"') quote = undefined;
      else if (c === '`' || (c === '$' && next === '(')) substitution = true;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      current += c;
      continue;
    }
    if (c === '`' || (c === '$' && next === '(') || ((c === '<' || c === '>') && next === '(')) {
      substitution = true;
      current += c;
      continue;
    }
    const previous = command[i - 1];
    const isRedirect = c === '&' && (previous === '>' || previous === '<' || next === '>');
    if (c === ';' || c === '\n' || c === '|' || (c === '&' && !isRedirect)) {
      parts.push(current);
      current = '';
      // `&&`, `||`, `|&`, `;;` are one separator.
      if ((c === '&' || c === '|') && (next === c || (c === '|' && next === '&'))) i++;
      else if (c === ';' && next === ';') i++;
      continue;
    }
    current += c;
  }
  parts.push(current);
  return { parts: parts.map((part) => part.trim()).filter((part) => part !== ''), substitution };
}

function compiledOf(rule: PermissionRule): Compiled {
  let compiled = compiledRules.get(rule);
  if (compiled === undefined) {
    // A rule object not made by parseRule (e.g. rebuilt from JSON): parse its source again.
    compiled = compiledRules.get(parseRule(rule.source))!;
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

function compileToolName(tool: string): (toolName: string) => boolean {
  if (tool.endsWith('*')) {
    const prefix = tool.slice(0, -1);
    return (toolName) => toolName.startsWith(prefix);
  }
  // `mcp__server` covers every tool of that server.
  if (tool.startsWith('mcp__') && !tool.slice(5).includes('__')) {
    return (toolName) => toolName === tool || toolName.startsWith(`${tool}__`);
  }
  return (toolName) => toolName === tool;
}

function compileSpecifier(
  source: string,
  tool: string,
  specifier: string,
): (subject: string, kind: SubjectKind, context: MatchContext) => boolean {
  if (tool === 'WebFetch' && specifier.startsWith('domain:')) {
    const domain = specifier.slice('domain:'.length).trim().toLowerCase();
    if (domain === '' || /[/\s:@]/.test(domain) || (domain.includes('*') && !/^\*\.[^*]+$/.test(domain))) {
      throw new RuleSyntaxError(
        source,
        'domain: needs a host name, e.g. domain:example.com or domain:*.example.com',
      );
    }
    return (subject, kind) => {
      if (kind !== 'url') return false;
      const host = hostOf(subject);
      if (host === undefined) return false;
      return domain.startsWith('*.') ? host.endsWith(domain.slice(1)) : host === domain;
    };
  }
  if (tool === 'Bash') {
    const regex = compileCommandPattern(source, specifier);
    return (subject, kind) => kind === 'command' && regex.test(subject.trim());
  }
  if (FILE_TOOLS.has(tool) || SEARCH_TOOLS.has(tool)) {
    return compilePathPattern(source, specifier);
  }
  const regex = new RegExp(`^${globToRegex(specifier, 'text')}$`, 's');
  return (subject) => regex.test(subject);
}

// Bash: `prefix:*` (the command, or it followed by a space and more), `*` anywhere (any text;
// a single trailing ` *` also matches nothing), or the exact command.
function compileCommandPattern(source: string, specifier: string): RegExp {
  const text = specifier.trim();
  if (text.endsWith(':*') && !text.endsWith('\\:*')) {
    const prefix = text.slice(0, -2);
    if (prefix.trim() === '') throw new RuleSyntaxError(source, 'nothing before ":*"');
    if (hasWildcard(prefix, 'Bash')) throw new RuleSyntaxError(source, '":*" cannot follow another "*"');
    return new RegExp(`^${globToRegex(prefix, 'text')}(?:\\s.*)?$`, 's');
  }
  const stars = countWildcards(text);
  if (stars === 1 && text.endsWith(' *')) {
    return new RegExp(`^${globToRegex(text.slice(0, -2), 'text')}(?:\\s.*)?$`, 's');
  }
  return new RegExp(`^${globToRegex(text, 'text')}$`, 's');
}

function compilePathPattern(
  source: string,
  specifier: string,
): (subject: string, kind: SubjectKind, context: MatchContext) => boolean {
  let pattern = specifier;
  let anchor: 'root' | 'home' | 'cwd' = 'cwd';
  if (pattern.startsWith('//')) {
    pattern = pattern.slice(1);
    anchor = 'root';
  } else if (pattern.startsWith('/')) {
    anchor = 'root';
  } else if (pattern === '~' || pattern.startsWith('~/')) {
    pattern = pattern.slice(1) || '/';
    anchor = 'home';
  } else if (pattern.startsWith('./')) {
    pattern = pattern.slice(2);
  }
  if (pattern.split('/').includes('..'))
    throw new RuleSyntaxError(source, '".." is not allowed in a path rule');
  // gitignore: a pattern with no slash (other than a trailing one) matches a name at any depth…
  const anyDepth = anchor === 'cwd' && !pattern.replace(/\/$/, '').includes('/');
  // …and `dir/` names a directory, so everything below it.
  if (specifier.endsWith('/')) pattern = `${pattern}**`;
  const body = globToRegex(pattern.replace(/^\/+/, ''), 'path');
  const regex = new RegExp(anyDepth ? `^(?:.*/)?${body}$` : `^${body}$`, 's');
  return (subject, kind, context) => {
    if (kind !== 'path') return false;
    const file = absolutePath(subject, context);
    let base: string;
    if (anchor === 'root') base = '/';
    else if (anchor === 'home') base = context.home ?? homedir();
    else base = absolutePath(context.cwd ?? process.cwd(), {});
    const relative = posix.relative(base, file);
    if (relative.startsWith('..') || posix.isAbsolute(relative)) return false;
    return regex.test(relative);
  };
}

// Glob to regex source. text: `*` is any text. path: `*` and `?` stay inside one path segment,
// `**` crosses segments, and `dir/**/x` also matches `dir/x`.
function globToRegex(glob: string, mode: 'text' | 'path'): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (
      c === '\\' &&
      (glob[i + 1] === '*' || glob[i + 1] === '\\' || (mode === 'path' && glob[i + 1] === '?'))
    ) {
      out += escapeRegex(glob[i + 1]!);
      i++;
    } else if (c === '*') {
      if (mode === 'text') {
        out += '.*';
      } else if (glob[i + 1] === '*') {
        const segmentStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (segmentStart && glob[i + 1] === '/') {
          out += '(?:.*/)?';
          i++;
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?' && mode === 'path') {
      out += '[^/]';
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

function hasWildcard(specifier: string, tool: string): boolean {
  if (tool === 'Bash' && specifier.trim().endsWith(':*')) return true;
  const pathLike = FILE_TOOLS.has(tool) || SEARCH_TOOLS.has(tool);
  for (let i = 0; i < specifier.length; i++) {
    const c = specifier[i];
    if (c === '\\') i++;
    else if (c === '*' || (pathLike && c === '?')) return true;
  }
  if (tool === 'WebFetch' && specifier.startsWith('domain:')) return true;
  return false;
}

function countWildcards(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*') count++;
  }
  return count;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function escapeSpecifier(text: string, extra = '*'): string {
  let out = '';
  for (const c of text) out += c === '\\' || extra.includes(c) ? `\\${c}` : c;
  return out;
}

function subjectOf(toolName: string, input: ToolInput): { text: string; kind: SubjectKind } | undefined {
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  let text: string | undefined;
  let kind: SubjectKind;
  if (toolName === 'Bash') {
    text = str(input.command);
    kind = 'command';
  } else if (FILE_TOOLS.has(toolName)) {
    text = str(input.file_path) ?? str(input.notebook_path);
    kind = 'path';
  } else if (SEARCH_TOOLS.has(toolName)) {
    text = str(input.path) ?? str(input.pattern);
    kind = 'path';
  } else if (toolName === 'WebFetch') {
    text = str(input.url);
    kind = 'url';
  } else {
    try {
      text = JSON.stringify(input);
    } catch {
      text = undefined;
    }
    kind = 'json';
  }
  return text === undefined ? undefined : { text, kind };
}

function absolutePath(file: string, context: MatchContext): string {
  const expanded = file === '~' || file.startsWith('~/') ? (context.home ?? homedir()) + file.slice(1) : file;
  return posix.resolve(context.cwd ?? process.cwd(), expanded);
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}
