import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { EnvironmentError } from '../errors.js';

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

/** A lock file is stale when its owner is dead or it is older than any critical section could be. */
function isStale(lockPath: string, staleMs: number): boolean {
  try {
    const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) return true;
    return Date.now() - statSync(lockPath).mtimeMs > staleMs;
  } catch {
    return false; // gone or unreadable: just try again
  }
}

/**
 * Runs `critical` while holding `<path>.lock`, a cross-process lock made of an exclusively
 * created file holding the owner's pid. Synchronous on purpose: the hook handler is a short
 * process and the critical section is a read and a rename.
 */
export function withFileLock<T>(path: string, critical: () => T, options: LockOptions = {}): T {
  const lockPath = `${path}.lock`;
  const timeoutMs = options.timeoutMs ?? 3000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let delay = 1;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return critical();
      } finally {
        rmSync(lockPath, { force: true });
      }
    }
    if (isStale(lockPath, staleMs)) {
      // Move the stale lock aside under a unique name: of several breakers only one rename wins.
      try {
        renameSync(lockPath, `${lockPath}.stale.${process.pid}`);
        rmSync(`${lockPath}.stale.${process.pid}`, { force: true });
      } catch {}
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`${lockPath} is held by another process (waited ${timeoutMs} ms)`);
    }
    sleepSync(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 20);
  }
}
