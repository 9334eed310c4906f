// Every message that crosses a process boundary: one schema and one parser per message, used by
// both ends, so a malformed message is named as such wherever it arrives. Checks on raw bytes
// (depth, size) come first, before anything is parsed.

/** One answer to a request, the same from every door. */
export { type AnswerMessage, parseAnswer } from './answer.js';
/** Approval server ↔ app: the prompt tool's request and answer, and what Claude Code gets back. */
export {
  APPROVAL_MAX_FRAME_BYTES,
  type ApprovalAnswer,
  type ApprovalRequest,
  denyResult,
  type PromptToolResult,
  parseApprovalAnswer,
  parseApprovalRequest,
  toClaudeResult,
} from './approval.js';
/** Tools ↔ app: status, pending, answer. */
export {
  type AnswerReply,
  type ControlAnswerer,
  type ControlRequest,
  type DiscoveryReply,
  type FeedView,
  type ItemView,
  parseAnswerReply,
  parseControlRequest,
  parseDiscoveryReply,
  parseItemView,
  parsePendingReply,
  parseStatusReply,
  type StatusReply,
} from './control.js';
/** Command hook → app: an event for the feed. */
export { type AppEventMessage, parseAppEventMessage } from './events.js';
/** Field checks and bounds every message is made of. */
export {
  describe,
  MAX_TOOL_CALL_BYTES,
  MAX_TOOL_CALL_DEPTH,
  PROTOCOL_LIMITS,
  ProtocolError,
  parseToolInput,
} from './fields.js';
/** PermissionRequest hook ↔ app. */
export {
  type HookApprovalReply,
  type HookApprovalRequest,
  hookDecisionOutput,
  parseHookApprovalReply,
  parseHookApprovalRequest,
} from './hook-approval.js';
/** Nesting depth and a few top-level members of JSON text, chunk by chunk, without holding it. */
export { JsonScanner, type JsonScanOptions } from './json-scan.js';
