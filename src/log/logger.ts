import { closeSync, constants, mkdirSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { openRegularFile } from '../fs/index.js';

/** Rotation as original ccbell: a log grows to 1 MB, then moves to .1, .2, .3 (three kept). */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEPT_FILES = 3;

/** A per-instance debug log; one line per entry, never throws (a log must not break a hook). */
export interface Logger {
  readonly path: string;
  readonly debugEnabled: boolean;
  /** Written only when the instance's config has `debug: true`. */
  debug(message: string): void;
  /** Always written: what the app would have printed to a terminal that a child holds. */
  info(message: string): void;
  /** Always written: config problems, failures. */
  warn(message: string): void;
}

// Rotation renames names, never what a link points to: a link at a rotated name moves as a link.
function rotate(path: string) {
  for (let index = LOG_KEPT_FILES - 1; index >= 1; index--) {
    try {
      renameSync(`${path}.${index}`, `${path}.${index + 1}`);
    } catch {}
  }
  try {
    renameSync(path, `${path}.1`);
  } catch {}
}

const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;

/**
 * Opens the log for appending like the state file is treated: never through a symbolic link
 * (O_NOFOLLOW), never waiting on a FIFO (O_NONBLOCK), and only when what opened is a regular
 * file; anything else throws, and the entry is dropped.
 */
function openLog(path: string) {
  try {
    return openRegularFile(path, APPEND, { followSymlinks: false, mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    return openRegularFile(path, APPEND, { followSymlinks: false, mode: 0o600 });
  }
}

function append(path: string, level: string, message: string, maxBytes: number) {
  try {
    let log = openLog(path);
    if (log.stats.size >= maxBytes) {
      closeSync(log.fd);
      rotate(path);
      log = openLog(path);
    }
    const line = `${new Date().toISOString()} [${process.pid}] ${level} ${message.replace(/[\r\n]+/g, ' ')}\n`;
    try {
      writeSync(log.fd, line);
    } finally {
      closeSync(log.fd);
    }
  } catch {
    // Logging is best effort: a full disk, a read-only home or a log path that is not a regular
    // file must not fail or hold the hook, nor make it noisy (doctor reports such a log).
  }
}

/** Opens the log at `path`; `maxBytes` is for tests of rotation. */
export function openLogger(path: string, debugEnabled: boolean, maxBytes = LOG_MAX_BYTES): Logger {
  return {
    path,
    debugEnabled,
    debug(message) {
      if (debugEnabled) append(path, 'DEBUG', message, maxBytes);
    },
    info(message) {
      append(path, 'INFO', message, maxBytes);
    },
    warn(message) {
      append(path, 'WARN', message, maxBytes);
    },
  };
}
