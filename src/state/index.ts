export {
  type AtomicWriteOptions,
  type PreparedWrite,
  prepareAtomicWrite,
  writeFileAtomic,
} from './atomic.js';
export { type CooldownState, type CooldownVerdict, claimCooldown } from './cooldown.js';
export { type LockOptions, LockTimeoutError, withFileLock } from './lock.js';
export { hasRecentMark, leaveMark, type MarkKind } from './marks.js';
export { type PlaceRecord, readPlace, recordPlace } from './places.js';
