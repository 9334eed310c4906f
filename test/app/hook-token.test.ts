import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hookTokenPath, instanceHookToken } from '../../src/app/web/hook-token.js';
import { EnvironmentError } from '../../src/errors.js';
import { defaultInstancePaths, type InstanceConfig } from '../../src/instance/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-hook-token-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh instance whose cache directory exists (mode 0700), and a directory beside it. */
function instance(): { work: InstanceConfig; elsewhere: string } {
  const dir = join(root, `case-${counter++}`);
  const work = defaultInstancePaths('work', dir);
  mkdirSync(work.cache_dir, { recursive: true, mode: 0o700 });
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  return { work, elsewhere };
}

const TOKEN = 'a'.repeat(43);

/** Asserts that `token` is new, and that the token file now holds it, privately. */
function expectFreshToken(work: InstanceConfig, token: string) {
  expect(token).not.toBe(TOKEN);
  expect(token.length).toBeGreaterThanOrEqual(32);
  const path = hookTokenPath(work);
  const stats = lstatSync(path);
  expect(stats.isFile()).toBe(true);
  expect(stats.mode & 0o777).toBe(0o600);
  expect(readFileSync(path, 'utf8')).toBe(`${token}\n`);
}

describe('instanceHookToken', () => {
  it('makes a token once and keeps using it', () => {
    const { work } = instance();
    const token = instanceHookToken(work);
    expectFreshToken(work, token);
    expect(instanceHookToken(work)).toBe(token);
  });

  it('uses a token file that is the owner’s and 0600', () => {
    const { work } = instance();
    writeFileSync(hookTokenPath(work), `${TOKEN}\n`, { mode: 0o600 });
    expect(instanceHookToken(work)).toBe(TOKEN);
  });

  it('replaces a token file that others may read (0644)', () => {
    const { work } = instance();
    writeFileSync(hookTokenPath(work), `${TOKEN}\n`);
    chmodSync(hookTokenPath(work), 0o644);
    expectFreshToken(work, instanceHookToken(work));
  });

  it('replaces a symlink to another file, leaving that file untouched', () => {
    const { work, elsewhere } = instance();
    const other = join(elsewhere, 'other-token');
    writeFileSync(other, `${TOKEN}\n`, { mode: 0o600 });
    symlinkSync(other, hookTokenPath(work));
    const before = snapshot(elsewhere);
    expectFreshToken(work, instanceHookToken(work));
    expect(changedSince(before, elsewhere)).toEqual([]);
    expect(readFileSync(other, 'utf8')).toBe(`${TOKEN}\n`);
  });

  it('replaces a FIFO at once', () => {
    const { work } = instance();
    mkfifo(hookTokenPath(work));
    const started = Date.now();
    const token = instanceHookToken(work);
    expect(Date.now() - started).toBeLessThan(2000);
    expectFreshToken(work, token);
  });

  it.runIf(process.getuid?.() === 0)('replaces a token file another user owns', () => {
    const { work } = instance();
    writeFileSync(hookTokenPath(work), `${TOKEN}\n`, { mode: 0o600 });
    chownSync(hookTokenPath(work), 65534, 65534);
    expectFreshToken(work, instanceHookToken(work));
    expect(lstatSync(hookTokenPath(work)).uid).toBe(0);
  });

  it('refuses a directory at the token path, naming it', () => {
    const { work } = instance();
    mkdirSync(join(hookTokenPath(work), 'inside'), { recursive: true });
    expect(() => instanceHookToken(work)).toThrow(EnvironmentError);
    expect(() => instanceHookToken(work)).toThrow(`cannot write the hook token ${hookTokenPath(work)}`);
  });

  it('refuses a cache directory every user may write to', () => {
    const { work } = instance();
    chmodSync(work.cache_dir, 0o777);
    expect(() => instanceHookToken(work)).toThrow(/has mode 0777, writable by every user/);
  });

  it.runIf(process.getuid?.() === 0)('refuses a cache directory another user owns', () => {
    const { work } = instance();
    chownSync(work.cache_dir, 65534, 65534);
    expect(() => instanceHookToken(work)).toThrow(/is owned by uid 65534, not by this user/);
  });
});
