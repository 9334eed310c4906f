// Internal: opening the files ccbell keeps (config, state, log, registry, PID file, hook token)
// so that one which is not what it seems never hangs or redirects a hook. A FIFO blocks open()
// until a writer comes, a device reads forever and a symlinked log writes elsewhere: the file is
// opened with O_NONBLOCK (and, where a link has no business, O_NOFOLLOW), then judged with fstat
// on what was opened. A stat before the open would race with a swap of the file.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import { EnvironmentError } from '../errors.js';

// Windows has neither flag; its named pipes do not live among ordinary files anyway.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** A file ccbell will not use: not a regular file, or larger than it reads. The message names both. */
export class RefusedFileError extends EnvironmentError {
  override name = 'RefusedFileError';
  constructor(
    readonly path: string,
    /** 'not-regular': a FIFO, socket, device, directory or refused link; 'too-large': past the cap. */
    readonly reason: 'not-regular' | 'too-large',
    /** What is wrong, after the path: "is a FIFO, not a regular file". */
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`${path} ${problem}`, options);
  }
}

/** What a file is, in words: "a FIFO", "a socket", "a directory", … */
export function describeFileType(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const notRegular = (path: string, what: string, cause?: unknown) =>
  new RefusedFileError(path, 'not-regular', `is ${what}, not a regular file`, cause ? { cause } : undefined);

export interface OpenRegularOptions {
  /** Follow a symbolic link at `path` (default true); false refuses one. */
  followSymlinks?: boolean;
  /** Mode of a file that O_CREAT creates. */
  mode?: number;
}

/**
 * Opens `path` with `flags` plus O_NONBLOCK (and O_NOFOLLOW unless links are followed), and
 * returns the descriptor when it is a regular file. Anything else is closed and refused with a
 * RefusedFileError; errors of the open itself (ENOENT, EACCES) are thrown as they are.
 */
export function openRegularFile(
  path: string,
  flags: number,
  options: OpenRegularOptions = {},
): { fd: number; stats: Stats } {
  const follow = options.followSymlinks ?? true;
  let fd: number;
  try {
    fd = openSync(path, flags | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW), options.mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: a link where O_NOFOLLOW allows none. ENXIO: a socket, or a FIFO opened for writing
    // with no reader. EISDIR: a directory opened for writing. Name what is there, for the message.
    if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') {
      let what: string | undefined;
      try {
        what = describeFileType(follow ? statSync(path) : lstatSync(path));
      } catch {}
      if (what && what !== 'a regular file') throw notRegular(path, what, error);
    }
    throw error;
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegular(path, describeFileType(stats));
  }
  return { fd, stats };
}

export interface ReadRegularOptions extends OpenRegularOptions {
  /** The most ccbell reads of this file; a larger one is refused. */
  maxBytes: number;
}

/**
 * Reads the regular file at `path` as UTF-8, never blocking on a FIFO or device and never
 * reading more than `maxBytes`. Throws RefusedFileError for what is not a regular file or is
 * too large, and the open's own error (with its `code`, such as ENOENT) otherwise.
 */
export function readRegularFile(path: string, options: ReadRegularOptions): { text: string; stats: Stats } {
  const { fd, stats } = openRegularFile(path, constants.O_RDONLY, options);
  try {
    if (stats.size > options.maxBytes) {
      throw new RefusedFileError(
        path,
        'too-large',
        `is ${stats.size} bytes, more than ccbell reads (${options.maxBytes})`,
      );
    }
    // Read until the end, but never past the limit: a file growing while it is read is refused.
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.min(stats.size + 1, 64 * 1024);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, options.maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > options.maxBytes) {
        throw new RefusedFileError(
          path,
          'too-large',
          `grew past ${options.maxBytes} bytes while ccbell read it`,
        );
      }
    }
    return { text: Buffer.concat(chunks, total).toString('utf8'), stats };
  } finally {
    closeSync(fd);
  }
}

/**
 * What is wrong with the file at `path` for ccbell's use, in words ("is a FIFO, not a regular
 * file"); undefined when it is missing or a regular file. For reports (doctor), not for deciding
 * before an open: the file may change in between.
 */
export function fileTypeProblem(
  path: string,
  options: { followSymlinks?: boolean } = {},
): string | undefined {
  let stats: Stats;
  try {
    stats = (options.followSymlinks ?? true) ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
  return stats.isFile() ? undefined : `is ${describeFileType(stats)}, not a regular file`;
}
