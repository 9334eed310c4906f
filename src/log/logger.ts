import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Rotation as original ccbell: a log grows to 1 MB, then moves to .1, .2, .3 (three kept). */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEPT_FILES = 3;

/** A per-instance debug log; one line per entry, never throws (a log must not break a hook). */
export interface Logger {
  readonly path: string;
  readonly debugEnabled: boolean;
  /** Written only when the instance's config has `debug: true`. */
  debug(message: string): void;
  /** Always written: config problems, failures. */
  warn(message: string): void;
}

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

function append(path: string, level: string, message: string, maxBytes: number) {
  try {
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    }
    if (size >= maxBytes) rotate(path);
    const line = `${new Date().toISOString()} [${process.pid}] ${level} ${message.replace(/[\r\n]+/g, ' ')}\n`;
    appendFileSync(path, line, { mode: 0o600 });
  } catch {
    // Logging is best effort: a full disk or a read-only home must not fail the hook.
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
    warn(message) {
      append(path, 'WARN', message, maxBytes);
    },
  };
}
