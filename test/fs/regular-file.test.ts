import { closeSync, constants, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTypeProblem, openRegularFile, RefusedFileError, readRegularFile } from '../../src/fs/index.js';
import { changedSince, mkfifo, snapshot, socketFile } from '../support/files.js';

let dir: string;
let counter = 0;
const servers: Server[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-fs-'));
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});
const fresh = (name: string) => join(dir, `${counter++}-${name}`);

/** What `read` threw, and how long it took to throw it. */
function refusal(read: () => unknown): { error: unknown; ms: number } {
  const started = Date.now();
  try {
    read();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected a refusal');
}

describe('readRegularFile', () => {
  it('reads a regular file, through a symlink when links are followed', () => {
    const path = fresh('config.json');
    writeFileSync(path, 'héllo');
    const link = fresh('link.json');
    symlinkSync(path, link);
    expect(readRegularFile(path, { maxBytes: 100 }).text).toBe('héllo');
    expect(readRegularFile(link, { maxBytes: 100 }).text).toBe('héllo');
    expect(readRegularFile(path, { maxBytes: 100 }).stats.isFile()).toBe(true);
  });

  it('refuses a FIFO at once, without opening it for good or changing it', () => {
    const path = mkfifo(fresh('state'));
    const before = snapshot(dir);
    const { error, ms } = refusal(() => readRegularFile(path, { maxBytes: 100 }));
    expect(ms).toBeLessThan(2000);
    expect(error).toBeInstanceOf(RefusedFileError);
    expect((error as RefusedFileError).reason).toBe('not-regular');
    expect((error as Error).message).toBe(`${path} is a FIFO, not a regular file`);
    expect(changedSince(before, dir)).toEqual([]);
  });

  it('refuses a FIFO behind a symlink, and the symlink itself when links are not followed', () => {
    const fifo = mkfifo(fresh('fifo'));
    const link = fresh('link');
    symlinkSync(fifo, link);
    expect(() => readRegularFile(link, { maxBytes: 100 })).toThrow('is a FIFO, not a regular file');
    const target = fresh('target');
    writeFileSync(target, 'secret');
    const other = fresh('other-link');
    symlinkSync(target, other);
    expect(() => readRegularFile(other, { maxBytes: 100, followSymlinks: false })).toThrow(
      `${other} is a symbolic link, not a regular file`,
    );
  });

  it('refuses a socket file, a directory and a character device', async () => {
    const socket = join(tmpdir(), `ccbell-fs-${process.pid}-${counter++}.sock`);
    servers.push(await socketFile(socket));
    expect(() => readRegularFile(socket, { maxBytes: 100 })).toThrow(
      `${socket} is a socket, not a regular file`,
    );
    const sub = fresh('dir');
    mkdirSync(sub);
    expect(() => readRegularFile(sub, { maxBytes: 100 })).toThrow(
      `${sub} is a directory, not a regular file`,
    );
    const { error, ms } = refusal(() => readRegularFile('/dev/zero', { maxBytes: 100 }));
    expect(ms).toBeLessThan(2000);
    expect((error as Error).message).toBe('/dev/zero is a character device, not a regular file');
  });

  it('refuses a file past the limit without reading it', () => {
    const path = fresh('big');
    writeFileSync(path, 'x'.repeat(101));
    expect(readRegularFile(path, { maxBytes: 101 }).text).toHaveLength(101);
    const { error } = refusal(() => readRegularFile(path, { maxBytes: 100 }));
    expect((error as RefusedFileError).reason).toBe('too-large');
    expect((error as Error).message).toMatch(/is 101 bytes, more than ccbell reads \(100\)/);
  });

  it('passes the errors of the open on as they are (ENOENT)', () => {
    const { error } = refusal(() => readRegularFile(fresh('missing'), { maxBytes: 100 }));
    expect(error).not.toBeInstanceOf(RefusedFileError);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});

describe('openRegularFile for writing', () => {
  it('refuses a FIFO with no reader and a symlink, creating nothing', () => {
    const fifo = mkfifo(fresh('log'));
    const target = fresh('target.log');
    writeFileSync(target, 'keep');
    const link = fresh('link.log');
    symlinkSync(target, link);
    const before = snapshot(dir);
    const append = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;
    const { error, ms } = refusal(() => openRegularFile(fifo, append, { followSymlinks: false }));
    expect(ms).toBeLessThan(2000);
    expect((error as Error).message).toBe(`${fifo} is a FIFO, not a regular file`);
    expect(() => openRegularFile(link, append, { followSymlinks: false })).toThrow(
      `${link} is a symbolic link, not a regular file`,
    );
    expect(changedSince(before, dir)).toEqual([]);
  });

  it('opens (and creates) a regular file', () => {
    const path = fresh('new.log');
    const { fd, stats } = openRegularFile(path, constants.O_WRONLY | constants.O_CREAT, { mode: 0o600 });
    closeSync(fd);
    expect(stats.isFile()).toBe(true);
    expect(stats.mode & 0o777).toBe(0o600);
  });
});

describe('fileTypeProblem', () => {
  it('says what a path holds when it is not a regular file, for reports', () => {
    const file = fresh('file');
    writeFileSync(file, '');
    const link = fresh('link');
    symlinkSync(file, link);
    expect(fileTypeProblem(fresh('missing'))).toBeUndefined();
    expect(fileTypeProblem(file)).toBeUndefined();
    expect(fileTypeProblem(link)).toBeUndefined();
    expect(fileTypeProblem(link, { followSymlinks: false })).toBe('is a symbolic link, not a regular file');
    expect(fileTypeProblem(mkfifo(fresh('fifo')))).toBe('is a FIFO, not a regular file');
  });
});
