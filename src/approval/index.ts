// Approvals: the runtime identity of an app and its channel names, the messages between the
// approval server and the app, the MCP approval server, and the `claude` arguments that route
// permission prompts to the app. (Rules and risk are src/rules'; labels src/events'.)

/** The request and answer payloads, their validators, and the result Claude Code expects. */
export {
  APPROVAL_MAX_FRAME_BYTES,
  type ApprovalAnswer,
  type ApprovalRequest,
  denyResult,
  MAX_TOOL_CALL_BYTES,
  MAX_TOOL_CALL_DEPTH,
  PROTOCOL_LIMITS,
  type PromptToolResult,
  ProtocolError,
  parseApprovalAnswer,
  parseApprovalRequest,
  parseToolInput,
  toClaudeResult,
} from '../protocol/index.js';
/** Forwarding a hook event to the app's event feed (the hook handler imports forward.js directly). */
export { forwardEventToApp } from './forward.js';
/** Runtime identity (`<pid>_<start ms>`), its channel names, and the env passed to children. */
export {
  type ApprovalChannels,
  channelsFor,
  childEnvironment,
  createRuntimeIdentity,
  INSTANCE_NAME_ENV,
  isRuntimeId,
  RUNTIME_ID_ENV,
  RuntimeIdError,
  type RuntimeIdentity,
  runtimeIdFromEnv,
} from './identity.js';
/** Launch: the `--mcp-config` and `--permission-prompt-tool` arguments for `claude`. */
export {
  type ApprovalLaunchOptions,
  type ApprovalMcpConfig,
  approvalLaunchConfig,
  PERMISSION_PROMPT_TOOL,
} from './launch.js';
/** The MCP approval server (`ccbell approval-server`). */
export {
  APPROVAL_SERVER_NAME,
  APPROVAL_TOOL_NAME,
  type ApprovalServerOptions,
  createApprovalServer,
  type RunApprovalServerOptions,
  runApprovalServer,
} from './mcp-server.js';
