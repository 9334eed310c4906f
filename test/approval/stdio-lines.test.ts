// The approval server's line reader: lines under the cap come out whole; a line over it is
// skipped unheld and reported with its size, id and method.
import { describe, expect, it } from 'vitest';
import { JsonRpcLineReader, type LineEvent } from '../../src/approval/stdio-lines.js';

function feed(reader: JsonRpcLineReader, text: string | Buffer, size: number): LineEvent[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const events: LineEvent[] = [];
  for (let at = 0; at < bytes.length; at += size) events.push(...reader.push(bytes.subarray(at, at + size)));
  return events;
}

describe('JsonRpcLineReader', () => {
  it('splits lines across any chunking, dropping a trailing CR and blank lines', () => {
    for (const size of [1, 4, 1000]) {
      const events = feed(new JsonRpcLineReader(100), '{"id":1}\r\n\n{"id":"ü"}\n{"id":', size);
      expect(events).toEqual([
        { kind: 'line', text: '{"id":1}' },
        { kind: 'line', text: '{"id":"ü"}' },
      ]);
    }
  });

  it('reports a line over the cap with its size, id and method, and reads on after it', () => {
    const huge = JSON.stringify({
      method: 'tools/call',
      params: { arguments: { input: { content: 'x'.repeat(5000) } } },
      jsonrpc: '2.0',
      id: 9,
    });
    const text = `${huge}\n{"jsonrpc":"2.0","id":10,"method":"ping"}\n`;
    for (const size of [7, 512, 100_000]) {
      const reader = new JsonRpcLineReader(1000);
      expect(feed(reader, text, size)).toEqual([
        { kind: 'oversized', bytes: Buffer.byteLength(huge), id: 9, method: 'tools/call' },
        { kind: 'line', text: '{"jsonrpc":"2.0","id":10,"method":"ping"}' },
      ]);
    }
  });

  it('holds no more than the cap of an oversized line', () => {
    const reader = new JsonRpcLineReader(1024);
    reader.push(Buffer.from('{"method":"x","params":"'));
    expect(reader.buffered).toBe(24);
    for (let i = 0; i < 160; i++) {
      expect(reader.push(Buffer.alloc(64 * 1024, 0x61))).toEqual([]); // 10 MiB, no newline
      expect(reader.buffered).toBe(0);
    }
    expect(reader.push(Buffer.from('","id":"abc"}\n'))).toEqual([
      { kind: 'oversized', bytes: 24 + 160 * 64 * 1024 + 13, id: 'abc', method: 'x' },
    ]);
    expect(feed(reader, '{"id":1}\n', 3)).toEqual([{ kind: 'line', text: '{"id":1}' }]);
  });
});
