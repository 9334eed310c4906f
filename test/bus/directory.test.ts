import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { busDirectoryPath, ensurePrivateDirectory } from '../../src/bus/directory.js';
import { busDirectory } from '../../src/bus/index.js';
import { EnvironmentError } from '../../src/errors.js';

describe('busDirectoryPath', () => {
  it('uses $XDG_RUNTIME_DIR/ccbell on Linux when set', () => {
    expect(busDirectoryPath({ XDG_RUNTIME_DIR: '/run/user/1000' }, 'linux', 1000)).toBe(
      '/run/user/1000/ccbell',
    );
  });

  it('falls back to /tmp/ccbell-<uid> on Linux without it, or with a relative one', () => {
    expect(busDirectoryPath({}, 'linux', 1000)).toBe('/tmp/ccbell-1000');
    expect(busDirectoryPath({ XDG_RUNTIME_DIR: '' }, 'linux', 1000)).toBe('/tmp/ccbell-1000');
    expect(busDirectoryPath({ XDG_RUNTIME_DIR: 'run/user' }, 'linux', 1000)).toBe('/tmp/ccbell-1000');
  });

  it('uses /tmp/ccbell-<uid> on macOS even with XDG_RUNTIME_DIR', () => {
    expect(busDirectoryPath({ XDG_RUNTIME_DIR: '/run/user/501' }, 'darwin', 501)).toBe('/tmp/ccbell-501');
  });

  it('lets CCBELL_BUS_DIR override everything', () => {
    const env = { CCBELL_BUS_DIR: '/x/bus', XDG_RUNTIME_DIR: '/run/user/1' };
    expect(busDirectoryPath(env, 'linux', 1)).toBe('/x/bus');
    expect(busDirectoryPath(env, 'darwin', 1)).toBe('/x/bus');
  });
});

describe('busDirectory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ccbell-bus-dir-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the directory with mode 0700', () => {
    const dir = join(root, 'bus');
    expect(busDirectory({ CCBELL_BUS_DIR: dir })).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // Existing and right: accepted as is.
    expect(busDirectory({ CCBELL_BUS_DIR: dir })).toBe(dir);
  });

  it('creates $XDG_RUNTIME_DIR/ccbell', () => {
    if (process.platform !== 'linux') return;
    expect(busDirectory({ XDG_RUNTIME_DIR: root })).toBe(join(root, 'ccbell'));
    expect(statSync(join(root, 'ccbell')).isDirectory()).toBe(true);
  });

  it('refuses a directory open to group or others, naming it and its mode', () => {
    const dir = join(root, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect(() => busDirectory({ CCBELL_BUS_DIR: dir })).toThrow(EnvironmentError);
    expect(() => busDirectory({ CCBELL_BUS_DIR: dir })).toThrow(`bus directory ${dir} has mode 0755`);
    chmodSync(dir, 0o710);
    expect(() => ensurePrivateDirectory(dir)).toThrow(/mode 0710/);
  });

  it('refuses a symlink, even to a private directory', () => {
    const real = join(root, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(root, 'link');
    symlinkSync(real, link);
    expect(() => busDirectory({ CCBELL_BUS_DIR: link })).toThrow(`bus directory ${link} is a symbolic link`);
    const dangling = join(root, 'dangling');
    symlinkSync(join(root, 'nowhere'), dangling);
    expect(() => busDirectory({ CCBELL_BUS_DIR: dangling })).toThrow(/is a symbolic link/);
  });

  it('refuses a file in its place', () => {
    const file = join(root, 'file');
    writeFileSync(file, '');
    expect(() => busDirectory({ CCBELL_BUS_DIR: file })).toThrow(
      `bus directory ${file} exists but is not a directory`,
    );
  });

  it.runIf(process.getuid?.() === 0)('refuses a directory owned by another user', () => {
    const dir = join(root, 'theirs');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 4321, 4321);
    expect(() => busDirectory({ CCBELL_BUS_DIR: dir })).toThrow(`bus directory ${dir} is owned by uid 4321`);
  });
});
