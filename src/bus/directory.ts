// Internal: the per-user private directory holding the bus's socket files. Whoever can write there
// can impersonate or eavesdrop on an observer, so it must be ours alone and not a symlink.
import { lstatSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EnvironmentError } from '../errors.js';

/** Where the bus lives for this environment, platform and user; pure, no file system access. */
export function busDirectoryPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, uid: number): string {
  const override = env.CCBELL_BUS_DIR;
  if (override) return resolve(override);
  const runtime = env.XDG_RUNTIME_DIR;
  // XDG says a relative value is invalid and must be ignored. macOS keeps /tmp: its runtime
  // directories are long enough to push socket paths past the 103-byte limit.
  if (platform !== 'darwin' && runtime && isAbsolute(runtime)) return join(runtime, 'ccbell');
  return `/tmp/ccbell-${uid}`;
}

function currentUid(): number {
  const uid = process.getuid?.();
  if (uid === undefined) {
    throw new EnvironmentError(`the ccbell bus needs Unix domain sockets, which ${process.platform} lacks`);
  }
  return uid;
}

/**
 * Creates `dir` (mode 0700) if missing, then checks it is a real directory (not a symlink) owned by
 * us with no group or other permission bits. Returns `dir`; throws EnvironmentError otherwise.
 */
export function ensurePrivateDirectory(dir: string): string {
  const uid = currentUid();
  let createError: unknown;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    createError = error; // judged below: an existing symlink or file gives a clearer message
  }
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(dir);
  } catch (error) {
    throw new EnvironmentError(`cannot create the bus directory ${dir}: ${(error as Error).message}`, {
      cause: createError ?? error,
    });
  }
  if (stats.isSymbolicLink()) {
    throw new EnvironmentError(`bus directory ${dir} is a symbolic link; remove it so ccbell can create it`);
  }
  if (!stats.isDirectory()) {
    throw new EnvironmentError(`bus directory ${dir} exists but is not a directory; remove it`);
  }
  if (stats.uid !== uid) {
    throw new EnvironmentError(
      `bus directory ${dir} is owned by uid ${stats.uid}, not by this user (uid ${uid})`,
    );
  }
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new EnvironmentError(
      `bus directory ${dir} has mode ${mode.toString(8).padStart(4, '0')}, open to other users; ` +
        `it must be 0700 (chmod 700 ${dir})`,
    );
  }
  return dir;
}

/** The private directory of the bus (created on first use), or an EnvironmentError saying what is wrong. */
export function busDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return ensurePrivateDirectory(busDirectoryPath(env, process.platform, currentUid()));
}
