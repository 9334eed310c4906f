import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { prepareAtomicWrite } from './atomic.js';
import { withFileLock } from './lock.js';

/** The state file as original ccbell writes it: last trigger per key, in Unix seconds. */
export interface CooldownState {
  lastTrigger: Record<string, number>;
}

export type CooldownVerdict =
  | { kind: 'allowed' }
  | { kind: 'cooling'; remainingSeconds: number }
  | { kind: 'allowed'; setAside: string }
  /** The state file is not a regular file (a FIFO, a device): the event fires, nothing is recorded. */
  | { kind: 'allowed'; unrecorded: string };

/** The largest state file read; one line per cooldown key, so far beyond any real one. */
const STATE_MAX_BYTES = 8 * 1024 * 1024;

function parseState(text: string): CooldownState | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const last = (value as { lastTrigger?: unknown }).lastTrigger ?? {};
    if (typeof last !== 'object' || last === null || Array.isArray(last)) return undefined;
    for (const seconds of Object.values(last)) if (typeof seconds !== 'number') return undefined;
    // A null prototype: a key is looked up among the file's keys only, never Object.prototype's.
    return { lastTrigger: Object.assign(Object.create(null), last) as Record<string, number> };
  } catch {
    return undefined;
  }
}

/** Seconds left before `key` may fire again, or undefined when it may fire now. */
function remainingSeconds(state: CooldownState, key: string, cooldownSeconds: number, now: number) {
  const last = Object.hasOwn(state.lastTrigger, key) ? state.lastTrigger[key] : undefined;
  // A last trigger in the future (the clock went back) does not silence the event.
  if (last === undefined || now < last || now - last >= cooldownSeconds) return undefined;
  return cooldownSeconds - (now - last);
}

/** Drops the entries last triggered before `before` (Unix seconds). */
function forgetOld(state: CooldownState, before: number) {
  const { lastTrigger } = state;
  for (const key in lastTrigger) if ((lastTrigger[key] as number) < before) delete lastTrigger[key];
}

/**
 * The state file as it is now: its text, 'missing', or 'refused' (with why) when it is not a
 * regular file. Read with O_NONBLOCK, so a FIFO put there never holds a hook.
 */
function readState(
  statePath: string,
): { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'refused'; why: string } {
  try {
    return { kind: 'text', text: readRegularFile(statePath, { maxBytes: STATE_MAX_BYTES }).text };
  } catch (error) {
    if (error instanceof RefusedFileError) {
      // Too large is a broken state file (set aside like a corrupt one); any other kind is left alone.
      return error.reason === 'too-large'
        ? { kind: 'text', text: '' }
        : { kind: 'refused', why: error.message };
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
}

/**
 * Decides whether `key` may fire now given its cooldown, and records the firing when it may.
 * Read, decide and write happen under one cross-process lock, so of many simultaneous hooks
 * exactly one fires. A corrupt state file is kept under a new name, not silently replaced; a
 * state path holding something other than a regular file is left as it is ('unrecorded').
 * Throws LockTimeoutError when the lock stays busy for `lockWaitMs`. Entries older than
 * `forgetAfterSeconds` are dropped when the file is written: with a cooldown per session, keys
 * would pile up forever, and every hook reads the whole file (the others wait while it does).
 */
export function claimCooldown(
  statePath: string,
  key: string,
  cooldownSeconds: number,
  nowMs = Date.now(),
  { lockWaitMs, forgetAfterSeconds }: { lockWaitMs?: number; forgetAfterSeconds?: number } = {},
): CooldownVerdict {
  const now = Math.floor(nowMs / 1000);
  // Repeats are settled without the lock: the file is replaced by rename, so a read sees one
  // whole version, and a firing it records stays recorded. Only a hook that may fire waits for
  // the lock, so a burst of hooks does not queue up behind it.
  let seen: ReturnType<typeof readState> | undefined;
  try {
    seen = readState(statePath);
  } catch {} // unreadable now: judged again under the lock
  // A FIFO or device is the person's, not ccbell's: notify (a sound is better than none), but
  // neither wait on it, nor record, nor rename or replace it.
  if (seen?.kind === 'refused') return { kind: 'allowed', unrecorded: seen.why };
  const seenState = seen?.kind === 'text' ? parseState(seen.text) : undefined;
  const cooling = seenState && remainingSeconds(seenState, key, cooldownSeconds, now);
  if (cooling) return { kind: 'cooling', remainingSeconds: cooling };

  // A registry may put the state where no directory is yet (or ~/.claude may not exist).
  mkdirSync(dirname(statePath), { recursive: true, mode: 0o700 });
  // Every other hook of a burst waits while this one holds the lock: the temporary file is
  // created before, so that inside there is one read, one write and one rename.
  const write = prepareAtomicWrite(statePath);
  try {
    return withFileLock(
      statePath,
      (): CooldownVerdict => {
        let state: CooldownState = { lastTrigger: Object.create(null) };
        let setAside: string | undefined;
        const read = readState(statePath);
        if (read.kind === 'refused') return { kind: 'allowed', unrecorded: read.why };
        if (read.kind === 'text') {
          const parsed = parseState(read.text);
          if (parsed) state = parsed;
          else {
            setAside = `${statePath}.corrupt-${nowMs}`;
            renameSync(statePath, setAside);
          }
        }
        const remaining = remainingSeconds(state, key, cooldownSeconds, now);
        if (remaining) return { kind: 'cooling', remainingSeconds: remaining };
        if (forgetAfterSeconds !== undefined) forgetOld(state, now - forgetAfterSeconds);
        state.lastTrigger[key] = now;
        write.commit(`${JSON.stringify(state, null, 2)}\n`);
        return setAside ? { kind: 'allowed', setAside } : { kind: 'allowed' };
      },
      lockWaitMs === undefined ? {} : { timeoutMs: lockWaitMs },
    );
  } finally {
    write.abandon();
  }
}
