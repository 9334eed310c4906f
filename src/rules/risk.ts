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

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
