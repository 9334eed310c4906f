// What a person reads to know which session needs them: the project, its git branch, a short
// session id, and for a tool call the tool and the start of its command or path. Shared by the
// desktop notification, the page, the terminal and the feed, so they all say the same thing.
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { HookInput } from './input.js';

/** How much of a command or path a label shows. */
export const COMMAND_LABEL_LENGTH = 80;

/** How long a directory's branch is remembered (a checkout shows within this). */
export const BRANCH_CACHE_MS = 3000;
const BRANCH_CACHE_SIZE = 64;
const branchCache = new Map<string, { branch: string | undefined; at: number }>();

/**
 * The branch checked out in `cwd` or a parent, read from .git/HEAD: no git process, so a hook
 * never waits for git. A detached HEAD gives the commit's first 8 characters. Remembered for
 * BRANCH_CACHE_MS per directory: the app labels every event of a session, and the walk up to a
 * .git (a failed read per level) was most of what labelling an event cost.
 */
export function gitBranch(cwd: string, now = Date.now()): string | undefined {
  const cached = branchCache.get(cwd);
  if (cached && now - cached.at >= 0 && now - cached.at < BRANCH_CACHE_MS) return cached.branch;
  const branch = readBranch(cwd);
  branchCache.delete(cwd);
  branchCache.set(cwd, { branch, at: now });
  if (branchCache.size > BRANCH_CACHE_SIZE) branchCache.delete(branchCache.keys().next().value!);
  return branch;
}

function readBranch(cwd: string): string | undefined {
  if (!isAbsolute(cwd)) return undefined;
  let dir = cwd;
  for (let depth = 0; depth < 40; depth++) {
    const head = readHead(dir);
    if (head !== undefined) {
      const ref = /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1];
      return ref?.trim() ?? head.trim().slice(0, 8);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

// `.git` is a directory, or (worktrees, submodules) a file naming the real git dir.
function readHead(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  try {
    return readFileSync(join(dotGit, 'HEAD'), 'utf8').slice(0, 512);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') return undefined;
  }
  try {
    const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8').slice(0, 4096))?.[1]?.trim();
    if (!pointer) return undefined;
    return readFileSync(join(isAbsolute(pointer) ? pointer : join(dir, pointer), 'HEAD'), 'utf8').slice(
      0,
      512,
    );
  } catch {
    return undefined;
  }
}

/** The project a session works in: its working directory's name. */
export function projectOf(input: HookInput | undefined): string | undefined {
  const cwd = input?.cwd;
  if (typeof cwd !== 'string' || cwd === '') return undefined;
  return basename(cwd.replace(/\/+$/, '')) || cwd;
}

/** The label of a session's place: directory name and branch, e.g. `ccbell (main)`. */
export function placeLabel(cwd: string | undefined): string {
  if (!cwd) return 'unknown directory';
  const project = basename(cwd.replace(/\/+$/, '')) || cwd;
  const branch = gitBranch(cwd);
  return branch ? `${project} (${branch})` : project;
}

/** The first 8 characters of a session id, enough to tell sessions apart at a glance. */
export function shortSession(sessionId: unknown): string | undefined {
  return typeof sessionId === 'string' && sessionId !== '' ? sessionId.slice(0, 8) : undefined;
}

/** `Bash: git push origin main`: the tool and the start of its command, path or URL. */
export function toolLabel(toolName: string, input: unknown): string {
  const summary =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? summaryOf(toolName, input as Record<string, unknown>, COMMAND_LABEL_LENGTH)
      : '';
  return summary ? `${toolName}: ${summary}` : toolName;
}

/** Default length of a summary line, in characters. */
export const SUMMARY_LENGTH = 160;

/**
 * One line saying what a tool call does (the command, the file, the URL…), made safe for a
 * terminal (control characters removed, whitespace collapsed) and cut to `max` characters.
 */
export function summaryOf(
  toolName: string,
  input: Readonly<Record<string, unknown>>,
  max: number = SUMMARY_LENGTH,
): string {
  const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  let text: string | undefined;
  switch (toolName) {
    case 'Bash':
      text = str(input.command);
      break;
    case 'Read':
    case 'Write':
    case 'Edit':
    case 'NotebookEdit':
    case 'NotebookRead':
      text = str(input.file_path) ?? str(input.notebook_path);
      break;
    case 'MultiEdit': {
      const file = str(input.file_path);
      const edits = Array.isArray(input.edits) ? input.edits.length : undefined;
      text = file && edits !== undefined ? `${file} (${edits} edit${edits === 1 ? '' : 's'})` : file;
      break;
    }
    case 'Glob':
    case 'Grep': {
      const pattern = str(input.pattern);
      const path = str(input.path);
      text = pattern && path ? `${pattern} in ${path}` : (pattern ?? path);
      break;
    }
    case 'LS':
      text = str(input.path);
      break;
    case 'WebFetch':
      text = str(input.url);
      break;
    case 'WebSearch':
      text = str(input.query);
      break;
    case 'Task':
      text = str(input.description) ?? str(input.prompt);
      break;
    case 'TodoWrite':
      text = Array.isArray(input.todos)
        ? `${input.todos.length} todo${input.todos.length === 1 ? '' : 's'}`
        : undefined;
      break;
  }
  if (text === undefined) {
    try {
      text = JSON.stringify(input) ?? '';
    } catch {
      text = '';
    }
    if (text === '{}') text = '';
  }
  return truncate(oneLine(text), max);
}

// ANSI escape sequences and other control characters could rewrite a terminal; whitespace runs
// (newlines included) become one space so the summary stays on one line.
function oneLine(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string, max: number): string {
  const limit = Math.max(1, Math.floor(max));
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  return `${chars.slice(0, limit - 1).join('')}…`;
}
