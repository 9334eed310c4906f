import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { LockTimeoutError, withFileLock } from '../../src/state/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

/** The environment without NODE_EXTRA_CA_CERTS, which slows every node start here. */
function withoutSlowCerts(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _slow, ...env } = process.env;
  return env;
}

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-lock-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const fresh = () => join(dir, `file-${counter++}`);

/** The pid of a process that has exited (its pid is not reused this quickly). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
    env: withoutSlowCerts(),
  });
  const pid = Number(child.stdout);
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe('withFileLock', () => {
  it('runs the critical section, returns its value and removes the lock', () => {
    const path = fresh();
    const value = withFileLock(path, () => {
      // The owner's pid, then a token that tells this holding from a later one of the same pid.
      expect(readFileSync(`${path}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} [a-z0-9]+$`));
      return 42;
    });
    expect(value).toBe(42);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('removes the lock when the critical section throws', () => {
    const path = fresh();
    expect(() =>
      withFileLock(path, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('breaks a stale lock left by a dead process', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, String(deadPid()));
    const started = Date.now();
    expect(withFileLock(path, () => 'got it', { timeoutMs: 2000 })).toBe('got it');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readdirSync(dir).filter((name) => name.startsWith(`${path.split('/').pop()}.lock`))).toEqual([]);
  });

  it('breaks a lock older than staleMs even when its pid looks alive', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, String(process.pid));
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    expect(withFileLock(path, () => 'got it', { timeoutMs: 500, staleMs: 10_000 })).toBe('got it');
  });

  it('waits for a live holder and times out with a LockTimeoutError, leaving its lock alone', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, String(process.pid));
    let ran = false;
    const started = Date.now();
    let error: unknown;
    try {
      withFileLock(
        path,
        () => {
          ran = true;
        },
        { timeoutMs: 150 },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toContain(`${path}.lock`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(ran).toBe(false);
    expect(existsSync(`${path}.lock`)).toBe(true);
  });

  it('takes the lock soon after a live holder in another process lets it go', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, String(process.pid)); // live: this process
    // Another process removes the lock 300 ms from now, as a holder's release would.
    const releaser = `setTimeout(() => require('node:fs').unlinkSync(${JSON.stringify(`${path}.lock`)}), 300)`;
    const child = spawn(process.execPath, ['-e', releaser], { env: withoutSlowCerts(), stdio: 'ignore' });
    const started = Date.now();
    expect(withFileLock(path, () => 'mine', { timeoutMs: 10_000 })).toBe('mine');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    // Backoff sleeps are at most 40 ms: the lock is taken well before the 10 s timeout.
    expect(waited).toBeLessThan(5000);
    expect(existsSync(`${path}.lock`)).toBe(false);
    child.kill();
  });

  it('treats an empty lock file (owner not yet written) as held, not stale', () => {
    const path = fresh();
    writeFileSync(`${path}.lock`, '');
    expect(() => withFileLock(path, () => 0, { timeoutMs: 50 })).toThrow(LockTimeoutError);
  });

  it('throws other errors at once (missing directory)', () => {
    const path = join(dir, 'no-such-dir', 'file');
    expect(() => withFileLock(path, () => 0)).toThrow(/ENOENT/);
  });
});

describe('a lock path that is not a regular file', () => {
  it('is a busy lock, never waited on past the timeout, and left as it is', () => {
    const sub = fresh();
    mkdirSync(sub);
    const path = join(sub, 'state');
    mkfifo(`${path}.lock`);
    const before = snapshot(sub);
    const started = Date.now();
    expect(() => withFileLock(path, () => 0, { timeoutMs: 200 })).toThrow(LockTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(changedSince(before, sub)).toEqual([]);
  });
});
