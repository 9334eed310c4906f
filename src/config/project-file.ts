// Internal: finding and reading a repository's `.ccbell.json`. The file is written by whoever
// wrote the repository, so the walk never looks above the repository (or HOME), and the file is
// read like ccbell's own: no FIFO wait, no device, no link leading out of the repository.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { RefusedFileError, readRegularFile } from '../fs/index.js';

/** The name of a project's settings file. */
export const PROJECT_FILE_NAME = '.ccbell.json';

/** The largest project file ccbell reads; a real one is a few hundred bytes. */
const PROJECT_FILE_MAX_BYTES = 64 * 1024;

/** Where a walk found a project file, and the directory it may not reach out of. */
export interface FoundProjectFile {
  path: string;
  /** The repository root (the first directory holding `.git`), else HOME, else the cwd. */
  root: string;
}

// Most of a walk's names are missing: asked not to throw, lstat spares each an Error and its
// stack (a sixth of a millisecond for a walk of three levels).
const exists = (path: string) => {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // ENOTDIR (a file where a directory was expected), EACCES: nothing to read there either.
    return false;
  }
};

/**
 * The nearest `.ccbell.json` from `cwd` upwards, stopping at the repository root (the first
 * directory holding `.git`) or HOME, whichever comes first; never above. When the walk meets
 * neither (a cwd outside HOME and any repository), only the cwd itself is looked at: a file in
 * `/tmp` or `/` belongs to nobody in particular.
 */
export function findProjectFile(cwd: string, home: string | undefined): FoundProjectFile | undefined {
  if (!isAbsolute(cwd)) return undefined;
  const stop = home && isAbsolute(home) ? home.replace(/\/+$/, '') || '/' : undefined;
  let nearest: string | undefined;
  let dir = cwd.replace(/\/+$/, '') || '/';
  for (let depth = 0; depth < 64; depth++) {
    const candidate = join(dir, PROJECT_FILE_NAME);
    if (nearest === undefined && exists(candidate)) nearest = candidate;
    if (exists(join(dir, '.git')) || dir === stop) {
      return nearest ? { path: nearest, root: dir } : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const own = join(cwd, PROJECT_FILE_NAME);
  return nearest === own ? { path: own, root: cwd } : undefined;
}

/** Whether `path` is `root` or inside it (both real paths). */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * The text of a found project file. A link is followed only when its target is inside the
 * repository; then the target is opened without following links, so a swap in between is
 * refused too. Throws RefusedFileError for what ccbell will not read, and the open's own error.
 */
export function readProjectFile(found: FoundProjectFile): string {
  let target = found.path;
  if (lstatSync(found.path).isSymbolicLink()) {
    const real = realpathSync(found.path);
    if (!isInside(real, realpathSync(found.root))) {
      throw new RefusedFileError(
        found.path,
        'not-regular',
        `is a link to ${real}, outside the repository ${found.root}`,
      );
    }
    target = real;
  }
  return readRegularFile(target, { maxBytes: PROJECT_FILE_MAX_BYTES, followSymlinks: false }).text;
}

/**
 * The real path of a sound file a project names, when it is a regular file inside the project's
 * root; otherwise why not. Relative names are read from the project file's directory.
 */
export function projectSoundPath(
  spec: string,
  found: FoundProjectFile,
): { path: string } | { problem: string } {
  const given = isAbsolute(spec) ? spec : join(dirname(found.path), spec);
  let real: string;
  try {
    real = realpathSync(given);
  } catch (error) {
    return { problem: `cannot be found (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!isInside(real, realpathSync(found.root)))
    return { problem: `resolves to ${real}, outside the repository ${found.root}` };
  if (!statSync(real).isFile()) return { problem: 'is not a regular file' };
  return { path: real };
}
