import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_LIMITS,
  ProtocolError,
  parseApprovalAnswer,
  parseApprovalRequest,
  toClaudeResult,
} from '../../src/approval/index.js';

const nestedInput = () => ({
  file_path: '/tmp/ü/データ.json',
  edits: [
    { old_string: 'a\nb', new_string: '🎉 "quoted" \\ back', replace_all: false },
    { old_string: '', new_string: 'x', extra: { deep: [[1, 2], [{ n: null }]] } },
  ],
  options: { nested: { array: [true, false, 0, -1.5, 'ß'] } },
  empty: {},
  none: [],
});

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as Error).message;
  }
  throw new Error('expected a ProtocolError');
}

describe('parseApprovalRequest', () => {
  it('carries the host a request was made on, and refuses one with control characters', () => {
    const base = { tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_1' };
    expect(parseApprovalRequest({ ...base, host: 'devbox' }).host).toBe('devbox');
    expect(reason(() => parseApprovalRequest({ ...base, host: 'dev\u001b[2Jbox' }))).toMatch(/^host: /);
    expect(reason(() => parseApprovalRequest({ ...base, host: 'x'.repeat(256) }))).toMatch(/^host: /);
  });

  it('keeps the input whole: the same object, nested values untouched', () => {
    const input = nestedInput();
    const request = parseApprovalRequest({ tool_name: 'MultiEdit', input, tool_use_id: 'toolu_01AbC' });
    expect(request.input).toBe(input);
    expect(request.input).toEqual(nestedInput());
    expect(request).toEqual({ tool_name: 'MultiEdit', input: nestedInput(), tool_use_id: 'toolu_01AbC' });
  });

  it('survives a JSON round trip unchanged, "__proto__" keys included', () => {
    const wire = JSON.parse(
      JSON.stringify({ tool_name: 'Bash', input: nestedInput(), tool_use_id: 'toolu_1', cwd: '/w' }).replace(
        '"empty":{}',
        '"empty":{"__proto__":{"x":1}}',
      ),
    );
    const request = parseApprovalRequest(wire);
    expect(Object.keys(request.input.empty as object)).toEqual(['__proto__']);
    expect(JSON.stringify(request.input)).toBe(JSON.stringify(wire.input));
    expect(request.cwd).toBe('/w');
  });

  it.each([
    [null, 'must be an object'],
    [[], 'must be an object'],
    ['{"tool_name":"Bash"}', 'must be an object'],
    [{ input: {}, tool_use_id: 't' }, 'tool_name: must be a string'],
    [{ tool_name: '', input: {}, tool_use_id: 't' }, 'tool_name: is empty'],
    [{ tool_name: 'Ba sh', input: {}, tool_use_id: 't' }, 'tool_name: may hold only'],
    [{ tool_name: 'x'.repeat(300), input: {}, tool_use_id: 't' }, 'tool_name: longer than 256'],
    [{ tool_name: 'Bash', input: [], tool_use_id: 't' }, 'input: must be an object'],
    [{ tool_name: 'Bash', input: 'ls', tool_use_id: 't' }, 'input: must be an object'],
    [{ tool_name: 'Bash', input: null, tool_use_id: 't' }, 'input: must be an object'],
    [{ tool_name: 'Bash', input: new Date(), tool_use_id: 't' }, 'input: must be a plain object'],
    [{ tool_name: 'Bash', input: { a: () => 1 }, tool_use_id: 't' }, 'input.a: is not a JSON value'],
    [
      { tool_name: 'Bash', input: { a: [1, undefined] }, tool_use_id: 't' },
      'input.a[1]: is not a JSON value',
    ],
    [{ tool_name: 'Bash', input: { a: Number.NaN }, tool_use_id: 't' }, 'input.a: is not a finite number'],
    [{ tool_name: 'Bash', input: { a: 1n }, tool_use_id: 't' }, 'is not a JSON value (bigint)'],
    [{ tool_name: 'Bash', input: { a: new Map() }, tool_use_id: 't' }, 'input.a: is not a plain object'],
    [{ tool_name: 'Bash', input: {} }, 'tool_use_id: must be a string'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 7 }, 'tool_use_id: must be a string, got number'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 'a b' }, 'tool_use_id: may hold only'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 'a\n' }, 'tool_use_id: may hold only'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 't'.repeat(257) }, 'tool_use_id: longer than'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 't', cwd: 5 }, 'cwd: must be a string'],
    [{ tool_name: 'Bash', input: {}, tool_use_id: 't', cwd: '/a\u0000b' }, 'cwd: contains control'],
  ])('refuses %o: %s', (value, expected) => {
    expect(reason(() => parseApprovalRequest(value))).toContain(expected);
  });

  it('refuses an input nested too deep', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < PROTOCOL_LIMITS.inputDepth + 2; i++) deep = i % 2 ? { d: deep } : [deep];
    expect(
      reason(() => parseApprovalRequest({ tool_name: 'X', input: { deep }, tool_use_id: 't' })),
    ).toContain('nested deeper than');
  });

  it('accepts a large input and refuses a huge one', () => {
    const large = 'x'.repeat(1024 * 1024);
    expect(
      parseApprovalRequest({ tool_name: 'Write', input: { content: large }, tool_use_id: 't' }).input.content,
    ).toBe(large);
    const huge = 'x'.repeat(PROTOCOL_LIMITS.inputLength + 1);
    expect(
      reason(() => parseApprovalRequest({ tool_name: 'Write', input: { content: huge }, tool_use_id: 't' })),
    ).toContain('input: larger than');
  });

  it('refuses an input that refers to itself, but takes shared values', () => {
    const shared = { s: 1 };
    expect(() =>
      parseApprovalRequest({ tool_name: 'X', input: { a: shared, b: shared }, tool_use_id: 't' }),
    ).not.toThrow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(reason(() => parseApprovalRequest({ tool_name: 'X', input: cyclic, tool_use_id: 't' }))).toContain(
      'input.self: refers to itself',
    );
  });
});

describe('parseApprovalAnswer', () => {
  it('reads an allow, a deny, and an allow with updated input', () => {
    expect(parseApprovalAnswer({ tool_use_id: 't1', behavior: 'allow' })).toEqual({
      tool_use_id: 't1',
      behavior: 'allow',
    });
    expect(parseApprovalAnswer({ tool_use_id: 't1', behavior: 'deny', message: 'no' })).toEqual({
      tool_use_id: 't1',
      behavior: 'deny',
      message: 'no',
    });
    const updated = nestedInput();
    const answer = parseApprovalAnswer({ tool_use_id: 't1', behavior: 'allow', updated_input: updated });
    expect(answer.updated_input).toBe(updated);
  });

  it('drops fields it does not know', () => {
    expect(
      parseApprovalAnswer({ tool_use_id: 't', behavior: 'allow', admin: true, updated_input: null }),
    ).toEqual({
      tool_use_id: 't',
      behavior: 'allow',
    });
  });

  it.each([
    [undefined, 'must be an object'],
    [42, 'must be an object'],
    [{ behavior: 'allow' }, 'tool_use_id: must be a string'],
    [{ tool_use_id: 't' }, 'behavior: must be "allow" or "deny", got undefined'],
    [{ tool_use_id: 't', behavior: 'ALLOW' }, 'behavior: must be "allow" or "deny"'],
    [{ tool_use_id: 't', behavior: true }, 'behavior: must be "allow" or "deny", got boolean'],
    [{ tool_use_id: 't', behavior: 'allow', updated_input: [] }, 'updated_input: must be an object'],
    [{ tool_use_id: 't', behavior: 'allow', updated_input: 'rm -rf /' }, 'updated_input: must be an object'],
    [{ tool_use_id: 't', behavior: 'deny', updated_input: {} }, 'only an allow can carry updated_input'],
    [{ tool_use_id: 't', behavior: 'deny', message: 5 }, 'message: must be a string'],
    [{ tool_use_id: 't', behavior: 'deny', message: 'm'.repeat(20_000) }, 'message: longer than'],
  ])('refuses %j: %s', (value, expected) => {
    expect(reason(() => parseApprovalAnswer(value))).toContain(expected);
  });
});

describe('toClaudeResult', () => {
  it('allows with the original input when nothing was updated', () => {
    const input = nestedInput();
    const result = toClaudeResult({ tool_use_id: 't', behavior: 'allow' }, input);
    expect(result).toEqual({ behavior: 'allow', updatedInput: nestedInput() });
    expect(JSON.parse(JSON.stringify(result))).toEqual({ behavior: 'allow', updatedInput: nestedInput() });
  });

  it('allows with the updated input', () => {
    const result = toClaudeResult(
      { tool_use_id: 't', behavior: 'allow', updated_input: { command: 'ls' } },
      { command: 'rm' },
    );
    expect(result).toEqual({ behavior: 'allow', updatedInput: { command: 'ls' } });
  });

  it('denies with the message, or a default one', () => {
    expect(toClaudeResult({ tool_use_id: 't', behavior: 'deny', message: 'not now' }, {})).toEqual({
      behavior: 'deny',
      message: 'not now',
    });
    const result = toClaudeResult({ tool_use_id: 't', behavior: 'deny', message: '  ' }, {});
    expect(result.behavior).toBe('deny');
    expect((result as { message: string }).message).toMatch(/ccbell/);
    expect(Object.keys(result)).toEqual(['behavior', 'message']);
  });
});
