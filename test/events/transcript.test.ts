import { describe, expect, it } from 'vitest';
import { canonicalJson, readTranscriptLines, ToolCallTracker } from '../../src/events/transcript.js';

// Shapes as Claude Code 2.1.330 writes them (seen in ~/.claude/projects/<dir>/<session>.jsonl).
const at = (ms: number) => new Date(ms).toISOString();
const toolUse = (id: string, command: string, ms: number) =>
  JSON.stringify({
    type: 'assistant',
    timestamp: at(ms),
    message: {
      role: 'assistant',
      content: [{ type: 'tool_use', id, name: 'Bash', input: { command, description: 'test command' } }],
    },
  });
const toolResult = (id: string, ms: number, denied = false) =>
  JSON.stringify({
    type: 'user',
    timestamp: at(ms),
    message: {
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: id,
          is_error: denied,
          content: denied ? "The user doesn't want to proceed with this tool use." : '',
        },
      ],
    },
  });
const input = { description: 'test command', command: 'touch x' };
const T = 1_800_000_000_000;

describe('readTranscriptLines', () => {
  it('finds tool calls and results and skips everything else', () => {
    const facts = readTranscriptLines([
      '{"type":"api-request","params":{}}',
      'not json at all',
      toolUse('toolu_1', 'touch x', T),
      '{"type":"tool_use" broken',
      toolResult('toolu_1', T + 10),
      JSON.stringify({ message: { content: [{ type: 'tool_use', id: 5, name: 'Bash' }] } }),
    ]);
    expect(facts.toolUses).toEqual([
      { id: 'toolu_1', name: 'Bash', input: { command: 'touch x', description: 'test command' }, at: T },
    ]);
    expect([...facts.results]).toEqual(['toolu_1']);
  });

  it('compares inputs whatever their key order', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(
      canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
  });
});

describe('ToolCallTracker', () => {
  it('settles when the waiting call gets its result (answered in the dialog)', () => {
    const tracker = new ToolCallTracker('Bash', input, T + 100);
    expect(tracker.feed([toolUse('toolu_a', 'touch x', T)])).toBe(false);
    expect(tracker.id).toBe('toolu_a');
    expect(tracker.feed(['{"type":"progress"}'])).toBe(false);
    expect(tracker.feed([toolResult('toolu_a', T + 5000, true)])).toBe(true);
  });

  it('does not take an older identical call that already ran for the waiting one', () => {
    const tracker = new ToolCallTracker('Bash', input, T + 20_000);
    expect(tracker.feed([toolUse('toolu_old', 'touch x', T), toolResult('toolu_old', T + 1000)])).toBe(false);
    expect(tracker.id).toBeUndefined();
    // The waiting call's tool_use is appended after the tail was read.
    expect(tracker.feed([toolUse('toolu_new', 'touch x', T + 19_900)])).toBe(false);
    expect(tracker.feed([toolResult('toolu_new', T + 25_000)])).toBe(true);
    expect(tracker.id).toBe('toolu_new');
  });

  it('ignores other tools, other inputs, and calls from long before the request', () => {
    const tracker = new ToolCallTracker('Bash', input, T + 600_000);
    expect(
      tracker.feed([
        toolUse('toolu_stale', 'touch x', T),
        toolUse('toolu_other', 'touch y', T + 599_000),
        toolResult('toolu_other', T + 599_500),
        toolResult('toolu_stale', T + 599_600),
      ]),
    ).toBe(false);
    expect(tracker.id).toBeUndefined();
  });

  it('settles on a parallel call only through its own id', () => {
    const tracker = new ToolCallTracker('Bash', input, T + 100);
    tracker.feed([toolUse('toolu_a', 'touch x', T), toolUse('toolu_b', 'ls', T)]);
    expect(tracker.feed([toolResult('toolu_b', T + 200)])).toBe(false);
    expect(tracker.feed([toolResult('toolu_a', T + 300)])).toBe(true);
  });
});
