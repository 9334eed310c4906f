import type { EventName } from '../config/index.js';
import type { HookInput } from './input.js';
import { projectOf } from './resolve.js';

const WHAT: Record<EventName, string> = {
  stop: 'finished and waits for you',
  permission_prompt: 'needs your permission',
  idle_prompt: 'is waiting for your input',
  subagent: 'had a subagent finish',
  session_start: 'started',
  session_end: 'ended',
  permission_request: 'asks permission',
};

/** Title and body for a notification: which instance, which project, which session, what happened. */
export function describeEvent(event: EventName, instance: string, input: HookInput | undefined) {
  const project = projectOf(input) ?? 'Claude Code';
  const session = typeof input?.session_id === 'string' ? input.session_id.slice(0, 8) : undefined;
  const title = `${project}${instance === 'default' ? '' : ` [${instance}]`}`;
  let body = `Claude Code ${WHAT[event]}`;
  if (event === 'permission_request' && typeof input?.tool_name === 'string') body += `: ${input.tool_name}`;
  if (typeof input?.message === 'string' && event !== 'permission_request') body = input.message;
  if (session) body += ` (session ${session})`;
  return { title, body };
}
