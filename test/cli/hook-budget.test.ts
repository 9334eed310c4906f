import { describe, expect, it } from 'vitest';
import {
  MIN_STATE_LOCK_WAIT_MS,
  STATE_LOCK_DEADLINE_MS,
  stateLockWaitMs,
} from '../../src/cli/hook-budget.js';

describe('stateLockWaitMs', () => {
  it('waits until the deadline counted from the process start, within the 10 s hook timeout', () => {
    expect(STATE_LOCK_DEADLINE_MS).toBeLessThanOrEqual(7000);
    expect(stateLockWaitMs(40)).toBe(STATE_LOCK_DEADLINE_MS - 40);
    expect(stateLockWaitMs(2500)).toBe(STATE_LOCK_DEADLINE_MS - 2500);
  });

  it('still tries for a moment when the process started late', () => {
    expect(stateLockWaitMs(STATE_LOCK_DEADLINE_MS)).toBe(MIN_STATE_LOCK_WAIT_MS);
    expect(stateLockWaitMs(60_000)).toBe(MIN_STATE_LOCK_WAIT_MS);
  });

  it('counts from this process when given nothing', () => {
    const wait = stateLockWaitMs();
    expect(wait).toBeGreaterThanOrEqual(MIN_STATE_LOCK_WAIT_MS);
    expect(wait).toBeLessThanOrEqual(STATE_LOCK_DEADLINE_MS);
  });
});
