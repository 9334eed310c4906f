import type { EventName } from '../config/index.js';
import type { HookInput } from './input.js';
import { projectOf } from './resolve.js';

const WHAT: Record<EventName, string> = {
  stop: 'Claude finished and waits for you',
  permission_prompt: 'Claude needs your permission',
  idle_prompt: 'Claude is waiting for your input',
  subagent: 'A subagent finished',
  session_start: 'Session started',
  session_end: 'Session ended',
  permission_request: 'Claude asks permission',
};

/**
 * Title and body of a notification. The title answers "which one needs me?": the instance,
 * the project and the session; the body says what happened.
 */
export function describeEvent(event: EventName, instance: string, input: HookInput | undefined) {
  const project = projectOf(input) ?? 'Claude Code';
  const session = typeof input?.session_id === 'string' ? ` · ${input.session_id.slice(0, 8)}` : '';
  const title = `ccbell ${instance}: ${project}${session}`;
  let body = WHAT[event];
  if (event === 'permission_request' && typeof input?.tool_name === 'string')
    body += ` to use ${input.tool_name}`;
  else if (typeof input?.message === 'string' && input.message.trim())
    body = input.message.trim().slice(0, 300);
  return { title, body };
}
