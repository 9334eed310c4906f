// The two messages that cross the bus between the approval server and
// the app, their validators, and the result Claude Code expects back from the prompt tool.
//
// The tool input is carried whole: arrays, nested objects and unicode reach the app and come back
// to Claude Code as they were sent. Validators check shape and bounds, never rewrite the input.

import { boundedString, describe, PROTOCOL_LIMITS, ProtocolError, plainObject, toolInput } from './fields.js';

/** Approval server → app, on `ClaudeCodeUIApprovalRequest[_<id>]`. */
export interface ApprovalRequest {
  readonly tool_name: string;
  /** The tool's input exactly as Claude Code sent it. */
  readonly input: Record<string, unknown>;
  /** Claude Code's id for the tool call (or one the server made when Claude Code gave none). */
  readonly tool_use_id: string;
  /** The working directory of the Claude Code session (the approval server's own). */
  readonly cwd?: string;
  /** The machine the session runs on, as it names itself (set when it may be another machine's). */
  readonly host?: string;
}

/** App → approval server, on `ClaudeCodeUIApprovalResponse[_<id>]`. */
export interface ApprovalAnswer {
  readonly tool_use_id: string;
  readonly behavior: 'allow' | 'deny';
  /** On allow: the input to run instead of the original one. */
  readonly updated_input?: Record<string, unknown>;
  /** On deny: why, shown to Claude. */
  readonly message?: string;
}

/** What the permission prompt tool returns to Claude Code, as JSON in one text block. */
export type PromptToolResult =
  | { behavior: 'allow'; updatedInput: Record<string, unknown> }
  | { behavior: 'deny'; message: string };

/**
 * The bus frame cap both ends of the approval channels use (the bus's default is 1 MiB): an input
 * at PROTOCOL_LIMITS.inputLength fits even when most of it is non-ASCII. The app must pass it to
 * `observe()` on the request channel and to `post()` of answers carrying updated_input.
 */
export const APPROVAL_MAX_FRAME_BYTES = 32 * 1024 * 1024;

const DEFAULT_DENY_MESSAGE = 'Denied in ccbell';

// Printable ASCII without spaces or quotes: ids travel in logs and channel payloads.
const TOOL_USE_ID = /^[A-Za-z0-9_.:@-]+$/;
const TOOL_NAME = /^[A-Za-z0-9_.:-]+$/;

/** Checks a value received as an approval request; throws a ProtocolError naming the fault. */
export function parseApprovalRequest(value: unknown): ApprovalRequest {
  const record = plainObject(value, '');
  const tool_name = boundedString(record.tool_name, 'tool_name', PROTOCOL_LIMITS.toolNameLength, TOOL_NAME);
  const tool_use_id = boundedString(
    record.tool_use_id,
    'tool_use_id',
    PROTOCOL_LIMITS.toolUseIdLength,
    TOOL_USE_ID,
  );
  const input = toolInput(record.input, 'input');
  const request: { -readonly [K in keyof ApprovalRequest]: ApprovalRequest[K] } = {
    tool_name,
    input,
    tool_use_id,
  };
  if (record.cwd !== undefined) {
    const cwd = boundedString(record.cwd, 'cwd', PROTOCOL_LIMITS.cwdLength);
    if (/[\u0000-\u001f]/.test(cwd)) throw new ProtocolError('cwd', 'contains control characters');
    request.cwd = cwd;
  }
  if (record.host !== undefined) request.host = hostField(record.host);
  return request;
}

/** Checks a request's `host`: a short name without control characters. */
export function hostField(value: unknown): string {
  const host = boundedString(value, 'host', PROTOCOL_LIMITS.hostLength);
  if (/[\u0000-\u001f\u007f]/.test(host)) throw new ProtocolError('host', 'contains control characters');
  return host;
}

/** Checks a value received as an answer; throws a ProtocolError naming the fault. */
export function parseApprovalAnswer(value: unknown): ApprovalAnswer {
  const record = plainObject(value, '');
  const tool_use_id = boundedString(
    record.tool_use_id,
    'tool_use_id',
    PROTOCOL_LIMITS.toolUseIdLength,
    TOOL_USE_ID,
  );
  const behavior = record.behavior;
  if (behavior !== 'allow' && behavior !== 'deny') {
    throw new ProtocolError('behavior', `must be "allow" or "deny", got ${describe(behavior)}`);
  }
  const answer: { -readonly [K in keyof ApprovalAnswer]: ApprovalAnswer[K] } = { tool_use_id, behavior };
  if (record.updated_input !== undefined && record.updated_input !== null) {
    if (behavior === 'deny')
      throw new ProtocolError('updated_input', 'only an allow can carry updated_input');
    answer.updated_input = toolInput(record.updated_input, 'updated_input');
  }
  if (record.message !== undefined && record.message !== null) {
    if (typeof record.message !== 'string') {
      throw new ProtocolError('message', `must be a string, got ${describe(record.message)}`);
    }
    if (record.message.length > PROTOCOL_LIMITS.messageLength) {
      throw new ProtocolError('message', `longer than ${PROTOCOL_LIMITS.messageLength} characters`);
    }
    answer.message = record.message;
  }
  return answer;
}

/** The prompt tool's result for an answer: allow with the (updated or original) input, or deny. */
export function toClaudeResult(
  answer: ApprovalAnswer,
  originalInput: Record<string, unknown>,
): PromptToolResult {
  if (answer.behavior === 'allow') {
    return { behavior: 'allow', updatedInput: answer.updated_input ?? originalInput };
  }
  return denyResult(answer.message?.trim() ? answer.message : DEFAULT_DENY_MESSAGE);
}

/** A deny result with a message for Claude, for answers ccbell gives itself (no app, timeout). */
export function denyResult(message: string): PromptToolResult {
  return { behavior: 'deny', message };
}
