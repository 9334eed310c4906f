// The raw-bytes JSON scanner: depth as a parser would see it (strings and escapes respected),
// chunk boundaries anywhere, and top-level members picked out wherever they sit.
import { describe, expect, it } from 'vitest';
import { JsonScanner } from '../../src/protocol/index.js';

/** Feeds `text` in chunks of `size` bytes; returns the scanner and whether it stayed within depth. */
function scan(text: string, options: ConstructorParameters<typeof JsonScanner>[0], size = 1) {
  const scanner = new JsonScanner(options);
  const bytes = Buffer.from(text);
  let within = true;
  for (let at = 0; at < bytes.length; at += size) within = scanner.push(bytes.subarray(at, at + size));
  return { scanner, within };
}

/** The real nesting depth of a JSON value, for checking the scanner against. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Object.values(value);
  return 1 + (children.length ? Math.max(...children.map(depthOf)) : 0);
}

describe('JsonScanner: depth', () => {
  const texts = [
    '{}',
    '[]',
    '"[[[[{{{{"',
    '{"a":"[[[[\\"[[[[","b":[1,{"c":[]}]}',
    '{"\\\\":"\\\\\\"[[","x":[[["\\u005b"]]]}',
    '[{"k":"}}}}]]]]"},[[],[[]]],"\\\\"]',
    '{"ünï":{"€":["𝄞",{"[":"]"}]}}',
    ' \n {"a" : [ 1 , 2 , { "b" : null } ] } \n',
  ];
  for (const text of texts) {
    it(`agrees with JSON.parse on ${text.trim().slice(0, 30)}`, () => {
      const expected = depthOf(JSON.parse(text));
      for (const size of [1, 2, 3, 7, 1000]) {
        const { scanner, within } = scan(text, { maxDepth: 64 }, size);
        expect(within).toBe(true);
        expect(scanner.deepest, `chunks of ${size}`).toBe(expected);
      }
    });
  }

  it('stops at the first bracket over the limit, without reading the rest', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const scanner = new JsonScanner({ maxDepth: 64 });
    expect(scanner.push(Buffer.from(deep))).toBe(false);
    expect(scanner.withinDepth).toBe(false);
    expect(scanner.deepest).toBe(65);
    // Failed for good: more input does not revive it.
    expect(scanner.push(Buffer.from('}'))).toBe(false);
    expect(scan('[[[[]]]]', { maxDepth: 4 }).within).toBe(true);
    expect(scan('[[[[[]]]]]', { maxDepth: 4 }).within).toBe(false);
  });
});

describe('JsonScanner: top-level members', () => {
  const capture = ['id', 'method'];

  it('finds "id" after a large params member, as the MCP SDK client writes it, in any chunking', () => {
    const message = JSON.stringify({
      method: 'tools/call',
      params: { name: 'approval_prompt', arguments: { id: 'inner', input: { content: 'x'.repeat(10_000) } } },
      jsonrpc: '2.0',
      id: 42,
    });
    for (const size of [1, 5, 64, 100_000]) {
      const { scanner } = scan(message, { capture }, size);
      expect(Object.fromEntries(scanner.captured), `chunks of ${size}`).toEqual({
        method: 'tools/call',
        id: 42,
      });
    }
  });

  it('is not fooled by nested or quoted look-alikes, and reads escaped keys and string ids', () => {
    const tricky = '{"params":{"id":1,"x":"\\"id\\":2}"},"a\\"id":3,"\\u0069d":"req-7","method":"m\\"x"}';
    expect(JSON.parse(tricky).id).toBe('req-7');
    const { scanner } = scan(tricky, { capture }, 3);
    expect(Object.fromEntries(scanner.captured)).toEqual({ id: 'req-7', method: 'm"x' });
  });

  it('keeps nothing from an array, a value too long, or a message cut short', () => {
    expect(scan('[{"id":1}]', { capture }).scanner.captured.size).toBe(0);
    expect(scan(`{"id":"${'x'.repeat(5000)}"}`, { capture }).scanner.captured.size).toBe(0);
    expect(scan('{"method":"tools/call","id":', { capture }).scanner.captured.get('id')).toBeUndefined();
  });
});
