import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { EnvironmentError } from '../errors.js';

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

/** The record of the instance's app when one is running; a stale or broken file counts as none. */
export function readRunningApp(pidPath: string): AppRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(pidPath, 'utf8')) as AppRecord;
    if (typeof record.pid !== 'number' || typeof record.runtimeId !== 'string') return undefined;
    return isProcessAlive(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims the instance's PID file for this process. Refuses while another live app holds it;
 * a stale file (dead process) is replaced. Exclusive creation closes the race of two starts.
 */
export function claimPidFile(pidPath: string, record: AppRecord): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidPath, 'wx', 0o600);
      writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const running = readRunningApp(pidPath);
    if (running) {
      throw new EnvironmentError(
        `an app of instance "${record.instance}" is already running (pid ${running.pid}, ${running.url ?? pidPath}); stop it first`,
      );
    }
    rmSync(pidPath, { force: true });
  }
  throw new EnvironmentError(`could not claim ${pidPath}: another app is starting`);
}

/** Rewrites the record (for example once the page's address is known). */
export function updatePidFile(pidPath: string, record: AppRecord): void {
  const fd = openSync(pidPath, 'w', 0o600);
  writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
  closeSync(fd);
}

/** Removes the PID file if it is still this process's. */
export function releasePidFile(pidPath: string, pid = process.pid): void {
  try {
    const record = JSON.parse(readFileSync(pidPath, 'utf8')) as AppRecord;
    if (record.pid === pid) rmSync(pidPath, { force: true });
  } catch {}
}
