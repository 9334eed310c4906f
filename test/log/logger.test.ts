import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_KEPT_FILES, LOG_MAX_BYTES, openLogger } from '../../src/log/index.js';

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
});
