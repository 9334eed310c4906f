import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_HOOK_INPUT_BYTES,
  parseHookInput,
  readHookInput,
  readHookInputSync,
  startedByClaudeCode,
} from '../../src/events/index.js';

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

describe('readHookInputSync', () => {
  let dir: string;
  const fds: number[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccbell-input-'));
  });
  afterEach(() => {
    for (const fd of fds.splice(0)) closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
  const fileWith = (text: string) => {
    const path = join(dir, 'input');
    writeFileSync(path, text);
    const fd = openSync(path, 'r');
    fds.push(fd);
    return fd;
  };

  it('reads a regular file whoever started the process', () => {
    expect(readHookInputSync(fileWith('{"hook_event_name":"Stop"}\n'))).toEqual({
      kind: 'json',
      input: { hook_event_name: 'Stop' },
    });
  });

  it('reports garbage, emptiness and excess in a file as the stream reader does', () => {
    expect(readHookInputSync(fileWith('\u0000garbage{')).kind).toBe('invalid');
    expect(readHookInputSync(fileWith(''))).toEqual({ kind: 'none' });
    expect(readHookInputSync(fileWith(`{"a":"${'x'.repeat(2000)}"}`), { maxBytes: 1000 })).toEqual({
      kind: 'invalid',
      reason: 'hook input is larger than 1000 bytes',
    });
  });

  it('leaves a pipe to the stream unless its writer ends it at once (it could block for ever)', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Opened read-write, so neither open blocks; nothing is read.
    const fd = openSync(fifo, 'r+');
    fds.push(fd);
    expect(readHookInputSync(fd)).toEqual({ kind: 'stream', head: Buffer.alloc(0) });
  });

  it("takes a whole object from Claude Code's pipe without waiting for the writer to close it", async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // A writer that sends the input and then holds the pipe open for 30 s.
    const writer = spawn('sh', ['-c', `printf '%s\\n' '{"session_id":"s1"}' > "$1"; sleep 30`, 'sh', fifo], {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    try {
      const fd = openSync(fifo, 'r');
      fds.push(fd);
      const started = Date.now();
      expect(readHookInputSync(fd, { writerEndsAtOnce: true })).toEqual({
        kind: 'json',
        input: { session_id: 's1' },
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      process.kill(-(writer.pid as number), 'SIGKILL');
    }
  });

  it('leaves a terminal or a device to the stream, and reads a closed stdin as none', () => {
    const fd = openSync('/dev/null', 'r');
    fds.push(fd);
    expect(readHookInputSync(fd, { writerEndsAtOnce: true })).toEqual({
      kind: 'stream',
      head: Buffer.alloc(0),
    });
    expect(readHookInputSync(987_654, { writerEndsAtOnce: true })).toEqual({ kind: 'none' });
  });

  it("knows Claude Code's hooks by CLAUDE_PROJECT_DIR", () => {
    expect(startedByClaudeCode({ CLAUDE_PROJECT_DIR: '/home/u/p' })).toBe(true);
    expect(startedByClaudeCode({})).toBe(false);
  });
});

describe('readHookInput after a synchronous start', () => {
  it('joins what the synchronous read had to what the stream brings', async () => {
    const input = stdin();
    const result = readHookInput(input, { head: Buffer.from('{"session_id":'), timeoutMs: 5000 });
    input.end('"s1"}');
    expect(await result).toEqual({ kind: 'json', input: { session_id: 's1' } });
  });
});
