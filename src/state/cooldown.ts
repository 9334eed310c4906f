import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { prepareAtomicWrite } from './atomic.js';
import { withFileLock } from './lock.js';

/** The state file as original ccbell writes it: last trigger per key, in Unix seconds. */
export interface CooldownState {
  lastTrigger: Record<string, number>;
}

export type CooldownVerdict =
  | { kind: 'allowed' }
  | { kind: 'cooling'; remainingSeconds: number }
  | { kind: 'allowed'; setAside: string };

function parseState(text: string): CooldownState | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const last = (value as { lastTrigger?: unknown }).lastTrigger ?? {};
    if (typeof last !== 'object' || last === null || Array.isArray(last)) return undefined;
    // The parsed object is this call's own: checked in place, not copied (it is read under the lock).
    const lastTrigger = last as Record<string, unknown>;
    for (const key in lastTrigger) if (typeof lastTrigger[key] !== 'number') return undefined;
    return { lastTrigger: lastTrigger as Record<string, number> };
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

/** The state as it is now, read without the lock; undefined when missing or unreadable. */
function peekState(statePath: string): CooldownState | undefined {
  try {
    return parseState(readFileSync(statePath, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Decides whether `key` may fire now given its cooldown, and records the firing when it may.
 * Read, decide and write happen under one cross-process lock, so of many simultaneous hooks
 * exactly one fires. A corrupt state file is kept under a new name, not silently replaced.
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
  const seen = peekState(statePath);
  const cooling = seen && remainingSeconds(seen, key, cooldownSeconds, now);
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
        let state: CooldownState = { lastTrigger: {} };
        let setAside: string | undefined;
        if (existsSync(statePath)) {
          const parsed = parseState(readFileSync(statePath, 'utf8'));
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
