import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.js';
import { cooldownKey } from '../../src/events/index.js';
import { claimCooldown, LockTimeoutError } from '../../src/state/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-cooldown-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const fresh = () => join(dir, `state-${counter++}`);
const T0 = 1_800_000_000_000;
const seconds = (s: number) => T0 + s * 1000;

describe('claimCooldown', () => {
  it('allows, then suppresses within the window, then allows after it', () => {
    const path = fresh();
    expect(claimCooldown(path, 'stop', 60, seconds(0))).toEqual({ kind: 'allowed' });
    expect(claimCooldown(path, 'stop', 60, seconds(1))).toEqual({ kind: 'cooling', remainingSeconds: 59 });
    expect(claimCooldown(path, 'stop', 60, seconds(59.9))).toEqual({ kind: 'cooling', remainingSeconds: 1 });
    expect(claimCooldown(path, 'stop', 60, seconds(60))).toEqual({ kind: 'allowed' });
    // The window starts again from the last firing, not the first.
    expect(claimCooldown(path, 'stop', 60, seconds(100)).kind).toBe('cooling');
    expect(claimCooldown(path, 'stop', 60, seconds(120)).kind).toBe('allowed');
  });

  it('writes the state in original ccbell format (Unix seconds per key)', () => {
    const path = fresh();
    claimCooldown(path, 'stop', 10, seconds(0));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ lastTrigger: { stop: T0 / 1000 } });
  });

  it('keeps keys apart: one event cooling does not silence another', () => {
    const path = fresh();
    expect(claimCooldown(path, 'stop', 60, seconds(0)).kind).toBe('allowed');
    expect(claimCooldown(path, 'subagent', 60, seconds(1)).kind).toBe('allowed');
    expect(claimCooldown(path, 'stop', 60, seconds(2)).kind).toBe('cooling');
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).lastTrigger).sort()).toEqual([
      'stop',
      'subagent',
    ]);
  });

  it('lets a clock that went backwards fire rather than stay silent', () => {
    const path = fresh();
    claimCooldown(path, 'stop', 60, seconds(100));
    expect(claimCooldown(path, 'stop', 60, seconds(50)).kind).toBe('allowed');
  });

  it('reads an original state file, including a null lastTrigger', () => {
    const path = fresh();
    writeFileSync(path, JSON.stringify({ lastTrigger: { stop: T0 / 1000 } }));
    expect(claimCooldown(path, 'stop', 60, seconds(5)).kind).toBe('cooling');
    const nulled = fresh();
    writeFileSync(nulled, '{"lastTrigger": null}');
    expect(claimCooldown(nulled, 'stop', 60, seconds(5))).toEqual({ kind: 'allowed' });
  });

  it.each([
    '{"lastTrigger": {"stop": ',
    '[]',
    '{"lastTrigger": {"stop": "yesterday"}}',
    '{"lastTrigger": [1]}',
  ])('sets a corrupt state file aside (renamed, content kept) and goes on: %s', (corrupt) => {
    const path = fresh();
    writeFileSync(path, corrupt);
    const verdict = claimCooldown(path, 'stop', 60, seconds(0));
    expect(verdict.kind).toBe('allowed');
    const setAside = (verdict as { setAside?: string }).setAside!;
    expect(setAside).toBe(`${path}.corrupt-${seconds(0)}`);
    expect(readFileSync(setAside, 'utf8')).toBe(corrupt);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ lastTrigger: { stop: T0 / 1000 } });
    expect(claimCooldown(path, 'stop', 60, seconds(1)).kind).toBe('cooling');
  });

  it('creates a missing directory for the state file', () => {
    const path = join(fresh(), 'deeper', 'ccbell.state');
    expect(claimCooldown(path, 'stop', 60, seconds(0)).kind).toBe('allowed');
    expect(existsSync(path)).toBe(true);
  });

  it('answers a repeat without waiting for the lock, so a burst of hooks does not queue', () => {
    const path = fresh();
    claimCooldown(path, 'stop', 60, seconds(0));
    // A live process holds the lock (this one): a repeat still gets its answer at once.
    writeFileSync(`${path}.lock`, String(process.pid));
    const started = Date.now();
    expect(claimCooldown(path, 'stop', 60, seconds(1))).toEqual({ kind: 'cooling', remainingSeconds: 59 });
    expect(Date.now() - started).toBeLessThan(500);
    rmSync(`${path}.lock`);
  });

  it('leaves no lock or temporary file behind', () => {
    const sub = fresh();
    const path = join(sub, 'ccbell.state');
    claimCooldown(path, 'stop', 60, seconds(0));
    claimCooldown(path, 'stop', 60, seconds(1));
    expect(readdirSync(sub)).toEqual(['ccbell.state']);
  });
});

describe('a state path that is not a regular file', () => {
  it('is left alone: a FIFO answers at once, allowed and unrecorded, and stays a FIFO', () => {
    const sub = fresh();
    mkdirSync(sub);
    const path = mkfifo(join(sub, 'ccbell.state'));
    const before = snapshot(sub);
    const started = Date.now();
    const first = claimCooldown(path, 'stop', 60, seconds(0));
    const second = claimCooldown(path, 'stop', 60, seconds(1));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(first).toEqual({ kind: 'allowed', unrecorded: `${path} is a FIFO, not a regular file` });
    // Nothing recorded, so no cooldown either: a second sound is better than none.
    expect(second).toEqual(first);
    expect(changedSince(before, sub)).toEqual([]);
    expect(readdirSync(sub)).toEqual(['ccbell.state']);
  });

  it('is left alone when it is a directory or a link to a device', () => {
    const sub = fresh();
    mkdirSync(join(sub, 'ccbell.state'), { recursive: true });
    symlinkSync('/dev/zero', join(sub, 'zero.state'));
    const before = snapshot(sub);
    expect(claimCooldown(join(sub, 'ccbell.state'), 'stop', 60, seconds(0))).toMatchObject({
      kind: 'allowed',
      unrecorded: expect.stringMatching(/is a directory, not a regular file$/),
    });
    expect(claimCooldown(join(sub, 'zero.state'), 'stop', 60, seconds(0))).toMatchObject({
      kind: 'allowed',
      unrecorded: expect.stringMatching(/is a character device, not a regular file$/),
    });
    expect(changedSince(before, sub)).toEqual([]);
  });

  it('sets a state file past the size limit aside like a corrupt one', () => {
    const path = fresh();
    writeFileSync(path, ' '.repeat(8 * 1024 * 1024 + 1));
    const verdict = claimCooldown(path, 'stop', 60, seconds(0));
    expect(verdict).toEqual({ kind: 'allowed', setAside: `${path}.corrupt-${seconds(0)}` });
    expect(claimCooldown(path, 'stop', 60, seconds(1)).kind).toBe('cooling');
  });
});

describe('claimCooldown under a busy lock', () => {
  it('waits lockWaitMs, then throws LockTimeoutError and leaves the state and directory as they were', () => {
    const sub = fresh();
    const path = join(sub, 'ccbell.state');
    claimCooldown(path, 'stop:a', 60, seconds(0));
    const before = readFileSync(path, 'utf8');
    writeFileSync(`${path}.lock`, String(process.pid)); // a live holder that never lets go
    const started = Date.now();
    expect(() => claimCooldown(path, 'stop:b', 60, seconds(1), { lockWaitMs: 200 })).toThrow(
      LockTimeoutError,
    );
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(2000);
    expect(readFileSync(path, 'utf8')).toBe(before);
    // No temporary file is left beside the state, and the holder's lock is untouched.
    expect(readdirSync(sub).sort()).toEqual(['ccbell.state', 'ccbell.state.lock']);
  });
});

describe('forgetting old entries', () => {
  it('drops entries older than forgetAfterSeconds when it writes, and keeps the rest', () => {
    const path = fresh();
    writeFileSync(
      path,
      JSON.stringify({
        lastTrigger: { old: T0 / 1000 - 90_000, recent: T0 / 1000 - 10, stop: T0 / 1000 - 100 },
      }),
    );
    expect(claimCooldown(path, 'stop', 60, seconds(0), { forgetAfterSeconds: 86_400 }).kind).toBe('allowed');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      lastTrigger: { recent: T0 / 1000 - 10, stop: T0 / 1000 },
    });
  });

  it('keeps everything without forgetAfterSeconds (original ccbell)', () => {
    const path = fresh();
    writeFileSync(path, JSON.stringify({ lastTrigger: { old: 1 } }));
    claimCooldown(path, 'stop', 60, seconds(0));
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).lastTrigger)).toEqual(['old', 'stop']);
  });
});

describe('cooldown keys', () => {
  it('records a key named like a property of Object.prototype like any other', () => {
    const path = fresh();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(claimCooldown(path, key, 60, seconds(0))).toEqual({ kind: 'allowed' });
      expect(claimCooldown(path, key, 60, seconds(1))).toEqual({ kind: 'cooling', remainingSeconds: 59 });
    }
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).lastTrigger)).toHaveLength(5);
  });

  it('is one key per event by default (original ccbell), whatever the session', () => {
    const config = defaultConfig();
    expect(cooldownKey(config, 'stop', { session_id: 'a' })).toBe('stop');
    expect(cooldownKey(config, 'stop', { session_id: 'b' })).toBe('stop');
  });

  it('is one key per event and session with cooldownScope "session"', () => {
    const config = { ...defaultConfig(), cooldownScope: 'session' as const };
    expect(cooldownKey(config, 'stop', { session_id: 'a' })).toBe('stop:a');
    expect(cooldownKey(config, 'stop', undefined)).toBe('stop');
    const path = fresh();
    const a = cooldownKey(config, 'stop', { session_id: 'a' });
    const b = cooldownKey(config, 'stop', { session_id: 'b' });
    expect(claimCooldown(path, a, 60, seconds(0)).kind).toBe('allowed');
    expect(claimCooldown(path, b, 60, seconds(1)).kind).toBe('allowed');
    expect(claimCooldown(path, a, 60, seconds(2)).kind).toBe('cooling');
    expect(claimCooldown(path, b, 60, seconds(3)).kind).toBe('cooling');
  });
});
