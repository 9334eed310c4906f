import { describe, expect, it } from 'vitest';
import { hookDecisionOutput } from '../../src/app/protocol.js';

const parse = (text: string) => JSON.parse(text).hookSpecificOutput;

describe('hookDecisionOutput', () => {
  it('allows in Claude Code PermissionRequest format', () => {
    expect(
      parse(hookDecisionOutput({ behavior: 'allow', request_id: 'a', answered_by: 'page' }, 'Bash')),
    ).toEqual({
      hookEventName: 'PermissionRequest',
      decision: { behavior: 'allow' },
    });
  });

  it('carries an edited input and a session rule as updatedPermissions', () => {
    const output = parse(
      hookDecisionOutput(
        {
          behavior: 'allow',
          request_id: 'a',
          answered_by: 'page',
          updated_input: { command: 'ls -la', nested: [{ a: 1 }] },
          session_rule: 'Bash(git status)',
        },
        'Bash',
      ),
    );
    expect(output.decision.updatedInput).toEqual({ command: 'ls -la', nested: [{ a: 1 }] });
    expect(output.decision.updatedPermissions).toEqual([
      {
        type: 'addRules',
        rules: [{ toolName: 'Bash', ruleContent: 'git status' }],
        behavior: 'allow',
        destination: 'session',
      },
    ]);
  });

  it('denies with a message, defaulting when none was given', () => {
    expect(
      parse(
        hookDecisionOutput(
          { behavior: 'deny', message: 'not now', request_id: 'a', answered_by: 'cli' },
          'Bash',
        ),
      ).decision,
    ).toEqual({
      behavior: 'deny',
      message: 'not now',
    });
    expect(
      parse(hookDecisionOutput({ behavior: 'deny', request_id: 'a', answered_by: 'timeout' }, 'Bash'))
        .decision.message,
    ).toBe('Denied in ccbell');
  });
});
