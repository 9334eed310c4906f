// Per-session marks that hook processes leave for each other: "this session's permission
// dialog was already announced". One small file per session and kind, so no lock and no
// read-modify-write of the shared state file is needed on the hook path.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * What a mark records: `dialog`, the session's permission dialog was announced; `dialog-ring`,
 * and its terminal ring is still owed (the app announced it, and no hook could carry the ring).
 */
export type MarkKind = 'dialog' | 'dialog-ring';

// Session ids are UUIDs; anything else is not used as a file name.
const SAFE_SESSION = /^[A-Za-z0-9_-]{1,128}$/;
const MARKS_DIR = 'marks';
// Marks older than this are swept when a new one is written.
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

function markPath(cacheDir: string, sessionId: string, kind: MarkKind): string | undefined {
  return SAFE_SESSION.test(sessionId) ? join(cacheDir, MARKS_DIR, `${sessionId}.${kind}`) : undefined;
}

/**
 * Leaves a mark for `sessionId` at `nowMs`. Best effort: a mark that cannot be written only
 * means a second notification later, never a lost one.
 */
export function leaveMark(cacheDir: string, sessionId: string, kind: MarkKind, nowMs = Date.now()): void {
  const path = markPath(cacheDir, sessionId, kind);
  if (!path) return;
  try {
    mkdirSync(join(cacheDir, MARKS_DIR), { recursive: true, mode: 0o700 });
    // O_NOFOLLOW and O_NONBLOCK: a symlink or FIFO planted at the path is refused, never followed or waited on.
    const fd = openSync(
      path,
      constants.O_WRONLY |
        constants.O_CREAT |
        constants.O_TRUNC |
        constants.O_NOFOLLOW |
        constants.O_NONBLOCK,
      0o600,
    );
    try {
      if (fstatSync(fd).isFile()) writeSync(fd, String(nowMs));
    } finally {
      closeSync(fd);
    }
    if (Math.random() < 0.05) sweepMarks(join(cacheDir, MARKS_DIR), nowMs);
  } catch {}
}

/** Whether a mark of `kind` for `sessionId` was left within the last `withinMs`. */
export function hasRecentMark(
  cacheDir: string,
  sessionId: string,
  kind: MarkKind,
  withinMs: number,
  nowMs = Date.now(),
): boolean {
  const path = markPath(cacheDir, sessionId, kind);
  if (!path) return false;
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) return false;
      const buffer = Buffer.alloc(32);
      const at = Number(buffer.toString('utf8', 0, readSync(fd, buffer, 0, 32, 0)));
      // A mark from the future (the clock went back) counts as fresh only within the window.
      return Number.isFinite(at) && Math.abs(nowMs - at) <= withinMs;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function sweepMarks(dir: string, nowMs: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (nowMs - statSync(path).mtimeMs > SWEEP_AFTER_MS) rmSync(path, { force: true });
    } catch {}
  }
}
