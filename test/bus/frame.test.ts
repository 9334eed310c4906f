import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FRAME_BYTES,
  encodeFrame,
  FrameDecoder,
  FrameError,
  parseFrame,
} from '../../src/bus/frame.js';

describe('encodeFrame', () => {
  it('writes one line of JSON ending in a newline, even for payloads holding newlines', () => {
    const buffer = encodeFrame({ t: 'post', p: { text: 'a\nb', emoji: '🔔' } });
    const text = buffer.toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(JSON.parse(text)).toEqual({ t: 'post', p: { text: 'a\nb', emoji: '🔔' } });
  });

  it('refuses a frame over the cap, and takes one exactly at it', () => {
    const exact = encodeFrame({ t: 'post', p: 'x' }).length - 1;
    expect(() => encodeFrame({ t: 'post', p: 'x' }, exact)).not.toThrow();
    expect(() => encodeFrame({ t: 'post', p: 'xy' }, exact)).toThrow(
      expect.objectContaining({ reason: 'too-large' }),
    );
  });

  it('refuses payloads JSON cannot carry', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeFrame({ t: 'post', p: circular })).toThrow(FrameError);
    expect(() => encodeFrame({ t: 'post', p: 10n })).toThrow(/not serialisable/);
  });

  it('caps at 1 MiB by default', () => {
    expect(DEFAULT_MAX_FRAME_BYTES).toBe(1048576);
    expect(() => encodeFrame({ t: 'post', p: 'x'.repeat(DEFAULT_MAX_FRAME_BYTES) })).toThrow(/over the cap/);
  });
});

describe('parseFrame', () => {
  it('reads each frame type', () => {
    expect(parseFrame('{"t":"post","p":[1]}')).toEqual({ t: 'post', p: [1] });
    expect(parseFrame('{"t":"post"}')).toEqual({ t: 'post', p: undefined });
    expect(parseFrame('{"t":"req","id":3,"p":"q"}')).toEqual({ t: 'req', id: 3, p: 'q' });
    expect(parseFrame('{"t":"rep","id":"a","p":null}')).toEqual({ t: 'rep', id: 'a', p: null });
    expect(parseFrame('{"t":"err","id":3,"m":"boom"}')).toEqual({ t: 'err', id: 3, m: 'boom' });
  });

  it.each([
    ['not JSON', '{"t":"post"'],
    ['empty', ''],
    ['an array', '[1]'],
    ['a string', '"post"'],
    ['null', 'null'],
    ['unknown type', '{"t":"boom"}'],
    ['no type', '{"p":1}'],
    ['request without id', '{"t":"req","p":1}'],
    ['request with object id', '{"t":"req","id":{},"p":1}'],
    ['error without message', '{"t":"err","id":1}'],
  ])('refuses %s', (_, text) => {
    expect(() => parseFrame(text)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});

describe('FrameDecoder', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('yields several frames from one chunk', () => {
    const decoder = new FrameDecoder();
    const { frames, error } = decoder.push(bytes('{"t":"post","p":1}\n{"t":"post","p":2}\n'));
    expect(error).toBeUndefined();
    expect(frames).toEqual([
      { t: 'post', p: 1 },
      { t: 'post', p: 2 },
    ]);
    expect(decoder.buffered).toBe(0);
  });

  it('joins a frame split byte by byte, multi-byte characters included', () => {
    const decoder = new FrameDecoder();
    const all = encodeFrame({ t: 'req', id: 7, p: 'ünïcødé 🔔' });
    const frames = [];
    for (const byte of all) frames.push(...decoder.push(Uint8Array.of(byte)).frames);
    expect(frames).toEqual([{ t: 'req', id: 7, p: 'ünïcødé 🔔' }]);
  });

  it('keeps a partial frame until its newline arrives', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(bytes('{"t":"post","p":1}\n{"t":"po')).frames).toEqual([{ t: 'post', p: 1 }]);
    expect(decoder.buffered).toBe(8);
    expect(decoder.push(bytes('st"}\n')).frames).toEqual([{ t: 'post', p: undefined }]);
  });

  it('takes a frame of exactly the cap and refuses one byte more', () => {
    const line = '{"t":"post","p":"abc"}';
    expect(new FrameDecoder(line.length).push(bytes(`${line}\n`)).error).toBeUndefined();
    const { error } = new FrameDecoder(line.length - 1).push(bytes(`${line}\n`));
    expect(error?.reason).toBe('too-large');
  });

  it('refuses an oversized frame before its newline arrives, without buffering it', () => {
    const decoder = new FrameDecoder(100);
    expect(decoder.push(bytes('x'.repeat(60))).error).toBeUndefined();
    const { error } = decoder.push(bytes('x'.repeat(60)));
    expect(error?.reason).toBe('too-large');
    expect(decoder.buffered).toBe(0);
  });

  it('yields the frames before a broken one, then the error, and stays failed', () => {
    const decoder = new FrameDecoder();
    const { frames, error } = decoder.push(bytes('{"t":"post","p":1}\nnot json\n{"t":"post","p":2}\n'));
    expect(frames).toEqual([{ t: 'post', p: 1 }]);
    expect(error?.reason).toBe('malformed');
    const later = decoder.push(bytes('{"t":"post","p":3}\n'));
    expect(later.frames).toEqual([]);
    expect(later.error).toBe(error);
  });

  it('reports a stream that ends inside a frame', () => {
    const decoder = new FrameDecoder();
    expect(decoder.end()).toBeUndefined();
    decoder.push(bytes('{"t":'));
    expect(decoder.end()?.reason).toBe('malformed');
  });
});
