import { describe, expect, it } from 'vitest';
import { eventFromInput, type HookInput, projectOf } from '../../src/events/index.js';

// The payload shapes captured from Claude Code 2.1.330 (see claude-code-facts.md).
const common = {
  session_id: '3f1c2a9e-0000-4000-8000-000000000001',
  transcript_path: '/home/me/.claude/projects/x/3f1c.jsonl',
  cwd: '/tmp/x',
  permission_mode: 'default',
};
const PAYLOADS: [string, HookInput, string | undefined][] = [
  ['SessionStart', { ...common, hook_event_name: 'SessionStart', source: 'startup' }, 'session_start'],
  ['UserPromptSubmit', { ...common, hook_event_name: 'UserPromptSubmit', prompt: 'hi' }, undefined],
  [
    'PreToolUse',
    {
      ...common,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'ls', description: 'list' },
      tool_use_id: 'toolu_1',
    },
    undefined,
  ],
  [
    'PermissionRequest',
    {
      ...common,
      hook_event_name: 'PermissionRequest',
      tool_name: 'Bash',
      tool_input: { command: 'touch f' },
      permission_suggestions: [{ type: 'addDirectories', directories: ['/tmp/x'], destination: 'session' }],
    },
    'permission_request',
  ],
  [
    'Stop',
    {
      ...common,
      hook_event_name: 'Stop',
      stop_hook_active: false,
      last_assistant_message: 'done',
      background_tasks: [],
      session_crons: [],
    },
    'stop',
  ],
  ['SessionEnd', { ...common, hook_event_name: 'SessionEnd', reason: 'other' }, 'session_end'],
  ['SubagentStop', { ...common, hook_event_name: 'SubagentStop', agent_id: 'a1' }, 'subagent'],
  [
    'Notification permission_prompt',
    {
      ...common,
      hook_event_name: 'Notification',
      notification_type: 'permission_prompt',
      message: 'Claude needs your permission to use Bash',
    },
    'permission_prompt',
  ],
  [
    'Notification idle_prompt',
    {
      ...common,
      hook_event_name: 'Notification',
      notification_type: 'idle_prompt',
      message: 'Claude is waiting for your input',
    },
    'idle_prompt',
  ],
  [
    'Notification without a type, permission wording',
    { ...common, hook_event_name: 'Notification', message: 'Claude needs your permission to use Bash' },
    'permission_prompt',
  ],
  [
    'Notification without a type, idle wording',
    { ...common, hook_event_name: 'Notification', message: 'Claude is waiting for your input' },
    'idle_prompt',
  ],
  [
    'Notification of a type ccbell has no event for',
    { ...common, hook_event_name: 'Notification', notification_type: 'computer_use_enter', message: 'ok' },
    undefined,
  ],
  [
    'Notification auth_success',
    { ...common, hook_event_name: 'Notification', notification_type: 'auth_success', message: 'ok' },
    'auth_success',
  ],
  [
    'Notification elicitation_url_dialog (the URL form of an MCP question)',
    {
      ...common,
      hook_event_name: 'Notification',
      notification_type: 'elicitation_url_dialog',
      message: 'Open',
    },
    'elicitation_dialog',
  ],
  [
    'Notification agent_needs_input (auto mode cannot check, seen with 2.1.330)',
    {
      ...common,
      hook_event_name: 'Notification',
      message: "Auto mode can't check actions in this session and needs your choice",
      notification_type: 'agent_needs_input',
    },
    'agent_needs_input',
  ],
  [
    'Notification type named like a prototype property',
    { ...common, hook_event_name: 'Notification', notification_type: 'constructor' },
    undefined,
  ],
  ['hook event named like a prototype property', { ...common, hook_event_name: 'toString' }, undefined],
  [
    'PermissionDenied (auto mode blocked a call)',
    {
      ...common,
      hook_event_name: 'PermissionDenied',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf /' },
      tool_use_id: 'toolu_1',
      reason: 'destructive',
    },
    'permission_denied',
  ],
  [
    'StopFailure (the turn ended on an API error)',
    { ...common, hook_event_name: 'StopFailure', error: 'server_error', error_details: '500' },
    'stop_failure',
  ],
  [
    'Notification whose type is one of our other event names',
    { ...common, hook_event_name: 'Notification', notification_type: 'stop', message: 'x' },
    undefined,
  ],
  [
    'Notification with an unknown wording',
    { ...common, hook_event_name: 'Notification', message: 'hello' },
    undefined,
  ],
  ['an unknown hook event', { ...common, hook_event_name: 'PostToolUse' }, undefined],
  ['a hook event named like an Object property', { ...common, hook_event_name: 'constructor' }, undefined],
  ['a hook event named toString', { ...common, hook_event_name: 'toString' }, undefined],
  ['no hook_event_name', { ...common }, undefined],
];

describe('eventFromInput', () => {
  it.each(PAYLOADS)('%s', (_name, input, expected) => {
    expect(eventFromInput(input)).toBe(expected);
  });
});

describe('projectOf', () => {
  it('is the last part of the working directory', () => {
    expect(projectOf({ cwd: '/home/me/work/ccbell' })).toBe('ccbell');
    expect(projectOf({ cwd: '/home/me/work/ccbell/' })).toBe('ccbell');
    expect(projectOf({ cwd: '/' })).toBe('/');
    expect(projectOf({})).toBeUndefined();
    expect(projectOf(undefined)).toBeUndefined();
  });
});
