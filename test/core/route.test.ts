import { describe, expect, it } from 'vitest';
import { routeHookInput } from '../../src/core/index.js';

// Inputs as Claude Code 2.1.330 sends them (see claude-code-facts.md), reduced.
const base = { session_id: 's1', cwd: '/work/api', transcript_path: '/h/.claude/projects/x/s1.jsonl' };
const bash = { tool_name: 'Bash', tool_input: { command: 'touch x', description: 'd' } };

describe('routeHookInput', () => {
  it('reads a PermissionRequest as a question with its event', () => {
    expect(
      routeHookInput({
        ...base,
        hook_event_name: 'PermissionRequest',
        ...bash,
        permission_suggestions: [{}],
      }),
    ).toEqual({
      event: 'permission_request',
      ask: {
        toolName: 'Bash',
        input: bash.tool_input,
        sessionId: 's1',
        cwd: '/work/api',
        transcriptPath: base.transcript_path,
        permissionSuggestions: [{}],
      },
    });
  });

  it('asks nothing for a PermissionRequest without a tool or an object input', () => {
    expect(
      routeHookInput({ ...base, hook_event_name: 'PermissionRequest', tool_name: 'Bash' }).ask,
    ).toBeUndefined();
    expect(
      routeHookInput({ ...base, hook_event_name: 'PermissionRequest', tool_name: 'Bash', tool_input: ['x'] })
        .ask,
    ).toBeUndefined();
  });

  it('settles one call when it ran, failed or was refused, and notifies a refusal', () => {
    expect(routeHookInput({ ...base, hook_event_name: 'PostToolUse', ...bash, tool_use_id: 't' })).toEqual({
      settles: { sessionId: 's1', call: { toolName: 'Bash', input: bash.tool_input } },
    });
    expect(
      routeHookInput({ ...base, hook_event_name: 'PostToolUseFailure', ...bash }).settles?.call,
    ).toBeDefined();
    expect(
      routeHookInput({ ...base, hook_event_name: 'PermissionDenied', ...bash, reason: 'r' }),
    ).toMatchObject({
      event: 'permission_denied',
      settles: { sessionId: 's1', call: { toolName: 'Bash' } },
    });
  });

  it('settles all the session waited on when it moved on: a prompt, the end of a turn or session', () => {
    for (const hook of ['UserPromptSubmit', 'Stop', 'StopFailure', 'SessionEnd']) {
      expect(routeHookInput({ ...base, hook_event_name: hook }).settles, hook).toEqual({ sessionId: 's1' });
    }
    expect(routeHookInput({ ...base, hook_event_name: 'Stop' }).event).toBe('stop');
    expect(routeHookInput({ ...base, hook_event_name: 'UserPromptSubmit' }).event).toBeUndefined();
  });

  it('means nothing for events ccbell has no use for, or without a session to settle', () => {
    expect(routeHookInput({ ...base, hook_event_name: 'PreToolUse', ...bash })).toEqual({});
    expect(routeHookInput({ hook_event_name: 'Stop' })).toEqual({ event: 'stop' });
    expect(routeHookInput({})).toEqual({});
  });
});
