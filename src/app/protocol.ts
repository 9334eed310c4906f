// What crosses the bus between the app and ccbell's short-lived tools: the PermissionRequest
// hook's request and its reply, and the control channel's operations (`pending`, `answer`).
import type { ApprovalItem, Decision } from './requests.js';

/** A PermissionRequest hook's question: Claude Code's hook input, reduced to what deciding needs. */
export interface HookApprovalRequest {
  kind: 'permission_request';
  tool_name: string;
  input: Record<string, unknown>;
  session_id?: string;
  cwd?: string;
  permission_suggestions?: unknown[];
}

/** The app's reply to a hook: the decision, with the session rule when one was chosen. */
export interface HookApprovalReply {
  behavior: 'allow' | 'deny';
  message?: string;
  updated_input?: Record<string, unknown>;
  session_rule?: string;
  request_id: string;
  answered_by: string;
}

export type ControlRequest =
  | { op: 'status' }
  | { op: 'pending' }
  | {
      op: 'answer';
      id: string;
      behavior: 'allow' | 'deny';
      message?: string;
      updated_input?: Record<string, unknown>;
      by?: 'cli' | 'page';
    };

/** An item as tools show it: plain JSON, no functions, times as ISO strings. */
export interface ItemView {
  id: string;
  tool_name: string;
  input: Record<string, unknown>;
  risk: string;
  summary: string;
  session_id?: string;
  cwd?: string;
  sources: string[];
  created_at: string;
  decision?: Decision & { by: string; at: string };
}

export function viewOf(item: ApprovalItem): ItemView {
  return {
    id: item.id,
    tool_name: item.toolName,
    input: item.input,
    risk: item.risk,
    summary: item.summary,
    ...(item.sessionId ? { session_id: item.sessionId } : {}),
    ...(item.cwd ? { cwd: item.cwd } : {}),
    sources: item.sources,
    created_at: new Date(item.createdAt).toISOString(),
    ...(item.decision
      ? { decision: { ...item.decision, at: new Date(item.decision.at).toISOString() } }
      : {}),
  };
}

/** The PermissionRequest hook's stdout for a reply, in Claude Code's decision format. */
export function hookDecisionOutput(reply: HookApprovalReply, toolName: string): string {
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
