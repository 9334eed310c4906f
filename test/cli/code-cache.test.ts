// The entry's V8 code cache, on real files and the real vm module: where it lives, when it is
// used, written, and refused (a stale or broken cache must never change what runs).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CodeCachedModule,
  codeCacheDir,
  codeCacheFile,
  MAX_CODE_PATHS,
  requireWithCodeCache,
} from '../../src/cli/code-cache.js';
import { mkfifo } from '../support/files.js';

describe('codeCacheDir', () => {
  it('is $XDG_CACHE_HOME/ccbell when that is absolute', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/a')).toBe('/x/cache/ccbell');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'rel/cache' }, 'linux', '/home/a')).toBe('/home/a/.cache/ccbell');
  });

  it("is the platform's per-user cache place otherwise, and none without an absolute home", () => {
    expect(codeCacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/ccbell');
    expect(codeCacheDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/ccbell');
    expect(codeCacheDir({ LOCALAPPDATA: '/c/Users/a/AppData/Local' }, 'win32', '/c/Users/a')).toBe(
      '/c/Users/a/AppData/Local/ccbell',
    );
    expect(codeCacheDir({}, 'win32', '/c/Users/a')).toBeUndefined();
    expect(codeCacheDir({}, 'linux', undefined)).toBeUndefined();
    expect(codeCacheDir({}, 'linux', 'relative')).toBeUndefined();
  });
});

describe('requireWithCodeCache', () => {
  let root: string;
  let cacheDir: string;
  let file: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ccbell-code-cache-'));
    cacheDir = join(root, 'cache', 'ccbell');
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib', 'helper.cjs'), 'module.exports = 40;\n');
    file = join(root, 'lib', 'main.cjs');
    // Functions that only run after load are what the cache is for.
    writeFileSync(
      file,
      `"use strict";
const helper = require('./helper.cjs');
function answer() { return helper + 2; }
const strict = (function () { return this === undefined; })();
module.exports = { answer, where: () => [__filename, __dirname], strict };
`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  type Main = { answer(): number; where(): [string, string]; strict: boolean };
  // The file's require() as Node would give it: from its own place.
  const load = (dir: string | undefined): CodeCachedModule<Main> =>
    requireWithCodeCache<Main>(file, dir, createRequire(file));

  it('runs the file as CommonJS: exports, a require() from its place, __filename, strict mode', () => {
    const loaded = load(undefined);
    expect(loaded.cache).toBe('off');
    expect(loaded.exports.answer()).toBe(42);
    expect(loaded.exports.where()).toEqual([file, join(root, 'lib')]);
    expect(loaded.exports.strict).toBe(true);
    loaded.save(); // no directory: nothing to do, and no throw
    expect(existsSync(join(root, 'cache'))).toBe(false);
  });

  it('misses, writes on save (the source, then V8 data; private to the user), then hits', () => {
    const first = load(cacheDir);
    expect(first.cache).toBe('miss');
    first.exports.answer();
    first.save();
    const cacheFile = codeCacheFile(cacheDir, file);
    const source = readFileSync(file);
    const cache = readFileSync(cacheFile);
    expect(cache.readUInt32LE(0)).toBe(source.length);
    expect(cache.subarray(4, 4 + source.length).equals(source)).toBe(true);
    expect(cache.readUInt32LE(4 + source.length)).toBe(0); // no code paths named
    expect(cache.length).toBeGreaterThan(8 + source.length);
    if (process.platform !== 'win32') expect(statSync(cacheFile).mode & 0o077).toBe(0);

    const second = load(cacheDir);
    expect(second.cache).toBe('hit');
    expect(second.exports.answer()).toBe(42);
  });

  it('names the code paths it covers, and is written again only for a path it lacks', () => {
    const first = load(cacheDir);
    first.save(['event:stop', 'sound']);
    const cacheFile = codeCacheFile(cacheDir, file);
    const written = readFileSync(cacheFile);

    const again = load(cacheDir);
    expect(again).toMatchObject({ cache: 'hit', codePaths: ['event:stop', 'sound'] });
    again.save(['sound', 'event:stop']);
    expect(readFileSync(cacheFile).equals(written)).toBe(true);

    const down = load(cacheDir);
    down.exports.answer();
    down.save(['event:stop', 'project', 'project']);
    const covered = load(cacheDir);
    expect(covered).toMatchObject({ cache: 'hit', codePaths: ['event:stop', 'sound', 'project'] });
    expect(covered.exports.answer()).toBe(42);
    covered.save(['project']);
    expect(load(cacheDir).codePaths).toEqual(['event:stop', 'sound', 'project']);
  });

  it('keeps code paths to short words on one line, and at most MAX_CODE_PATHS of them', () => {
    load(cacheDir).save(['', 'two\nlines', 'x'.repeat(65), 'ok']);
    expect(load(cacheDir).codePaths).toEqual(['ok']);
    const many = Array.from({ length: MAX_CODE_PATHS + 10 }, (_, i) => `path-${i}`);
    const full = load(cacheDir);
    full.save(many);
    const cacheFile = codeCacheFile(cacheDir, file);
    const written = readFileSync(cacheFile);
    const loaded = load(cacheDir);
    expect(loaded.codePaths).toHaveLength(MAX_CODE_PATHS);
    expect(loaded.codePaths[0]).toBe('ok');
    // Full: a new path no longer rewrites it.
    loaded.save(['yet-another']);
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
  });

  it('refuses a cache whose code paths overrun it, and runs the file', () => {
    load(cacheDir).save(['a']);
    const cacheFile = codeCacheFile(cacheDir, file);
    const good = readFileSync(cacheFile);
    const at = 4 + readFileSync(file).length;
    const broken = Buffer.from(good);
    broken.writeUInt32LE(good.length, at);
    writeFileSync(cacheFile, broken);
    const loaded = load(cacheDir);
    expect(loaded).toMatchObject({ cache: 'miss', codePaths: [] });
    expect(loaded.exports.answer()).toBe(42);
  });

  it('refuses a cache made from other source of the same length, and runs the new source', () => {
    const first = load(cacheDir);
    first.exports.answer();
    first.save();
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('helper + 2', 'helper + 1'));
    expect(readFileSync(file, 'utf8').length).toBe(source.length);

    const changed = load(cacheDir);
    expect(changed.cache).toBe('miss');
    expect(changed.exports.answer()).toBe(41);
    changed.save();
    expect(load(cacheDir).cache).toBe('hit');
  });

  // V8 refusing its data is seen only in a fresh process (within one, V8 reuses what it compiled
  // before and never looks at the data): test/cli/startup.test.ts covers that with the built CLI.
  it('runs without a cache that is truncated, and right with one whose V8 data is garbage', () => {
    load(cacheDir).save();
    const cacheFile = codeCacheFile(cacheDir, file);
    const good = readFileSync(cacheFile);
    const sourceLength = readFileSync(file).length;

    writeFileSync(cacheFile, good.subarray(0, 10));
    expect(load(cacheDir)).toMatchObject({ cache: 'miss' });

    const garbage = Buffer.concat([good.subarray(0, 8 + sourceLength), Buffer.alloc(200, 7)]);
    writeFileSync(cacheFile, garbage);
    expect(load(cacheDir).exports.answer()).toBe(42);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'save() never throws when the cache directory cannot be written',
    () => {
      mkdirSync(join(root, 'cache'));
      chmodSync(join(root, 'cache'), 0o500);
      const loaded = load(cacheDir);
      expect(() => loaded.save()).not.toThrow();
      expect(existsSync(cacheDir)).toBe(false);
    },
  );

  it('save() never throws when the cache directory is a file', () => {
    writeFileSync(join(root, 'cache'), 'not a directory');
    const loaded = load(cacheDir);
    expect(() => loaded.save()).not.toThrow();
    expect(load(cacheDir).cache).toBe('miss');
  });

  it.skipIf(process.platform === 'win32')('runs at once without a cache that is a FIFO', () => {
    mkdirSync(cacheDir, { recursive: true });
    mkfifo(codeCacheFile(cacheDir, file));
    const started = Date.now();
    const loaded = load(cacheDir);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(loaded.cache).toBe('miss');
    expect(loaded.exports.answer()).toBe(42);
  });
});
