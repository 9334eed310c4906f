// Internal to src/approval: the two messages that cross the bus between the approval server and
// the app, their validators, and the result Claude Code expects back from the prompt tool.
//
// The tool input is carried whole: arrays, nested objects and unicode reach the app and come back
// to Claude Code as they were sent. Validators check shape and bounds, never rewrite the input.

/** Approval server → app, on `ClaudeCodeUIApprovalRequest[_<id>]`. */
export interface ApprovalRequest {
  readonly tool_name: string;
  /** The tool's input exactly as Claude Code sent it. */
  readonly input: Record<string, unknown>;
  /** Claude Code's id for the tool call (or one the server made when Claude Code gave none). */
  readonly tool_use_id: string;
  /** The working directory of the Claude Code session (the approval server's own). */
  readonly cwd?: string;
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

/** A request or answer that is not what the protocol allows; says which field and why. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field ? `${field}: ` : ''}${reason}`);
  }
}

/** Bounds on what crosses the bus; a tool input (a Write's content) may legitimately be large. */
export const PROTOCOL_LIMITS = {
  /** Serialized size of an input or updated_input, in UTF-16 code units (about). */
  inputLength: 8 * 1024 * 1024,
  /** Nesting depth of an input. */
  inputDepth: 64,
  toolNameLength: 256,
  toolUseIdLength: 256,
  messageLength: 16 * 1024,
  cwdLength: 4096,
} as const;

/**
 * The bus frame cap both ends of the approval channels use (the bus's default is 1 MiB): an input
 * at PROTOCOL_LIMITS.inputLength fits even when most of it is non-ASCII. The app must pass it to
 * `observe()` on the request channel and to `post()` of answers carrying updated_input.
 */
export const APPROVAL_MAX_FRAME_BYTES = 32 * 1024 * 1024;

/**
 * The most bytes one tool call may take at ccbell's doors: an http hook's body, a JSON-RPC line
 * to the approval server, an answer from the page. What fills them is a tool input the model
 * wrote, so the model's output limit bounds it: at most 128k output tokens (Claude Code 2.1's
 * upper limit for any model), about 4 bytes of text each on average, is about 512 KiB; JSON
 * escaping (newlines, quotes) and non-ASCII text (up to 3 bytes a character) can triple that.
 * The hook events sent over http (PermissionRequest, Stop, Notification, SubagentStop,
 * SessionEnd) carry no tool output, only that input (passed whole) and a few short fields:
 * measured with Claude Code 2.1.330, a PermissionRequest body is its tool_input plus about 450
 * bytes. 4 MiB leaves room for all of that; a message bigger than it is denied, not parsed.
 */
export const MAX_TOOL_CALL_BYTES = 4 * 1024 * 1024;

/**
 * Deepest JSON nesting of such a message: a tool input's own bound plus the objects around it
 * (a hook body or a page answer holds the input one level down; a JSON-RPC call three down).
 */
export const MAX_TOOL_CALL_DEPTH = PROTOCOL_LIMITS.inputDepth + 4;

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
  return request;
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

/** Checks a tool input (or updated input) on its own; throws a ProtocolError naming the fault. */
export function parseToolInput(value: unknown, field = 'input'): Record<string, unknown> {
  return toolInput(value, field);
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

function plainObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(field, `must be an object, got ${describe(value)}`);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ProtocolError(field, 'must be a plain object');
  return value as Record<string, unknown>;
}

function boundedString(value: unknown, field: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw new ProtocolError(field, `must be a string, got ${describe(value)}`);
  if (value === '') throw new ProtocolError(field, 'is empty');
  if (value.length > max) throw new ProtocolError(field, `longer than ${max} characters`);
  if (pattern && !pattern.test(value)) {
    throw new ProtocolError(field, `may hold only letters, digits and ${pattern.source.slice(11, -3)}`);
  }
  return value;
}

// A tool input: a plain object holding only JSON values, within the depth and size bounds.
function toolInput(value: unknown, field: string): Record<string, unknown> {
  const record = plainObject(value, field);
  let length = 0;
  const visit = (node: unknown, path: string, depth: number, seen: Set<object>): void => {
    if (depth > PROTOCOL_LIMITS.inputDepth) {
      throw new ProtocolError(path, `nested deeper than ${PROTOCOL_LIMITS.inputDepth} levels`);
    }
    if (node === null || typeof node === 'boolean') {
      length += 5;
    } else if (typeof node === 'string') {
      length += node.length + 2;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) throw new ProtocolError(path, 'is not a finite number');
      length += 8;
    } else if (typeof node === 'object') {
      if (seen.has(node)) throw new ProtocolError(path, 'refers to itself');
      seen.add(node);
      if (Array.isArray(node)) {
        for (let index = 0; index < node.length; index++)
          visit(node[index], `${path}[${index}]`, depth + 1, seen);
      } else {
        const proto = Object.getPrototypeOf(node);
        if (proto !== Object.prototype && proto !== null)
          throw new ProtocolError(path, 'is not a plain object');
        for (const [key, item] of Object.entries(node)) {
          length += key.length + 4;
          visit(item, `${path}.${key.slice(0, 40)}`, depth + 1, seen);
        }
      }
      seen.delete(node);
    } else {
      throw new ProtocolError(path, `is not a JSON value (${typeof node})`);
    }
    if (length > PROTOCOL_LIMITS.inputLength) {
      throw new ProtocolError(field, `larger than ${PROTOCOL_LIMITS.inputLength} characters`);
    }
  };
  visit(record, field, 0, new Set());
  return record;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return typeof value;
}
