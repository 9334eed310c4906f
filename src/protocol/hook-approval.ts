// A PermissionRequest hook (the `ccbell permission-request` command) asking the app, and the
// app's reply: a decision, or word that the request was settled elsewhere (answered in Claude
// Code's own dialog, say), so the hook prints nothing and ends at once.
import { hostField } from './approval.js';
import { boundedString, describe, PROTOCOL_LIMITS, ProtocolError, plainObject, toolInput } from './fields.js';

/** The hook's question: Claude Code's hook input, reduced to what deciding and settling need. */
export interface HookApprovalRequest {
  readonly kind: 'permission_request';
  readonly tool_name: string;
  readonly input: Record<string, unknown>;
  readonly session_id?: string;
  readonly cwd?: string;
  /** The session's transcript, where the app can see the call answered in Claude Code. */
  readonly transcript_path?: string;
  readonly permission_suggestions?: unknown[];
  /** The machine the session runs on (see ApprovalRequest.host). */
  readonly host?: string;
}

/** The app's reply: a decision (with the session rule when one was chosen), or settled elsewhere. */
export type HookApprovalReply =
  | {
      readonly outcome: 'decided';
      readonly behavior: 'allow' | 'deny';
      readonly message?: string;
      readonly updated_input?: Record<string, unknown>;
      readonly session_rule?: string;
      readonly request_id: string;
      readonly answered_by: string;
    }
  | { readonly outcome: 'settled'; readonly request_id: string; readonly settled_by: string };

const TOOL_NAME = /^[A-Za-z0-9_.:-]+$/;
const MAX_SUGGESTIONS = 64;

function optionalString(record: Record<string, unknown>, field: string, max: number): string | undefined {
  const value = record[field];
  if (value === undefined || value === null || value === '') return undefined;
  const text = boundedString(value, field, max);
  if (/[\u0000-\u001f]/.test(text)) throw new ProtocolError(field, 'contains control characters');
  return text;
}

/** Checks a hook's question; throws a ProtocolError naming the fault. */
export function parseHookApprovalRequest(value: unknown): HookApprovalRequest {
  const record = plainObject(value, '');
  if (record.kind !== 'permission_request') {
    throw new ProtocolError('kind', `must be "permission_request", got ${describe(record.kind)}`);
  }
  const request: { -readonly [K in keyof HookApprovalRequest]: HookApprovalRequest[K] } = {
    kind: 'permission_request',
    tool_name: boundedString(record.tool_name, 'tool_name', PROTOCOL_LIMITS.toolNameLength, TOOL_NAME),
    input: toolInput(record.input, 'input'),
  };
  const session = optionalString(record, 'session_id', 200);
  if (session) request.session_id = session;
  const cwd = optionalString(record, 'cwd', PROTOCOL_LIMITS.cwdLength);
  if (cwd) request.cwd = cwd;
  const transcript = optionalString(record, 'transcript_path', PROTOCOL_LIMITS.cwdLength);
  if (transcript) request.transcript_path = transcript;
  if (record.host !== undefined) request.host = hostField(record.host);
  if (record.permission_suggestions !== undefined) {
    const list = record.permission_suggestions;
    if (!Array.isArray(list) || list.length > MAX_SUGGESTIONS) {
      throw new ProtocolError('permission_suggestions', `must be a list of at most ${MAX_SUGGESTIONS}`);
    }
    request.permission_suggestions = list.map((item, index) =>
      toolInput(item, `permission_suggestions[${index}]`),
    );
  }
  return request;
}

/** Checks the app's reply; throws a ProtocolError naming the fault. */
export function parseHookApprovalReply(value: unknown): HookApprovalReply {
  const record = plainObject(value, '');
  const request_id = boundedString(record.request_id, 'request_id', 64);
  if (record.outcome === 'settled') {
    return { outcome: 'settled', request_id, settled_by: boundedString(record.settled_by, 'settled_by', 64) };
  }
  if (record.outcome !== 'decided') {
    throw new ProtocolError('outcome', `must be "decided" or "settled", got ${describe(record.outcome)}`);
  }
  const behavior = record.behavior;
  if (behavior !== 'allow' && behavior !== 'deny') {
    throw new ProtocolError('behavior', `must be "allow" or "deny", got ${describe(behavior)}`);
  }
  return {
    outcome: 'decided',
    behavior,
    request_id,
    answered_by: boundedString(record.answered_by, 'answered_by', 64),
    ...(typeof record.message === 'string' && record.message
      ? { message: boundedString(record.message, 'message', PROTOCOL_LIMITS.messageLength) }
      : {}),
    ...(record.updated_input !== undefined
      ? { updated_input: toolInput(record.updated_input, 'updated_input') }
      : {}),
    ...(typeof record.session_rule === 'string' && record.session_rule
      ? { session_rule: boundedString(record.session_rule, 'session_rule', 10_000) }
      : {}),
  };
}

/**
 * The PermissionRequest hook's stdout for a reply, in Claude Code's decision format; empty for
 * a request settled elsewhere (no decision: Claude Code already has one).
 */
export function hookDecisionOutput(reply: HookApprovalReply, toolName: string): string {
  if (reply.outcome === 'settled') return '';
  const decision: Record<string, unknown> = { behavior: reply.behavior };
  if (reply.behavior === 'deny') decision.message = reply.message || 'Denied in ccbell';
  if (reply.behavior === 'allow' && reply.updated_input) decision.updatedInput = reply.updated_input;
  if (reply.behavior === 'allow' && reply.session_rule) {
    const inside = /^[^(]+\((.*)\)$/s.exec(reply.session_rule)?.[1];
    decision.updatedPermissions = [
      {
        type: 'addRules',
        rules: [inside === undefined ? { toolName } : { toolName, ruleContent: inside }],
        behavior: 'allow',
        destination: 'session',
      },
    ];
  }
  return JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision } });
}
