import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SOUNDS } from '../../src/notify/index.js';

const script = fileURLToPath(new URL('../../scripts/make-sounds.mjs', import.meta.url));

interface MakeSoundsModule {
  makeSounds(dir: string): Promise<void>;
  SOUND_EVENTS: readonly string[];
}

// Imported by URL at run time: the script is plain JS with JSDoc types, outside tsc's reach.
const { makeSounds, SOUND_EVENTS } = (await import(pathToFileURL(script).href)) as MakeSoundsModule;

const EVENTS = [
  'stop',
  'permission_prompt',
  'idle_prompt',
  'subagent',
  'session_start',
  'session_end',
  'permission_request',
  'permission_denied',
  'stop_failure',
  'elicitation_dialog',
  'agent_needs_input',
  'agent_completed',
  'auth_success',
];

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bits: number;
  samples: Int16Array;
}

// A strict reader: walks the RIFF chunks and checks every size against the file's length.
function parseWav(buf: Buffer): Wav {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  let offset = 12;
  let fmt: Omit<Wav, 'samples'> | undefined;
  let samples: Int16Array | undefined;
  while (offset < buf.length) {
    expect(offset + 8).toBeLessThanOrEqual(buf.length);
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    expect(body + size).toBeLessThanOrEqual(buf.length);
    if (id === 'fmt ') {
      expect(size).toBeGreaterThanOrEqual(16);
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        blockAlign: buf.readUInt16LE(body + 12),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      expect(fmt, 'fmt chunk comes before data').toBeDefined();
      expect(size % 2).toBe(0);
      samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + i * 2);
    }
    offset = body + size + (size % 2);
  }
  expect(offset).toBe(buf.length);
  if (!fmt || !samples) throw new Error('missing fmt or data chunk');
  return { ...fmt, samples };
}

describe('makeSounds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ccbell-sounds-'));
    await makeSounds(path.join(dir, 'a', 'nested'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one WAV per event, creating the directory, and lists the same events as src/notify', async () => {
    expect([...SOUND_EVENTS].sort()).toEqual([...EVENTS].sort());
    expect([...BUNDLED_SOUNDS].sort()).toEqual([...EVENTS].sort());
    const files = await readdir(path.join(dir, 'a', 'nested'));
    expect(files.sort()).toEqual(EVENTS.map((e) => `${e}.wav`).sort());
  });

  it.each(EVENTS)('%s.wav is valid 16-bit PCM mono, short, unclipped and click-free', async (event) => {
    const wav = parseWav(await readFile(path.join(dir, 'a', 'nested', `${event}.wav`)));
    expect(wav.format).toBe(1);
    expect(wav.channels).toBe(1);
    expect(wav.bits).toBe(16);
    expect(wav.sampleRate).toBe(22050);
    expect(wav.byteRate).toBe(wav.sampleRate * 2);
    expect(wav.blockAlign).toBe(2);
    const seconds = wav.samples.length / wav.sampleRate;
    expect(seconds).toBeGreaterThan(0.1);
    expect(seconds).toBeLessThan(0.6);
    let peak = 0;
    for (const s of wav.samples) peak = Math.max(peak, Math.abs(s));
    expect(peak).toBeGreaterThan(8000); // audible
    expect(peak).toBeLessThan(32767); // never clipped
    // Starts and ends in silence: no click at either edge.
    expect(Math.abs(wav.samples[0]!)).toBeLessThan(50);
    expect(Math.abs(wav.samples.at(-1)!)).toBeLessThan(50);
    const edge = Math.round(0.002 * wav.sampleRate);
    for (let i = 0; i < edge; i++) {
      expect(Math.abs(wav.samples[wav.samples.length - 1 - i]!)).toBeLessThan(peak * 0.05);
    }
  });

  it('gives every event a different sound', async () => {
    const hashes = new Set<string>();
    for (const event of EVENTS) {
      const bytes = await readFile(path.join(dir, 'a', 'nested', `${event}.wav`));
      hashes.add(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(hashes.size).toBe(EVENTS.length);
  });

  it('is deterministic, leaves identical files alone and repairs changed ones', async () => {
    const other = path.join(dir, 'again');
    await makeSounds(other);
    for (const event of EVENTS) {
      const a = await readFile(path.join(dir, 'a', 'nested', `${event}.wav`));
      const b = await readFile(path.join(other, `${event}.wav`));
      expect(b.equals(a), event).toBe(true);
    }
    const old = new Date('2001-01-01T00:00:00Z');
    const stop = path.join(other, 'stop.wav');
    const idle = path.join(other, 'idle_prompt.wav');
    await utimes(stop, old, old);
    await utimes(idle, old, old);
    const good = await readFile(idle);
    await writeFile(idle, Buffer.from('not a wav'));
    await utimes(idle, old, old);

    await makeSounds(other);
    expect((await stat(stop)).mtimeMs).toBe(old.getTime());
    expect((await stat(idle)).mtimeMs).not.toBe(old.getTime());
    expect((await readFile(idle)).equals(good)).toBe(true);
    expect((await readdir(other)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs directly as `node scripts/make-sounds.mjs DIR`', async () => {
    const target = path.join(dir, 'cli');
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    await promisify(execFile)(process.execPath, [script, target], { env });
    expect((await readdir(target)).sort()).toEqual(EVENTS.map((e) => `${e}.wav`).sort());
    const a = await readFile(path.join(dir, 'a', 'nested', 'stop.wav'));
    expect((await readFile(path.join(target, 'stop.wav'))).equals(a)).toBe(true);
  });
});
