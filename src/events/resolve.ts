import type { EventName } from '../config/index.js';
import type { HookInput } from './input.js';

// Null prototypes: a hook input's `hook_event_name` of "constructor" must find nothing.
const BY_HOOK_EVENT: Record<string, EventName> = Object.assign(Object.create(null), {
  Stop: 'stop',
  SubagentStop: 'subagent',
  SessionStart: 'session_start',
  SessionEnd: 'session_end',
  PermissionRequest: 'permission_request',
  PermissionDenied: 'permission_denied',
  StopFailure: 'stop_failure',
});

const BY_NOTIFICATION_TYPE: Record<string, EventName> = Object.assign(Object.create(null), {
  permission_prompt: 'permission_prompt',
  idle_prompt: 'idle_prompt',
  elicitation_dialog: 'elicitation_dialog',
  elicitation_url_dialog: 'elicitation_dialog',
  agent_needs_input: 'agent_needs_input',
  agent_completed: 'agent_completed',
  auth_success: 'auth_success',
});

/**
 * Which ccbell event a hook input means: its `hook_event_name`, and for Notification its type
 * (`notification_type`, else the wording of `message`). Undefined when it is none of ours.
 */
export function eventFromInput(input: HookInput): EventName | undefined {
  const hook = input.hook_event_name;
  if (!hook) return undefined;
  const direct = Object.hasOwn(BY_HOOK_EVENT, hook) ? BY_HOOK_EVENT[hook] : undefined;
  if (direct) return direct;
  if (hook !== 'Notification') return undefined;
  const type = input.notification_type;
  // Only the Notification types ccbell has events for (not, say, a type named "stop").
  if (typeof type === 'string') return BY_NOTIFICATION_TYPE[type];
  const message = typeof input.message === 'string' ? input.message.toLowerCase() : '';
  if (message.includes('permission')) return 'permission_prompt';
  if (message.includes('waiting for your input') || message.includes('idle')) return 'idle_prompt';
  return undefined;
}
