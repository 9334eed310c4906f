import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { EnvironmentError } from '../errors.js';
import { readRegularFile } from '../fs/index.js';

/** The lock was held by a live process for longer than the caller could wait. */
export class LockTimeoutError extends EnvironmentError {
  override name = 'LockTimeoutError';
}

export interface LockOptions {
  /** How long to wait for the lock before giving up (a hook must never hang Claude Code). */
  timeoutMs?: number;
  /** A lock older than this is taken to be left by a crashed process. */
  staleMs?: number;
}

/** Waiters look for a stale lock at most this often: each look is four system calls. */
const STALE_CHECK_INTERVAL_MS = 100;
/** The longest sleep between two tries; with jitter, a waiter sleeps up to twice this. */
const MAX_BACKOFF_MS = 20;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number) {
  Atomics.wait(sleeper, 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lock file's content when the lock is stale (its owner is dead, or it is older than any
 * critical section could be), else undefined.
 */
function staleContent(lockPath: string, staleMs: number): string | undefined {
  try {
    // Not readFileSync: a FIFO at the lock's name would hold the hook for good (it stays busy).
    const content = readRegularFile(lockPath, { maxBytes: 4096, followSymlinks: false }).text;
    const owner = Number.parseInt(content, 10);
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) return content;
    return Date.now() - statSync(lockPath).mtimeMs > staleMs ? content : undefined;
  } catch {
    return undefined; // gone or unreadable: just try again
  }
}

/**
 * Removes a stale lock whose content was `content`. Between judging it stale and moving it
 * aside, its owner may have released it and another process taken it: moving aside a lock
 * with other content is undone (link back, which fails if yet another lock exists).
 */
function breakStaleLock(lockPath: string, content: string) {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // another process broke it first
  }
  try {
    if (readFileSync(aside, 'utf8') !== content) linkSync(aside, lockPath);
  } catch {}
  rmSync(aside, { force: true });
}

/** Removes the lock file; unlinkSync, not rmSync, whose first call in a process costs ~1 ms. */
function release(lockPath: string) {
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone (broken as stale by another process): nothing to release.
  }
}

/**
 * Runs `critical` while holding `<path>.lock`, a cross-process lock made of an exclusively
 * created file holding the owner's pid. Synchronous on purpose: the hook handler is a short
 * process and the critical section is a read and a rename. In a burst of hooks, the time a
 * lock is held is mostly time its holder waits (for a CPU, for its directory), so waiters
 * stay out of its way: they sleep with jitter, try to create the lock only when it looks
 * free, and judge staleness only now and then.
 */
export function withFileLock<T>(path: string, critical: () => T, options: LockOptions = {}): T {
  const lockPath = `${path}.lock`;
  const timeoutMs = options.timeoutMs ?? 3000;
  const staleMs = options.staleMs ?? 10_000;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let nextStaleCheck = started;
  let delay = 1;
  for (;;) {
    let fd: number | undefined;
    // Look before trying: creating a file locks its directory in the kernel, where the holder
    // needs it to write the state and release. A look does not.
    if (!existsSync(lockPath)) {
      try {
        fd = openSync(lockPath, 'wx', 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    if (fd !== undefined) {
      try {
        // The pid says who holds it; the random part tells this holding from a later one.
        writeSync(fd, `${process.pid} ${Math.random().toString(36).slice(2)}`);
        closeSync(fd);
        return critical();
      } finally {
        release(lockPath);
      }
    }
    const now = Date.now();
    if (now >= nextStaleCheck) {
      nextStaleCheck = now + STALE_CHECK_INTERVAL_MS;
      const stale = staleContent(lockPath, staleMs);
      if (stale !== undefined) {
        breakStaleLock(lockPath, stale);
        continue;
      }
    }
    if (now >= deadline) {
      throw new LockTimeoutError(`${lockPath} is held by another process (waited ${now - started} ms)`);
    }
    sleepSync(Math.min(delay + Math.random() * delay, deadline - now));
    delay = Math.min(delay * 2, MAX_BACKOFF_MS);
  }
}
