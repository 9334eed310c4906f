// Internal to src/rules: settling one Bash command line by rules, failing closed.
//
// - Allowed only when the whole line parses (shell.ts) and every command in it is covered by an
//   allow rule, each write redirection stays inside the session's working directory or is named
//   by a rule, and no wrapper (sudo, env, xargs, bash -c…) is covered by a mere wildcard. A bare
//   `Bash` rule, or an exact rule for the whole line, allows the line as it is.
// - Denied when a deny rule matches the line, any command of it (also with the program's path
//   dropped, and whatever a wrapper runs, shell code passed to `bash -c`/`eval` included), or
//   any piece of the loose split (loose.ts), which also covers lines that do not parse.
// - Otherwise undefined: a person answers.

import { homedir } from 'node:os';
import { posix } from 'node:path';
import { addWords, looseCandidates } from './loose.js';
import { compiledOf, type PermissionRule } from './parse.js';
import { parseShellLine, type ShellCommand, type ShellParse, type ShellRedirect } from './shell.js';
import type { MatchContext } from './subject.js';
import { CHANGES_DIRECTORY, programOf, runsShellCode, wrapperKind } from './wrappers.js';

/** How deep deny rules look into shell code inside shell code (`bash -c "eval '…'"`). */
const MAX_DEPTH = 3;
/** How many arguments of one shell-code wrapper are read as lines. */
const MAX_NESTED = 16;
/** Write targets that are not files. */
const DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);
/** Directories inside a project whose files configure tools that run commands. */
const PROTECTED_DIRECTORIES = new Set(['.git', '.claude']);
const FILE_RULE_TOOLS = ['Write', 'Edit'] as const;

/** Settles a Bash command line: 'deny', 'allow', or undefined for a person. */
export function decideShellLine(
  line: string,
  allow: readonly PermissionRule[],
  deny: readonly PermissionRule[],
  context: MatchContext,
): 'allow' | 'deny' | undefined {
  const parsed = parseShellLine(line);
  if (denies(line, parsed, deny, context, 0)) return 'deny';
  return allows(line, parsed, allow, context) ? 'allow' : undefined;
}

function matchesCommand(rule: PermissionRule, text: string, context: MatchContext): boolean {
  const compiled = compiledOf(rule);
  if (!compiled.toolMatches('Bash')) return false;
  return compiled.specifierMatches === undefined || compiled.specifierMatches(text, 'command', context);
}

function matchesFile(rule: PermissionRule, path: string, context: MatchContext): boolean {
  const compiled = compiledOf(rule);
  if (!FILE_RULE_TOOLS.some((tool) => compiled.toolMatches(tool))) return false;
  return compiled.specifierMatches === undefined || compiled.specifierMatches(path, 'path', context);
}

function denies(
  line: string,
  parsed: ShellParse,
  deny: readonly PermissionRule[],
  context: MatchContext,
  depth: number,
): boolean {
  if (deny.length === 0) return false;
  const candidates = new Set([line, ...looseCandidates(line)]);
  const nested: string[] = [];
  if (parsed.ok) {
    for (const command of parsed.commands) {
      const values = command.words.map((word) => word.value);
      // Canonical words, words as written, and bare values (quotes dropped: generous).
      addWords(
        command.words.map((word) => word.text),
        candidates,
      );
      candidates.add(wordsSource(command));
      addWords(values, candidates);
      // Shell code given to a wrapper is a line of its own: `sudo bash -c 'rm -rf x'`. Deeper
      // wrappers are found when that line is read in turn.
      const shell = wrapperKind(values) === undefined ? -1 : values.findIndex(runsShellCode);
      if (shell !== -1) nested.push(...values.slice(shell + 1, shell + 1 + MAX_NESTED));
      for (const redirect of command.redirects) {
        const path = redirect.writes ? targetPath(redirect, context, false) : undefined;
        if (path !== undefined && deny.some((rule) => matchesFile(rule, path, context))) return true;
      }
    }
  }
  for (const text of candidates) {
    if (deny.some((rule) => matchesCommand(rule, text, context))) return true;
  }
  return (
    depth < MAX_DEPTH && nested.some((code) => denies(code, parseShellLine(code), deny, context, depth + 1))
  );
}

function allows(
  line: string,
  parsed: ShellParse,
  allow: readonly PermissionRule[],
  context: MatchContext,
): boolean {
  const bash = allow.filter((rule) => compiledOf(rule).toolMatches('Bash'));
  if (bash.some((rule) => rule.specifier === undefined)) return true;
  if (bash.some((rule) => rule.exact && matchesCommand(rule, line, context))) return true;
  if (!parsed.ok || parsed.commands.length === 0) return false;
  let moved = false;
  for (const command of parsed.commands) {
    const values = command.words.map((word) => word.value);
    const wrapper = wrapperKind(values) !== undefined;
    // A wrapper runs what its arguments say, so only a rule naming it exactly covers it.
    const rules = wrapper ? bash.filter((rule) => rule.exact) : bash;
    const texts = [wordsText(command), wordsSource(command)];
    // An exact rule may name the command with its redirections: it covers both.
    const named = namedExactly(command, bash, context);
    if (!named && !rules.some((rule) => texts.some((text) => matchesCommand(rule, text, context)))) {
      return false;
    }
    for (const redirect of command.redirects) {
      if (redirect.writes && !named && !writeAllowed(redirect, allow, context, moved)) return false;
    }
    // After `cd`, a relative path no longer says where it points.
    if (wrapper || CHANGES_DIRECTORY.has(programOf(values[0]!))) moved = true;
  }
  return true;
}

// A write stays inside the working directory (but out of protected places, see isProtected),
// goes to a device such as /dev/null, or is named by a Write or Edit rule for its path.
function writeAllowed(
  redirect: ShellRedirect,
  allow: readonly PermissionRule[],
  context: MatchContext,
  moved: boolean,
): boolean {
  const path = targetPath(redirect, context, moved);
  if (path === undefined) return false;
  if (DEVICES.has(path)) return true;
  if (context.cwd !== undefined) {
    const cwd = posix.resolve(context.cwd);
    const relative = posix.relative(cwd, path);
    const inside = relative !== '' && relative !== '..' && !relative.startsWith('../');
    if (inside && !isProtected(path, relative, cwd, context)) return true;
  }
  return allow.some((rule) => matchesFile(rule, path, context));
}

/** Whether an exact Bash rule names the command with its redirections, as written or canonical. */
function namedExactly(
  command: ShellCommand,
  bash: readonly PermissionRule[],
  context: MatchContext,
): boolean {
  const texts = [command.source, fullText(command, ' '), fullText(command, '')];
  return bash.some((rule) => rule.exact && texts.some((text) => matchesCommand(rule, text, context)));
}

// Inside the working directory, still not for a rule to wave through: what configures tools
// that run commands (.git/, .claude/), and, when the session runs in the home directory or above
// it, the files right in home (.bashrc, .profile) and its dot-directories (.ssh/, .config/).
function isProtected(path: string, relative: string, cwd: string, context: MatchContext): boolean {
  // Lower-cased: on a case-insensitive file system (macOS) `.Git` is `.git`.
  if (relative.split('/').some((part) => PROTECTED_DIRECTORIES.has(part.toLowerCase()))) return true;
  const home = posix.resolve(context.home ?? homedir());
  const homeFromCwd = posix.relative(cwd, home);
  if (homeFromCwd === '..' || homeFromCwd.startsWith('../')) return false;
  const fromHome = posix.relative(home, path);
  if (fromHome === '' || fromHome === '..' || fromHome.startsWith('../')) return false;
  return !fromHome.includes('/') || fromHome.startsWith('.');
}

/** The absolute path a redirection opens, or undefined when the line does not say. */
function targetPath(redirect: ShellRedirect, context: MatchContext, moved: boolean): string | undefined {
  const { value, tilde } = redirect.target;
  if (tilde) {
    if (value !== '~' && !value.startsWith('~/')) return undefined;
    return posix.resolve(context.home ?? homedir(), `.${value.slice(1)}`);
  }
  if (value.startsWith('/')) return posix.resolve(value);
  if (moved || context.cwd === undefined) return undefined;
  return posix.resolve(context.cwd, value);
}

/** The command's words in canonical quoting: `grep -r 'a b' src`. */
function wordsText(command: ShellCommand): string {
  return command.words.map((word) => word.text).join(' ');
}

/** The command's words as written, one space apart: `grep -r "a b" src`. */
function wordsSource(command: ShellCommand): string {
  return command.words.map((word) => word.source).join(' ');
}

/** The command in canonical quoting with its redirections: `make 2>&1 > out.log` (gap ' '). */
function fullText(command: ShellCommand, gap: string): string {
  const redirects = command.redirects.map((redirect) => {
    const between = redirect.writes || redirect.operator === '<' ? gap : '';
    return `${redirect.fd ?? ''}${redirect.operator}${between}${redirect.target.text}`;
  });
  return [wordsText(command), ...redirects].join(' ');
}
