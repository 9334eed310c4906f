// Hook input in, what it means out: the one reading of Claude Code's hook input that every
// door shares (command hook, http hook, a command hook's event forwarded over the bus).
// Pure: no files, no sockets, no clock.
import type { EventName } from '../config/index.js';
import { eventFromInput, type HookInput } from '../events/index.js';

/** A PermissionRequest as a question to the person: what the approvals desk files. */
export interface ApprovalAsk {
  toolName: string;
  input: Record<string, unknown>;
  sessionId?: string;
  cwd?: string;
  transcriptPath?: string;
  permissionSuggestions?: unknown[];
}

/**
 * The session has moved past its waiting requests: a tool call ran, failed or was refused, a
 * new prompt was sent, or the turn or session ended. Requests it names are settled as answered
 * in Claude Code.
 */
export interface Settlement {
  sessionId: string;
  /** Only the request for this tool call (its tool and input); absent: every request of the session. */
  call?: { toolName: string; input: unknown };
}

/** What one hook input means; any part may be absent (a PreToolUse means nothing to ccbell). */
export interface Route {
  /** The ccbell event to notify and show in the feed. */
  event?: EventName;
  /** A permission request the app can answer. */
  ask?: ApprovalAsk;
  settles?: Settlement;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

// Events after which no earlier request of the session can still be waiting for its dialog.
const ENDS_ALL_WAITING = new Set(['UserPromptSubmit', 'Stop', 'StopFailure', 'SessionEnd']);
// Events that close one tool call: it ran, failed, or auto mode refused it.
const ENDS_ONE_CALL = new Set(['PostToolUse', 'PostToolUseFailure', 'PermissionDenied']);

/** Reads one hook input. */
export function routeHookInput(input: HookInput): Route {
  const route: Route = {};
  const event = eventFromInput(input);
  if (event) route.event = event;
  const hook = input.hook_event_name;
  const sessionId = text(input.session_id);
  if (hook === 'PermissionRequest' && text(input.tool_name) && isObject(input.tool_input)) {
    route.ask = {
      toolName: input.tool_name as string,
      input: input.tool_input,
      ...(sessionId ? { sessionId } : {}),
      ...(text(input.cwd) ? { cwd: input.cwd as string } : {}),
      ...(text(input.transcript_path) ? { transcriptPath: input.transcript_path as string } : {}),
      ...(Array.isArray(input.permission_suggestions)
        ? { permissionSuggestions: input.permission_suggestions }
        : {}),
    };
  }
  if (sessionId && typeof hook === 'string') {
    if (ENDS_ALL_WAITING.has(hook)) route.settles = { sessionId };
    else if (ENDS_ONE_CALL.has(hook) && text(input.tool_name)) {
      route.settles = { sessionId, call: { toolName: input.tool_name as string, input: input.tool_input } };
    }
  }
  return route;
}
