// Internal to src/rules: what part of a tool call a rule's specifier is matched against (the
// command, the file, the URL, or the input's JSON), and how paths and hosts are read.
import { homedir } from 'node:os';
import { posix } from 'node:path';

/** Where relative paths and `~` in rules resolve; both default to this process's. */
export interface MatchContext {
  readonly cwd?: string;
  readonly home?: string;
}

/** A tool call's input, as Claude Code sends it. */
export type ToolInput = Readonly<Record<string, unknown>>;

/** What kind of text a specifier is matched against. */
export type SubjectKind = 'command' | 'path' | 'url' | 'json';

/** Tools whose subject is one file. */
export const FILE_TOOLS = new Set(['Read', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit', 'NotebookRead']);
/** Tools whose subject is a directory or a pattern of files. */
export const SEARCH_TOOLS = new Set(['Glob', 'Grep', 'LS']);

/** The text a rule's specifier is matched against for this tool, and its kind. */
export function subjectOf(
  toolName: string,
  input: ToolInput,
): { text: string; kind: SubjectKind } | undefined {
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

/** A path made absolute: `~` is the home directory, anything relative is under the cwd. */
export function absolutePath(file: string, context: MatchContext): string {
  const expanded = file === '~' || file.startsWith('~/') ? (context.home ?? homedir()) + file.slice(1) : file;
  return posix.resolve(context.cwd ?? process.cwd(), expanded);
}

/** The lower-case host of a URL, without a trailing dot; undefined when it is not a URL. */
export function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}
