import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRecentMark, leaveMark } from '../../src/state/index.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ccbell-marks-'));

describe('session marks', () => {
  it('says a mark is recent within its window only, per session', () => {
    const dir = fresh();
    leaveMark(dir, 'session-1', 'dialog', 1_000_000);
    expect(hasRecentMark(dir, 'session-1', 'dialog', 60_000, 1_030_000)).toBe(true);
    expect(hasRecentMark(dir, 'session-1', 'dialog', 60_000, 1_070_000)).toBe(false);
    expect(hasRecentMark(dir, 'session-2', 'dialog', 60_000, 1_030_000)).toBe(false);
  });

  it('never uses a session id that is not a plain name as a path', () => {
    const dir = fresh();
    leaveMark(dir, '../escape', 'dialog');
    leaveMark(dir, 'a/b', 'dialog');
    expect(readdirSync(dir)).toEqual([]);
    expect(hasRecentMark(dir, '../escape', 'dialog', 60_000)).toBe(false);
  });

  it('neither follows a symlink nor waits on a FIFO planted at the mark', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'marks'));
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'marks', 's1.dialog'));
    leaveMark(dir, 's1', 'dialog');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(hasRecentMark(dir, 's1', 'dialog', 60_000)).toBe(false);
    execFileSync('mkfifo', [join(dir, 'marks', 's2.dialog')]);
    const started = Date.now();
    leaveMark(dir, 's2', 'dialog');
    expect(hasRecentMark(dir, 's2', 'dialog', 60_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
