export { describeEvent, describeWhat, saysMore } from './describe.js';
export {
  cooldownKey,
  cooldownMemorySeconds,
  decide,
  type EventContext,
  eventNeedsInput,
  handleEvent,
  type Outcome,
  type StartedEvent,
  type SuppressReason,
  startEvent,
} from './handle.js';
export {
  type HookInput,
  type InputResult,
  MAX_HOOK_INPUT_BYTES,
  parseHookInput,
  readHookInput,
  readHookInputSync,
  readStdinHookInput,
  type StreamReadsOn,
  startedByClaudeCode,
} from './input.js';
export {
  COMMAND_LABEL_LENGTH,
  gitBranch,
  placeLabel,
  projectOf,
  SUMMARY_LENGTH,
  shortSession,
  summaryOf,
  toolLabel,
} from './labels.js';
export { eventFromInput } from './resolve.js';
export {
  canonicalJson,
  readTranscriptLines,
  ToolCallTracker,
  type ToolUseRecord,
  type TranscriptFacts,
} from './transcript.js';
