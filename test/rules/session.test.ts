// The exact rule "always allow this for the session" adds: it covers that call and nothing else.
import { describe, expect, it } from 'vitest';
import { decideByRules, parseRule, ruleForSession } from '../../src/rules/index.js';

const context = { cwd: '/work/proj', home: '/home/me' };

describe('ruleForSession', () => {
  it.each([
    ['Bash', { command: 'git status' }, 'Bash(git status)'],
    ['Bash', { command: 'ls *.ts' }, 'Bash(ls \\*.ts)'],
    ['Bash', { command: 'npm run x:*' }, 'Bash(npm run x:\\*)'],
    ['Bash', { command: 'echo a\\b' }, 'Bash(echo a\\\\b)'],
    ['Read', { file_path: '/etc/hosts' }, 'Read(/etc/hosts)'],
    ['Edit', { file_path: 'src/a.ts', old_string: 'a', new_string: 'b' }, 'Edit(/work/proj/src/a.ts)'],
    ['Write', { file_path: '/tmp/what?.txt' }, 'Write(/tmp/what\\?.txt)'],
    ['NotebookEdit', { notebook_path: '/n.ipynb' }, 'NotebookEdit(/n.ipynb)'],
    ['Grep', { pattern: 'x', path: '/work/proj/src' }, 'Grep(/work/proj/src)'],
    ['WebFetch', { url: 'https://Docs.Example.com/a/b', prompt: 'p' }, 'WebFetch(domain:docs.example.com)'],
    ['mcp__github__create_issue', { title: 't' }, 'mcp__github__create_issue'],
    ['TodoWrite', { todos: [] }, 'TodoWrite'],
    ['WebSearch', { query: 'x' }, 'WebSearch'],
  ])('%s %j → %s', (tool, input, rule) => {
    expect(ruleForSession(tool, input, context)).toBe(rule);
  });

  it.each([
    ['Bash', {}],
    ['Bash', { command: '   ' }],
    ['Read', {}],
    ['WebFetch', { url: 'nope' }],
    ['Bad Tool(x)', {}],
  ])('makes no rule for %s %j', (tool, input) => {
    expect(ruleForSession(tool, input, context)).toBeUndefined();
  });

  it.each([
    ['Bash', { command: 'git status' }, { command: 'git status --porcelain' }],
    ['Bash', { command: 'ls *.ts' }, { command: 'ls evil.ts' }],
    ['Bash', { command: 'npm run x:*' }, { command: 'npm run x rm' }],
    ['Bash', { command: 'echo a\\b && echo (c)' }, { command: 'echo a\\b' }],
    ['Read', { file_path: '/etc/hosts' }, { file_path: '/etc/hosts.allow' }],
    ['Write', { file_path: '/tmp/a*b' }, { file_path: '/tmp/axxb' }],
  ])('the rule for %s %j matches that call and not %j', (tool, input, other) => {
    const rule = ruleForSession(tool, input, context)!;
    expect(parseRule(rule).exact).toBe(true);
    expect(decideByRules({ allow: [rule] }, tool, input, context)).toBe('allow');
    expect(decideByRules({ allow: [rule] }, tool, other, context)).toBeUndefined();
  });
});
