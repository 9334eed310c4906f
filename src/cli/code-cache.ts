// Internal to the CLI's entry (launch.ts): runs a CommonJS file through a V8 code cache kept in
// the user's cache directory. V8 compiles a function only when it is first called, and Node's own
// compile cache (module.enableCompileCache, Node 22+) keeps only what was compiled at load time,
// so every hook would compile the config checks, the rules and the players again. A cache made
// after a run (vm.Script#createCachedData) holds all of it, on every Node version. It holds only
// what that run compiled, though: the cache also names the code paths it covers (the caller's
// words: "project", "cooldown", …), and a later run down a path it lacks writes it again, with
// both, so that after a few runs no hook compiles anything (a webhook channel's checks were
// compiled on every hook of an instance whose first hook had none).
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
  // "-2": the layout with code paths (readCache); a cache of the first layout is left unread.
  return join(cacheDir, `${basename(file)}-${pathHash(file)}-${process.version}-${process.arch}-2.v8`);
}

/** At most this many code paths are kept; past it the cache is complete enough, and stays. */
export const MAX_CODE_PATHS = 64;
const MAX_CODE_PATH_LENGTH = 64;
// UTF-8 takes at most 3 bytes for each UTF-16 unit.
const MAX_CODE_PATHS_BYTES = MAX_CODE_PATHS * (MAX_CODE_PATH_LENGTH * 3 + 1);

// The file as Node's CommonJS loader would wrap it; the line numbers of stack traces stay right.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/** A CommonJS file run through the code cache. */
export interface CodeCachedModule<T> {
  /** What the file put in module.exports. */
  readonly exports: T;
  /** 'hit': compiled from the cache; 'miss': there was none, or it was stale or rejected; 'off': no cache directory. */
  readonly cache: 'hit' | 'miss' | 'off';
  /** The code paths the cache that was used covers (none on a miss). */
  readonly codePaths: readonly string[];
  /**
   * Writes the cache on a miss, or when this run went down a code path that the cache lacks
   * (`codePaths`: short words of the caller's choosing); it then covers the old paths and the new.
   * Call it after the run did what the next runs will do, so that everything compiled on the way
   * is in it. Never throws (the cache is only an optimisation).
   */
  save(codePaths?: readonly string[]): void;
}

interface CacheFile {
  data: Buffer;
  codePaths: string[];
}

/**
 * Reads the cache file of `file`: the V8 data and the code paths it covers, when the cache was
 * made from exactly this source (V8 itself checks only its length). Layout: source length
 * (4 bytes, LE), source, length of the code paths (4 bytes, LE), the code paths (UTF-8, one per
 * line), V8 data.
 */
function readCache(cacheFile: string, source: Buffer): CacheFile | undefined {
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
  const pathsAt = 4 + source.length;
  if (data.length < pathsAt + 4 || data.readUInt32LE(0) !== source.length) return undefined;
  const pathsLength = data.readUInt32LE(pathsAt);
  const v8At = pathsAt + 4 + pathsLength;
  if (pathsLength > MAX_CODE_PATHS_BYTES || data.length <= v8At) return undefined;
  if (!data.subarray(4, pathsAt).equals(source)) return undefined;
  const codePaths = data
    .toString('utf8', pathsAt + 4, v8At)
    .split('\n')
    .filter(Boolean);
  return { data: data.subarray(v8At), codePaths };
}

/** The cache file's bytes (readCache's layout). */
function cacheBytes(source: Buffer, codePaths: readonly string[], v8Data: Buffer): Buffer {
  const paths = Buffer.from(codePaths.join('\n'), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(source.length, 0);
  const pathsHeader = Buffer.alloc(4);
  pathsHeader.writeUInt32LE(paths.length, 0);
  return Buffer.concat([header, source, pathsHeader, paths, v8Data]);
}

/** A code path is a short word on one line. */
function isCodePath(path: string): boolean {
  return path.length > 0 && path.length <= MAX_CODE_PATH_LENGTH && !path.includes('\n');
}

/**
 * The code paths a new cache should name: the covered ones and the run's. Undefined when the
 * cache in use covers the run already, or is full (then it stays as it is).
 */
function pathsToWrite(
  hit: boolean,
  covered: readonly string[],
  run: readonly string[],
): string[] | undefined {
  const paths = new Set(hit ? covered : []);
  const before = paths.size;
  for (const path of run) if (paths.size < MAX_CODE_PATHS && isCodePath(path)) paths.add(path);
  return hit && paths.size === before ? undefined : [...paths];
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
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, source);
  const script = new Script(`${WRAPPER_HEAD}${source.toString('utf8')}${WRAPPER_TAIL}`, {
    filename: file,
    cachedData: cached?.data,
  });
  const hit = cached !== undefined && !script.cachedDataRejected;
  const covered = hit ? cached.codePaths : [];
  const module = { exports: {} as T, filename: file, id: file };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, load, module, file, dirname(file));

  let saved = false;
  return {
    get exports() {
      return module.exports;
    },
    cache: cacheFile === undefined ? 'off' : hit ? 'hit' : 'miss',
    codePaths: covered,
    save(codePaths = []) {
      if (saved || cacheFile === undefined) return;
      const paths = pathsToWrite(hit, covered, codePaths);
      if (paths === undefined) return;
      saved = true;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        writeFileSync(temp, cacheBytes(source, paths, script.createCachedData()), { mode: 0o600 });
        renameSync(temp, cacheFile);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {}
      }
    },
  };
}
