import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import {
  type AppRecord,
  claimPidFile,
  readRunningApp,
  releasePidFile,
  updatePidFile,
} from '../../src/instance/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-pidfile-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
const freshDir = () => {
  const dir = join(root, `case-${counter++}`);
  mkdirSync(dir);
  return dir;
};

const record: AppRecord = {
  pid: process.pid,
  runtimeId: `${process.pid}_1763770000123`,
  instance: 'work',
  startedAt: new Date(0).toISOString(),
};

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('the PID file', () => {
  it('is claimed, updated by rename, read back and released', () => {
    const path = join(freshDir(), 'ccbell.pid');
    claimPidFile(path, record);
    expect(readRunningApp(path)).toEqual(record);
    const inode = lstatSync(path).ino;
    updatePidFile(path, { ...record, url: 'http://127.0.0.1:1/' });
    expect(readRunningApp(path)?.url).toBe('http://127.0.0.1:1/');
    expect(lstatSync(path).ino).not.toBe(inode);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
    releasePidFile(path);
    expect(readRunningApp(path)).toBeUndefined();
  });

  it('is claimed where Claude Code never ran: its directory is made, private', () => {
    const dir = join(freshDir(), '.claude');
    const path = join(dir, 'ccbell.pid');
    claimPidFile(path, record);
    expect(readRunningApp(path)).toEqual(record);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    releasePidFile(path);
  });

  it('is a FIFO: read as no app at once, claim refused naming it, and the FIFO left alone', () => {
    const dir = freshDir();
    const path = mkfifo(join(dir, 'ccbell.pid'));
    const before = snapshot(dir);
    const started = Date.now();
    expect(readRunningApp(path)).toBeUndefined();
    const error = errorOf(() => claimPidFile(path, record));
    releasePidFile(path);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toBe(
      `PID file ${path} is a FIFO, not a regular file; remove it so the app can start`,
    );
    expect(changedSince(before, dir)).toEqual([]);
  });

  it('is a symlink: never followed, claim refused, and its target untouched', () => {
    const dir = freshDir();
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, JSON.stringify(record));
    const path = join(dir, 'ccbell.pid');
    symlinkSync(target, path);
    const before = snapshot(dir);
    expect(readRunningApp(path)).toBeUndefined();
    expect(errorOf(() => claimPidFile(path, record)).message).toMatch(
      /is a symbolic link, not a regular file/,
    );
    releasePidFile(path);
    expect(changedSince(before, dir)).toEqual([]);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(record);
  });
});
