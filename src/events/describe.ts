import type { EventName } from '../config/index.js';
import type { HookInput } from './input.js';
import { gitBranch, placeLabel, shortSession, toolLabel } from './labels.js';

const WHAT: Record<EventName, string> = {
  stop: 'Claude finished and waits for you',
  permission_prompt: 'Claude needs your permission',
  idle_prompt: 'Claude is waiting for your input',
  subagent: 'A subagent finished',
  session_start: 'Session started',
  session_end: 'Session ended',
  permission_request: 'Claude asks permission',
  permission_denied: 'Auto mode blocked a tool call',
  stop_failure: 'The turn ended on an error',
  elicitation_dialog: 'An MCP server asks you something',
  agent_needs_input: 'An agent needs your input',
  agent_completed: 'A background agent finished',
  auth_success: 'Signed in',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Title and body of a notification. The title answers "which one needs me?": the instance,
 * the project and its branch, and the session; the body says what happened, and for a tool
 * call which tool and the start of its command or path.
 */
export function describeEvent(
  event: EventName,
  instance: string,
  input: HookInput | undefined,
  /** The project's label (`label` of a project file or rule), shown instead of its folder. */
  label?: string,
) {
  const cwd = text(input?.cwd);
  const session = shortSession(input?.session_id);
  const branch = label && cwd ? gitBranch(cwd) : undefined;
  const place = label ? (branch ? `${label} (${branch})` : label) : cwd ? placeLabel(cwd) : 'Claude Code';
  const title = `ccbell ${instance}: ${place}${session ? ` · ${session}` : ''}`;
  return { title, body: describeWhat(event, input) };
}

/**
 * What happened, in a notification's words: for a tool call which tool and the start of its
 * command, for an error the API's words. Reads no file (the title's branch does), so the feed
 * can say it for every event.
 */
export function describeWhat(event: EventName, input: HookInput | undefined): string {
  const tool = text(input?.tool_name);
  if ((event === 'permission_request' || event === 'permission_denied') && tool) {
    let body = `${event === 'permission_request' ? 'Allow' : 'Auto mode blocked'} ${toolLabel(tool, input?.tool_input)}`;
    const reason = event === 'permission_denied' ? text(input?.reason) : undefined;
    if (reason) body += ` (${reason.slice(0, 120)})`;
    return body;
  }
  if (event === 'stop_failure') {
    // Claude Code 2.1.330 sends `error: "unknown"` with the API's words in last_assistant_message.
    const error = text(input?.error_details) ?? text(input?.last_assistant_message) ?? text(input?.error);
    return error ? `${WHAT[event]}: ${error.slice(0, 200)}` : WHAT[event];
  }
  return text(input?.message)?.slice(0, 300) ?? WHAT[event];
}

/** Whether `describeWhat` says more than the event's name (a message, a tool, an error). */
export function saysMore(event: EventName, input: HookInput | undefined): boolean {
  return describeWhat(event, input) !== WHAT[event];
}
