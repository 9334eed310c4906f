import { describe, expect, it } from 'vitest';
import { hookDecisionOutput } from '../../src/protocol/index.js';

const parse = (text: string) => JSON.parse(text).hookSpecificOutput;

describe('hookDecisionOutput', () => {
  it('allows in Claude Code PermissionRequest format', () => {
    expect(
      parse(
        hookDecisionOutput(
          { outcome: 'decided', behavior: 'allow', request_id: 'a', answered_by: 'page' },
          'Bash',
        ),
      ),
    ).toEqual({
      hookEventName: 'PermissionRequest',
      decision: { behavior: 'allow' },
    });
  });

  it('carries an edited input and a session rule as updatedPermissions', () => {
    const output = parse(
      hookDecisionOutput(
        {
          outcome: 'decided',
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
          { outcome: 'decided', behavior: 'deny', message: 'not now', request_id: 'a', answered_by: 'cli' },
          'Bash',
        ),
      ).decision,
    ).toEqual({
      behavior: 'deny',
      message: 'not now',
    });
    expect(
      parse(
        hookDecisionOutput(
          { outcome: 'decided', behavior: 'deny', request_id: 'a', answered_by: 'timeout' },
          'Bash',
        ),
      ).decision.message,
    ).toBe('Denied in ccbell');
  });
});

describe('hook approval messages', () => {
  it('prints nothing for a request settled elsewhere (answered in Claude Code)', () => {
    expect(
      hookDecisionOutput({ outcome: 'settled', request_id: 'a', settled_by: 'claude-code' }, 'Bash'),
    ).toBe('');
  });

  it('reads a question and a reply with the same parser at both ends, naming what is malformed', async () => {
    const { parseHookApprovalReply, parseHookApprovalRequest } = await import('../../src/protocol/index.js');
    expect(
      parseHookApprovalRequest({
        kind: 'permission_request',
        tool_name: 'Bash',
        input: { command: 'ls' },
        session_id: 's',
        cwd: '/tmp/p',
        transcript_path: '/tmp/p/s.jsonl',
      }),
    ).toMatchObject({ tool_name: 'Bash', transcript_path: '/tmp/p/s.jsonl' });
    expect(() => parseHookApprovalRequest({ kind: 'permission_request', tool_name: 'Bash' })).toThrow(
      /^input:/,
    );
    expect(() => parseHookApprovalRequest({ kind: 'x' })).toThrow(/kind/);
    expect(() =>
      parseHookApprovalRequest({ kind: 'permission_request', tool_name: 'Bash', input: {}, cwd: 'a\nb' }),
    ).toThrow(/cwd: contains control characters/);
    expect(
      parseHookApprovalReply({ outcome: 'settled', request_id: 'a', settled_by: 'claude-code' }),
    ).toEqual({
      outcome: 'settled',
      request_id: 'a',
      settled_by: 'claude-code',
    });
    expect(() => parseHookApprovalReply({ behavior: 'allow', request_id: 'a', answered_by: 'x' })).toThrow(
      /outcome/,
    );
    expect(() => parseHookApprovalReply({ outcome: 'decided', behavior: 'maybe', request_id: 'a' })).toThrow(
      /behavior/,
    );
  });
});
