export { writeFileAtomic } from './atomic.js';
export { type CooldownState, type CooldownVerdict, claimCooldown } from './cooldown.js';
export { LockTimeoutError, type LockOptions, withFileLock } from './lock.js';
