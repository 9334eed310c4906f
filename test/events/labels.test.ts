import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../src/events/labels.js';

describe('summaryOf', () => {
  it.each([
    ['Bash', { command: 'git status', description: 'Show status' }, 'git status'],
    ['Bash', { command: 'for f in *;\n  do echo $f;\ndone' }, 'for f in *; do echo $f; done'],
    ['Read', { file_path: '/etc/hosts' }, '/etc/hosts'],
    ['Write', { file_path: '/tmp/a', content: 'x'.repeat(1000) }, '/tmp/a'],
    ['MultiEdit', { file_path: '/a.ts', edits: [{}, {}] }, '/a.ts (2 edits)'],
    ['MultiEdit', { file_path: '/a.ts', edits: [{}] }, '/a.ts (1 edit)'],
    ['NotebookEdit', { notebook_path: '/n.ipynb' }, '/n.ipynb'],
    ['Grep', { pattern: 'TODO', path: '/src' }, 'TODO in /src'],
    ['Glob', { pattern: '**/*.ts' }, '**/*.ts'],
    ['WebFetch', { url: 'https://example.com/x', prompt: 'p' }, 'https://example.com/x'],
    ['WebSearch', { query: 'vitest' }, 'vitest'],
    ['Task', { description: 'Find bugs', prompt: 'long' }, 'Find bugs'],
    ['TodoWrite', { todos: [1, 2, 3] }, '3 todos'],
    ['mcp__x__y', { a: [1, { b: 'c' }] }, '{"a":[1,{"b":"c"}]}'],
    ['mcp__x__y', {}, ''],
    ['Bash', { command: 42 }, '{"command":42}'],
  ])('%s %j → %j', (tool, input, summary) => {
    expect(summaryOf(tool, input)).toBe(summary);
  });

  it('cuts to the length asked, on a character boundary', () => {
    const summary = summaryOf('Bash', { command: `echo ${'🎉'.repeat(50)}` }, 10);
    expect(Array.from(summary)).toHaveLength(10);
    expect(summary).toBe(`echo ${'🎉'.repeat(4)}…`);
    expect(summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(summaryOf('Bash', { command: 'x'.repeat(500) })).toHaveLength(160);
  });

  it('removes terminal escapes and control characters', () => {
    const summary = summaryOf('Bash', {
      command: 'ls \u001b[2J\u001b[31mred\u001b[0m\u001b]0;title\u0007 \r\u0008\u202eevil',
    });
    expect(summary).toBe('ls red evil');
    expect(summary).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
  });
});
