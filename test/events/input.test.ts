import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_HOOK_INPUT_BYTES, parseHookInput, readHookInput } from '../../src/events/index.js';

function stdin(): PassThrough & NodeJS.ReadStream {
  return new PassThrough() as PassThrough & NodeJS.ReadStream;
}

describe('parseHookInput', () => {
  it('reads a JSON object', () => {
    expect(parseHookInput(' {"hook_event_name":"Stop"}\n')).toEqual({
      kind: 'json',
      input: { hook_event_name: 'Stop' },
    });
  });
  it('reads blank input as none', () => {
    expect(parseHookInput('  \n')).toEqual({ kind: 'none' });
  });
  it.each(['garbage{', '[1,2]', '"text"', '42', 'null'])('reports %j as invalid, never throws', (text) => {
    expect(parseHookInput(text).kind).toBe('invalid');
  });
});

describe('readHookInput', () => {
  it('reads what is written before the stream ends', async () => {
    const input = stdin();
    const result = readHookInput(input);
    input.write('{"hook_event_name":');
    input.end('"Stop","session_id":"s1"}');
    expect(await result).toEqual({ kind: 'json', input: { hook_event_name: 'Stop', session_id: 's1' } });
  });

  it('reports garbage as invalid', async () => {
    const input = stdin();
    const result = readHookInput(input);
    input.end('\u0000\u0001 not json');
    const read = await result;
    expect(read.kind).toBe('invalid');
    expect((read as { reason: string }).reason).toMatch(/not JSON/);
  });

  it('reads empty input as none', async () => {
    const input = stdin();
    const result = readHookInput(input);
    input.end();
    expect(await result).toEqual({ kind: 'none' });
  });

  it('stops reading past maxBytes and reports it', async () => {
    const input = stdin();
    const result = readHookInput(input, { maxBytes: 1000, timeoutMs: 5000 });
    input.write(`{"a":"${'x'.repeat(2000)}"}`);
    const read = await result;
    expect(read).toEqual({ kind: 'invalid', reason: 'hook input is larger than 1000 bytes' });
  });

  it('allows 1 MB by default', () => {
    expect(MAX_HOOK_INPUT_BYTES).toBe(1024 * 1024);
  });

  it('returns within its timeout when stdin never closes and nothing came', async () => {
    const input = stdin();
    const started = Date.now();
    expect(await readHookInput(input, { timeoutMs: 150 })).toEqual({ kind: 'none' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('returns within its timeout when stdin never closes after part of the input', async () => {
    const input = stdin();
    const result = readHookInput(input, { timeoutMs: 150 });
    input.write('{"hook_event_name":"St');
    const started = Date.now();
    const read = await result;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(read).toEqual({ kind: 'invalid', reason: 'hook input incomplete after 150 ms' });
  });

  it('takes a whole JSON object without waiting for stdin to close', async () => {
    const input = stdin();
    const result = readHookInput(input, { timeoutMs: 5000 });
    input.write('{"session_id":"s1","hook_event_name":"Stop"');
    input.write('}\n');
    const started = Date.now();
    expect(await result).toEqual({ kind: 'json', input: { session_id: 's1', hook_event_name: 'Stop' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps reading when a chunk ends in a brace that does not close the object', async () => {
    const input = stdin();
    const result = readHookInput(input, { timeoutMs: 5000 });
    input.write('{"a":{"b":1}');
    input.write(',"c":2}');
    expect(await result).toEqual({ kind: 'json', input: { a: { b: 1 }, c: 2 } });
  });

  it('reports a stream error instead of throwing', async () => {
    const input = stdin();
    const result = readHookInput(input, { timeoutMs: 5000 });
    input.destroy(new Error('EIO'));
    expect(await result).toEqual({ kind: 'invalid', reason: 'cannot read stdin (EIO)' });
  });

  it('does not read from a terminal', async () => {
    const input = stdin();
    input.isTTY = true;
    const started = Date.now();
    expect(await readHookInput(input, { timeoutMs: 5000 })).toEqual({ kind: 'none' });
    expect(Date.now() - started).toBeLessThan(100);
  });
});
