// Internal to src/rules: the syntax of a permission rule written like Claude Code's
// (`Bash(git status*)`, `Read(/etc/**)`, `WebFetch(domain:example.com)`, `mcp__server__*`),
// checked and compiled once into a matcher.
//
// Readings that differ from Claude Code, because ccbell's rules live in ccbell's config rather
// than in a Claude Code settings file:
// - `Read(/etc/**)` and `Read(//etc/**)` are both absolute (Claude Code reads a single leading
//   slash as "relative to the settings file"); `~/x` is under the home directory; anything else
//   is relative to the session's working directory, and a pattern with no slash matches a file
//   name at any depth below it (gitignore style).
// - `\*` in a specifier is a literal star and `\\` a literal backslash; any other backslash is kept.

import { homedir } from 'node:os';
import { posix } from 'node:path';
import { UsageError } from '../errors.js';
import { countWildcards, globToRegex, hasWildcard } from './glob.js';
import {
  absolutePath,
  FILE_TOOLS,
  hostOf,
  type MatchContext,
  SEARCH_TOOLS,
  type SubjectKind,
} from './subject.js';

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

/** A parsed rule's matchers (kept beside the rule, so rules stay plain data). */
export interface CompiledRule {
  readonly toolMatches: (toolName: string) => boolean;
  /** undefined: the rule covers every use of the tool. */
  readonly specifierMatches:
    | ((subject: string, kind: SubjectKind, context: MatchContext) => boolean)
    | undefined;
}

const compiledRules = new WeakMap<PermissionRule, CompiledRule>();

/** What a tool name in a rule (and a tool a session rule is made for) may look like. */
export const TOOL_NAME = /^[A-Za-z0-9_.-]+$/;
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
    const close = source.lastIndexOf(')');
    if (close < open) throw new RuleSyntaxError(source, 'no closing ")"');
    if (close !== source.length - 1) throw new RuleSyntaxError(source, 'text after the closing ")"');
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

  const compiled: CompiledRule = {
    toolMatches: compileToolName(tool),
    specifierMatches: specifier === undefined ? undefined : compileSpecifier(source, tool, specifier),
  };
  const rule: PermissionRule = {
    source,
    tool,
    specifier,
    exact: !tool.includes('*') && specifier !== undefined && !specifierHasWildcard(specifier, tool),
  };
  compiledRules.set(rule, compiled);
  return rule;
}

/** A rule's matchers; a rule object not made by parseRule (rebuilt from JSON) is parsed again. */
export function compiledOf(rule: PermissionRule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (compiled === undefined) {
    compiled = compiledRules.get(parseRule(rule.source))!;
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

function specifierHasWildcard(specifier: string, tool: string): boolean {
  if (tool === 'Bash' && specifier.trim().endsWith(':*')) return true;
  if (tool === 'WebFetch' && specifier.startsWith('domain:')) return true;
  return hasWildcard(specifier, FILE_TOOLS.has(tool) || SEARCH_TOOLS.has(tool));
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
    // Only the blanks bash itself skips are trimmed: a no-break space is part of a word to bash.
    return (subject, kind) => kind === 'command' && regex.test(subject.replace(/^[ \t\n]+|[ \t\n]+$/g, ''));
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
    if (hasWildcard(prefix, false)) throw new RuleSyntaxError(source, '":*" cannot follow another "*"');
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
