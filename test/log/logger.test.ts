import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_KEPT_FILES, LOG_MAX_BYTES, openLogger } from '../../src/log/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-log-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const freshDir = () => join(dir, `case-${counter++}`);

describe('openLogger', () => {
  it('keeps original ccbell limits: 1 MB, three rotated files', () => {
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_KEPT_FILES).toBe(3);
  });

  it('writes warn always and debug only when enabled, creating the directory, one line each', () => {
    const sub = freshDir();
    const quiet = openLogger(join(sub, 'a.log'), false);
    quiet.debug('hidden');
    expect(existsSync(sub)).toBe(false);
    quiet.warn('shown\nsecond line');
    const loud = openLogger(join(sub, 'a.log'), true);
    loud.debug('details');
    const lines = readFileSync(join(sub, 'a.log'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^ ]+Z \\[${process.pid}\\] WARN shown second line$`),
    );
    expect(lines[1]).toMatch(/ DEBUG details$/);
    expect(statSync(join(sub, 'a.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size limit and keeps three rotated files', () => {
    const sub = freshDir();
    const path = join(sub, 'ccbell.log');
    const logger = openLogger(path, true, 200);
    // Each line is about 60 bytes: four lines fill a file past 200 bytes, the fifth rotates.
    for (let i = 0; i < 40; i++) logger.debug(`entry ${String(i).padStart(3, '0')}`);
    expect(readdirSync(sub).sort()).toEqual(['ccbell.log', 'ccbell.log.1', 'ccbell.log.2', 'ccbell.log.3']);
    for (const name of readdirSync(sub)) {
      // A file is rotated once it reaches the limit, so none grows past limit + one line.
      expect(statSync(join(sub, name)).size).toBeLessThan(200 + 80);
    }
    const text = (name: string) => readFileSync(join(sub, name), 'utf8');
    expect(text('ccbell.log')).toContain('entry 039');
    // Newest to oldest: the current file, then .1, .2, .3; older entries are gone.
    const firstEntry = (name: string) => Number(/entry (\d+)/.exec(text(name))![1]);
    expect(firstEntry('ccbell.log')).toBeGreaterThan(firstEntry('ccbell.log.1'));
    expect(firstEntry('ccbell.log.1')).toBeGreaterThan(firstEntry('ccbell.log.2'));
    expect(firstEntry('ccbell.log.2')).toBeGreaterThan(firstEntry('ccbell.log.3'));
    expect(text('ccbell.log.3')).not.toContain('entry 000');
  });

  it('rotates an existing file that is already over the limit before writing', () => {
    const sub = freshDir();
    const path = join(sub, 'x.log');
    openLogger(path, false).warn('create');
    writeFileSync(path, 'x'.repeat(500));
    openLogger(path, false, 100).warn('after');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(500));
    expect(readFileSync(path, 'utf8')).toMatch(/WARN after\n$/);
  });

  it('never throws, even when the log cannot be written', () => {
    const sub = freshDir();
    // A directory where the log file should be: appending fails, the logger swallows it.
    const path = join(sub, 'log-is-a-dir');
    openLogger(join(path, 'inner.log'), false).warn('make the directory');
    const logger = openLogger(path, true);
    expect(() => {
      logger.warn('x');
      logger.debug('y');
    }).not.toThrow();
  });

  it('never writes through a symlink: the link and its target stay as they were', () => {
    const sub = freshDir();
    mkdirSync(sub);
    const target = join(sub, 'precious.txt');
    writeFileSync(target, "a person's file\n");
    const path = join(sub, 'ccbell.log');
    symlinkSync(target, path);
    const before = snapshot(sub);
    const started = Date.now();
    const logger = openLogger(path, true);
    logger.warn('through the link?');
    logger.debug('and again');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readFileSync(target, 'utf8')).toBe("a person's file\n");
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(changedSince(before, sub)).toEqual([]);
    expect(readdirSync(sub).sort()).toEqual(['ccbell.log', 'precious.txt']);
  });

  it('does not rotate a symlinked log, even one whose target is over the limit', () => {
    const sub = freshDir();
    mkdirSync(sub);
    const target = join(sub, 'big.txt');
    writeFileSync(target, 'x'.repeat(500));
    const path = join(sub, 'ccbell.log');
    symlinkSync(target, path);
    const before = snapshot(sub);
    openLogger(path, false, 100).warn('rotate?');
    expect(changedSince(before, sub)).toEqual([]);
    expect(existsSync(`${path}.1`)).toBe(false);
  });

  it('skips a FIFO log at once, leaving it a FIFO', () => {
    const sub = freshDir();
    mkdirSync(sub);
    const path = mkfifo(join(sub, 'ccbell.log'));
    const before = snapshot(sub);
    const started = Date.now();
    openLogger(path, true).warn('nobody reads this');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(changedSince(before, sub)).toEqual([]);
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('moves a symlink at a rotated name as a link, never touching its target', () => {
    const sub = freshDir();
    mkdirSync(sub);
    const target = join(sub, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    const path = join(sub, 'x.log');
    symlinkSync(target, `${path}.1`);
    writeFileSync(path, 'y'.repeat(500));
    openLogger(path, false, 100).warn('after');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(`${path}.2`).isSymbolicLink()).toBe(true);
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('y'.repeat(500));
    expect(readFileSync(path, 'utf8')).toMatch(/WARN after\n$/);
  });
});
