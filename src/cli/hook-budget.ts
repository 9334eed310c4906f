// How long a hook process may wait on shared state. ccbell's hooks are given 10 s by Claude Code
// (src/claude/hooks.ts); a hook that outlives it is killed, and its notification lost.

/** A hook waits for the cooldown state's lock until this long after its process started… */
export const STATE_LOCK_DEADLINE_MS = 6000;
/** …but tries for at least this long, however late it got there. */
export const MIN_STATE_LOCK_WAIT_MS = 250;

/**
 * How long this hook may wait for the cooldown state's lock: until STATE_LOCK_DEADLINE_MS into
 * its life, which leaves the rest of Claude Code's timeout for notifying and exiting. On a
 * machine so busy that node took seconds to start, the wait is shorter, not the budget longer.
 */
export function stateLockWaitMs(uptimeMs = process.uptime() * 1000): number {
  return Math.max(MIN_STATE_LOCK_WAIT_MS, Math.round(STATE_LOCK_DEADLINE_MS - uptimeMs));
}
