// Requests as tools and the page see them: plain JSON (the control channel's ItemView).
import type { HookApprovalReply, ItemView } from '../protocol/index.js';
import type { ApprovalItem } from './book.js';
import { sessionLabel } from './sessions.js';

/** An item as plain JSON, times as ISO strings, with the place it waits in. */
export function viewOf(item: ApprovalItem): ItemView {
  return {
    id: item.id,
    tool_name: item.toolName,
    input: item.input,
    risk: item.risk,
    summary: item.summary,
    ...(item.cwd ? { place: sessionLabel(item.cwd) } : {}),
    ...(item.sessionId ? { session_id: item.sessionId } : {}),
    ...(item.cwd ? { cwd: item.cwd } : {}),
    ...(item.host ? { host: item.host } : {}),
    sources: item.sources,
    created_at: new Date(item.createdAt).toISOString(),
    ...(item.decision
      ? { decision: { ...item.decision, at: new Date(item.decision.at).toISOString() } }
      : {}),
    ...(item.settled
      ? { settled: { by: item.settled.by, at: new Date(item.settled.at).toISOString() } }
      : {}),
  };
}

/** What a PermissionRequest hook is told about a closed item: its decision, or that it was settled. */
export function hookReplyOf(item: ApprovalItem): HookApprovalReply {
  const decision = item.decision;
  if (!decision)
    return { outcome: 'settled', request_id: item.id, settled_by: item.settled?.by ?? 'unknown' };
  return {
    outcome: 'decided',
    behavior: decision.behavior,
    request_id: item.id,
    answered_by: decision.by,
    ...(decision.message ? { message: decision.message } : {}),
    ...(decision.updatedInput ? { updated_input: decision.updatedInput } : {}),
    ...(decision.sessionRule ? { session_rule: decision.sessionRule } : {}),
  };
}
