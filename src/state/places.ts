// Where each session's terminal lives (tmux pane, kitty window, X11 window…), recorded by the
// hook that saw the session's environment, so that a click on a notification (a helper process)
// or on the page (the app) can bring that terminal forward. One small file per session.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from './atomic.js';

const SAFE_SESSION = /^[A-Za-z0-9_-]{1,128}$/;
const PLACES_DIR = 'places';
const SWEEP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** A recorded place: string fields only (src/notify/focus.ts says what they mean). */
export type PlaceRecord = Record<string, string>;

function placePath(cacheDir: string, sessionId: string): string | undefined {
  return SAFE_SESSION.test(sessionId) ? join(cacheDir, PLACES_DIR, `${sessionId}.json`) : undefined;
}

/**
 * Records `place` for `sessionId` unless the same is already there. Best effort: a place not
 * recorded only means a click that brings nothing forward.
 */
export function recordPlace(cacheDir: string, sessionId: string, place: PlaceRecord): void {
  const path = placePath(cacheDir, sessionId);
  if (!path || Object.keys(place).length === 0) return;
  const text = JSON.stringify(place);
  try {
    if (readPlaceText(path) === text) return;
    mkdirSync(join(cacheDir, PLACES_DIR), { recursive: true, mode: 0o700 });
    writeFileAtomic(path, text);
    if (Math.random() < 0.05) sweep(join(cacheDir, PLACES_DIR));
  } catch {}
}

function readPlaceText(path: string): string | undefined {
  try {
    return readRegularFile(path, { maxBytes: 8192, followSymlinks: false }).text;
  } catch {
    return undefined;
  }
}

/** The place recorded for `sessionId`, or undefined. */
export function readPlace(cacheDir: string, sessionId: string): PlaceRecord | undefined {
  const path = placePath(cacheDir, sessionId);
  const text = path ? readPlaceText(path) : undefined;
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const place: PlaceRecord = {};
    for (const [key, field] of Object.entries(value)) if (typeof field === 'string') place[key] = field;
    return place;
  } catch {
    return undefined;
  }
}

function sweep(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    try {
      if (now - statSync(join(dir, name)).mtimeMs > SWEEP_AFTER_MS) rmSync(join(dir, name), { force: true });
    } catch {}
  }
}
