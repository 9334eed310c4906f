// Internal to the CLI's entry (launch.ts): runs a CommonJS file through a V8 code cache kept in
// the user's cache directory. V8 compiles a function only when it is first called, and Node's own
// compile cache (module.enableCompileCache, Node 22+) keeps only what was compiled at load time,
// so every hook would compile the config checks, the rules and the players again. A cache made
// after a run (vm.Script#createCachedData) holds all of it, on every Node version.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * The directory ccbell keeps its code cache in: `$XDG_CACHE_HOME/ccbell`, else the platform's
 * per-user cache place under `home`; undefined when there is none (no absolute home).
 */
export function codeCacheDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string | undefined,
): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ccbell');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && isAbsolute(local) ? join(local, 'ccbell') : undefined;
  }
  if (!home || !isAbsolute(home)) return undefined;
  return platform === 'darwin' ? join(home, 'Library', 'Caches', 'ccbell') : join(home, '.cache', 'ccbell');
}

/** A short, stable hash of a string (FNV-1a), to tell apart caches of files at different paths. */
function pathHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The cache file for `file` under this Node: V8's code cache is only good for the V8 that made
 * it (V8 also checks this, and its flags, and rejects a mismatch).
 */
export function codeCacheFile(cacheDir: string, file: string): string {
  return join(cacheDir, `${basename(file)}-${pathHash(file)}-${process.version}-${process.arch}.v8`);
}

// The file as Node's CommonJS loader would wrap it; the line numbers of stack traces stay right.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/** A CommonJS file run through the code cache. */
export interface CodeCachedModule<T> {
  /** What the file put in module.exports. */
  readonly exports: T;
  /** 'hit': compiled from the cache; 'miss': there was none, or it was stale or rejected; 'off': no cache directory. */
  readonly cache: 'hit' | 'miss' | 'off';
  /**
   * Writes the cache, on a miss only: call it after the run did what the next runs will do, so
   * that everything compiled on the way is in it. Never throws (the cache is only an optimisation).
   */
  save(): void;
}

/**
 * Reads the cache file of `file`: the V8 data, when the cache was made from exactly this source
 * (V8 itself checks only its length). Layout: source length (4 bytes, LE), source, V8 data.
 */
function readCache(cacheFile: string, source: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    // Opened with O_NONBLOCK and read only when a regular file: a FIFO or a device at the cache's
    // name must not hold every hook. (This bundle may hold only launch.ts and this file, hence
    // not the shared src/fs helper.)
    const fd = openSync(cacheFile, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      data = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (data.length <= 4 + source.length || data.readUInt32LE(0) !== source.length) return undefined;
  return data.subarray(4, 4 + source.length).equals(source) ? data.subarray(4 + source.length) : undefined;
}

/**
 * Loads and runs the CommonJS file `file` through the code cache in `cacheDir`, when one is
 * given. The file gets `load` as its require(): the caller's own serves a file that requires
 * only built-ins and absolute paths (node:module's createRequire would load Node's ES module
 * loader, which the hook path avoids).
 */
export function requireWithCodeCache<T>(
  file: string,
  cacheDir: string | undefined,
  load: NodeJS.Require,
): CodeCachedModule<T> {
  const source = readFileSync(file);
  const cacheFile = cacheDir === undefined ? undefined : codeCacheFile(cacheDir, file);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, source);
  const script = new Script(`${WRAPPER_HEAD}${source.toString('utf8')}${WRAPPER_TAIL}`, {
    filename: file,
    cachedData,
  });
  const hit = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T, filename: file, id: file };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, load, module, file, dirname(file));

  let saved = hit;
  return {
    get exports() {
      return module.exports;
    },
    cache: cacheFile === undefined ? 'off' : hit ? 'hit' : 'miss',
    save() {
      if (saved || cacheFile === undefined) return;
      saved = true;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        const header = Buffer.alloc(4);
        header.writeUInt32LE(source.length, 0);
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        writeFileSync(temp, Buffer.concat([header, source, script.createCachedData()]), { mode: 0o600 });
        renameSync(temp, cacheFile);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {}
      }
    },
  };
}
