import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, riskOf } from '../../src/rules/index.js';

describe('riskOf', () => {
  it.each([
    ['Read', { file_path: '/x' }, 'low'],
    ['Glob', { pattern: '*' }, 'low'],
    ['Grep', { pattern: 'x' }, 'low'],
    ['LS', { path: '/' }, 'low'],
    ['WebSearch', { query: 'x' }, 'low'],
    ['WebFetch', { url: 'https://x' }, 'low'],
    ['TodoWrite', { todos: [] }, 'low'],
    ['Edit', { file_path: '/x' }, 'medium'],
    ['Write', { file_path: '/x', content: '' }, 'medium'],
    ['MultiEdit', { file_path: '/x', edits: [] }, 'medium'],
    ['NotebookEdit', { notebook_path: '/x' }, 'medium'],
    ['Bash', { command: 'ls' }, 'critical'],
    ['Bash', { command: 'rm -rf /' }, 'critical'],
    ['Bash', {}, 'critical'],
    ['mcp__github__delete_file', {}, 'high'],
    ['mcp__db__dropTable', {}, 'high'],
    ['mcp__fs__remove-dir', {}, 'high'],
    ['mcp__box__execute_command', {}, 'critical'],
    ['mcp__term__runShell', {}, 'critical'],
    ['mcp__github__list_issues', {}, 'low'],
    ['mcp__github__get_file', {}, 'low'],
    ['mcp__github__create_issue', {}, 'medium'],
    ['SomethingNew', {}, 'medium'],
  ])('%s %j is %s', (tool, input, level) => {
    expect(riskOf(tool, input)).toBe(level);
  });

  it('orders the levels', () => {
    expect(RISK_LEVELS).toEqual(['low', 'medium', 'high', 'critical']);
  });
});
