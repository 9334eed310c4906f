import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';

/** What a running app records so tools can find it from the instance name alone. */
export interface AppRecord {
  pid: number;
  runtimeId: string;
  instance: string;
  startedAt: string;
  /** The page's address, with its token (the file is private to the user). */
  url?: string;
  /** Bearer token for http hooks. */
  hookToken?: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PID file is a few hundred bytes; anything past this is not one. */
const PID_FILE_MAX_BYTES = 64 * 1024;

/**
 * The record in the PID file, read without following a link or waiting on a FIFO. Throws
 * RefusedFileError when the path holds something other than a regular file.
 */
function readRecord(pidPath: string): AppRecord | null {
  return JSON.parse(readRegularFile(pidPath, { maxBytes: PID_FILE_MAX_BYTES, followSymlinks: false }).text);
}

/** The record when it is one and its app is alive. */
function liveApp(record: AppRecord | null): AppRecord | undefined {
  if (typeof record?.pid !== 'number' || typeof record.runtimeId !== 'string') return undefined;
  return isProcessAlive(record.pid) ? record : undefined;
}

/**
 * The record of the instance's app when one is running; a stale or broken file counts as none,
 * and so does a path holding something other than a regular file.
 */
export function readRunningApp(pidPath: string): AppRecord | undefined {
  try {
    return liveApp(readRecord(pidPath));
  } catch {
    return undefined;
  }
}

/**
 * Claims the instance's PID file for this process. Refuses while another live app holds it,
 * and when the path holds something other than a regular file (left alone: it is not ccbell's);
 * a stale file (dead process) is replaced. Exclusive creation closes the race of two starts.
 */
export function claimPidFile(pidPath: string, record: AppRecord): void {
  // A first app on a machine where Claude Code never ran has no ~/.claude yet.
  mkdirSync(dirname(pidPath), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidPath, 'wx', 0o600);
      writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let running: AppRecord | undefined;
    try {
      running = liveApp(readRecord(pidPath));
    } catch (error) {
      if (error instanceof RefusedFileError) {
        throw new EnvironmentError(`PID file ${error.message}; remove it so the app can start`, {
          cause: error,
        });
      }
    }
    if (running) {
      throw new EnvironmentError(
        `an app of instance "${record.instance}" is already running (pid ${running.pid}, ${running.url ?? pidPath}); stop it first`,
      );
    }
    rmSync(pidPath, { force: true });
  }
  throw new EnvironmentError(`could not claim ${pidPath}: another app is starting`);
}

/**
 * Rewrites the record (for example once the page's address is known). By rename, so a reader
 * sees the old record or the new one and nothing is written through whatever replaced the file.
 */
export function updatePidFile(pidPath: string, record: AppRecord): void {
  writeFileAtomic(pidPath, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the PID file if it is still this process's. */
export function releasePidFile(pidPath: string, pid = process.pid): void {
  try {
    const record = readRecord(pidPath);
    if (record?.pid === pid) rmSync(pidPath, { force: true });
  } catch {}
}
