// Internal: a per-channel rate limit that holds across hook processes: a sliding window of send
// times per channel, in one small file in the instance's cache directory, changed under the
// state lock (src/state). A runaway loop of events cannot spam a phone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RateLimit } from '../config/index.js';
import { readRegularFile } from '../fs/index.js';
import { LockTimeoutError, withFileLock, writeFileAtomic } from '../state/index.js';

/** The file, in the instance's cache directory. */
export const RATE_FILE = 'channel-rate.json';

interface Entry {
  /** Send times (ms) inside the window. */
  sent: number[];
  /** When a drop was last logged (ms): one line per window. */
  warnedAt?: number;
}

export type RateVerdict =
  | { allowed: true; unrecorded?: string }
  | { allowed: false /** The first drop of this window: log it. */; firstDrop: boolean };

function readEntries(path: string): Record<string, Entry> {
  const entries: Record<string, Entry> = Object.create(null);
  let raw: unknown;
  try {
    raw = JSON.parse(readRegularFile(path, { maxBytes: 1024 * 1024, followSymlinks: false }).text);
  } catch {
    return entries; // missing or broken: start afresh (a broken file only forgets past sends)
  }
  if (typeof raw !== 'object' || raw === null) return entries;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = value as Partial<Entry>;
    if (!Array.isArray(entry?.sent) || !entry.sent.every((t) => typeof t === 'number')) continue;
    entries[name] = {
      sent: entry.sent,
      ...(typeof entry.warnedAt === 'number' ? { warnedAt: entry.warnedAt } : {}),
    };
  }
  return entries;
}

/**
 * Takes a slot for one message on channel `name`, or says it must be dropped. When the state
 * cannot be locked in time, the message goes out unrecorded: a lost "needs you" costs more.
 */
export function claimRateSlot(cacheDir: string, name: string, limit: RateLimit, at?: number): RateVerdict {
  const path = join(cacheDir, RATE_FILE);
  const windowMs = limit.perSeconds * 1000;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    return withFileLock(
      path,
      () => {
        // The time is taken under the lock: taken before it, a process that waited would see
        // the sends recorded meanwhile as "in the future", drop them, and go over the limit.
        const nowMs = at ?? Date.now();
        const entries = readEntries(path);
        // Forget channels idle for a day, and send times past their window.
        for (const [key, entry] of Object.entries(entries)) {
          if (entry.sent.every((t) => nowMs - t > 86_400_000)) delete entries[key];
        }
        const entry = entries[name] ?? { sent: [] };
        // A send stamped later than this clock still counts (it is in the window, not past it).
        entry.sent = entry.sent.filter((t) => t > nowMs - windowMs);
        let verdict: RateVerdict;
        if (entry.sent.length < limit.max) {
          entry.sent.push(nowMs);
          verdict = { allowed: true };
        } else {
          const firstDrop = entry.warnedAt === undefined || nowMs - entry.warnedAt >= windowMs;
          if (firstDrop) entry.warnedAt = nowMs;
          verdict = { allowed: false, firstDrop };
        }
        entries[name] = entry;
        writeFileAtomic(path, JSON.stringify(entries), { mode: 0o600 });
        return verdict;
      },
      { timeoutMs: 2000 },
    );
  } catch (error) {
    const why = error instanceof LockTimeoutError ? error.message : (error as Error).message;
    return { allowed: true, unrecorded: why };
  }
}
