// Internal to src/rules: how much an approval request can hurt, and the one line a person
// reads before answering it.
//
// Reading of "reads low, edits medium, deletes high, shell critical": the level follows the tool,
// not a guess about the text it carries. Every Bash call is critical, `ls` included, because a
// shell line's effect cannot be read from its text (`ls $(rm -rf ~)`, aliases, scripts it runs).
// "Deletes" are tools whose name says they destroy something (mostly MCP tools such as
// `mcp__github__delete_file`); Write and Edit stay medium even though they overwrite.
// Unknown tools are medium: neither waved through nor cried wolf on.

/** How much a tool call can hurt, lowest first. */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

/** The levels in order, for comparing (`RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b)`). */
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

const READ_TOOLS = new Set([
  'Read',
  'Glob',
  'Grep',
  'LS',
  'NotebookRead',
  'WebSearch',
  'WebFetch',
  'TodoWrite',
  'TodoRead',
  'BashOutput',
  'ExitPlanMode',
  'ListMcpResourcesTool',
  'ReadMcpResourceTool',
]);
const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
const SHELL_TOOLS = new Set(['Bash', 'PowerShell']);

// Words in an MCP tool's own name (after `mcp__server__`), split at `_`, `-`, `.` and camelCase.
const SHELL_WORDS = new Set(['exec', 'execute', 'shell', 'bash', 'terminal', 'eval', 'command', 'cmd', 'sh']);
const DELETE_WORDS = new Set([
  'delete',
  'remove',
  'rm',
  'drop',
  'destroy',
  'purge',
  'erase',
  'truncate',
  'wipe',
]);
const READ_WORDS = new Set([
  'get',
  'list',
  'read',
  'search',
  'fetch',
  'find',
  'query',
  'view',
  'show',
  'describe',
]);

/** The risk of one tool call, for choosing how loudly to ask and what a policy may settle. */
export function riskOf(toolName: string, _input?: Readonly<Record<string, unknown>>): RiskLevel {
  if (SHELL_TOOLS.has(toolName)) return 'critical';
  if (EDIT_TOOLS.has(toolName)) return 'medium';
  if (READ_TOOLS.has(toolName)) return 'low';
  const words = wordsOf(toolName.startsWith('mcp__') ? toolName.split('__').slice(2).join('_') : toolName);
  if (words.some((word) => SHELL_WORDS.has(word))) return 'critical';
  if (words.some((word) => DELETE_WORDS.has(word))) return 'high';
  if (toolName.startsWith('mcp__') && words.length > 0 && READ_WORDS.has(words[0]!)) return 'low';
  return 'medium';
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

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
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
