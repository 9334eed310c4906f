export { describeEvent } from './describe.js';
export {
  cooldownKey,
  cooldownMemorySeconds,
  decide,
  type EventContext,
  eventNeedsInput,
  handleEvent,
  type Outcome,
  type SuppressReason,
} from './handle.js';
export {
  type HookInput,
  type InputResult,
  MAX_HOOK_INPUT_BYTES,
  parseHookInput,
  readHookInput,
} from './input.js';
export { eventFromInput, projectOf } from './resolve.js';
