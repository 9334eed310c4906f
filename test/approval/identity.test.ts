import { describe, expect, it } from 'vitest';
import {
  channelsFor,
  childEnvironment,
  createRuntimeIdentity,
  isRuntimeId,
  RUNTIME_ID_ENV,
  RuntimeIdError,
  runtimeIdFromEnv,
} from '../../src/approval/index.js';
import { EnvironmentError } from '../../src/errors.js';

describe('createRuntimeIdentity', () => {
  it('is <pid>_<start ms>', () => {
    expect(createRuntimeIdentity(1763770000123, 12345)).toEqual({
      id: '12345_1763770000123',
      pid: 12345,
      startedAt: 1763770000123,
    });
  });

  it('defaults to this process and now', () => {
    const before = Date.now();
    const identity = createRuntimeIdentity();
    expect(identity.pid).toBe(process.pid);
    expect(identity.startedAt).toBeGreaterThanOrEqual(before);
    expect(identity.id).toBe(`${process.pid}_${identity.startedAt}`);
    expect(isRuntimeId(identity.id)).toBe(true);
  });

  it('differs between two apps of one pid started at different times', () => {
    expect(createRuntimeIdentity(1, 7).id).not.toBe(createRuntimeIdentity(2, 7).id);
  });
});

describe('channelsFor', () => {
  it('suffixes every channel with the id', () => {
    expect(channelsFor('12345_678901')).toEqual({
      request: 'ClaudeCodeUIApprovalRequest_12345_678901',
      response: 'ClaudeCodeUIApprovalResponse_12345_678901',
      events: 'ClaudeCodeUIEvent_12345_678901',
      control: 'ccbell.control_12345_678901',
    });
  });

  it.each([undefined, ''])('falls back to the legacy names for %j', (id) => {
    expect(channelsFor(id)).toEqual({
      request: 'ClaudeCodeUIApprovalRequest',
      response: 'ClaudeCodeUIApprovalResponse',
      events: 'ClaudeCodeUIEvent',
      control: 'ccbell.control',
    });
  });

  it.each(['abc', '12345', '1_2_3', '../1_2', '1_2 ', ' 1_2', '1_2\n', '-1_2', `${'9'.repeat(11)}_1`])(
    'refuses the malformed id %j',
    (id) => {
      expect(() => channelsFor(id)).toThrow(RuntimeIdError);
    },
  );
});

describe('runtimeIdFromEnv', () => {
  it('reads a well-formed id', () => {
    expect(runtimeIdFromEnv({ [RUNTIME_ID_ENV]: '12_34' })).toBe('12_34');
  });

  it('is undefined when unset or empty', () => {
    expect(runtimeIdFromEnv({})).toBeUndefined();
    expect(runtimeIdFromEnv({ [RUNTIME_ID_ENV]: '' })).toBeUndefined();
  });

  it('names the variable when the id is malformed', () => {
    let caught: unknown;
    try {
      runtimeIdFromEnv({ [RUNTIME_ID_ENV]: 'x/../y' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuntimeIdError);
    expect(caught).toBeInstanceOf(EnvironmentError);
    expect((caught as Error).message).toContain('CLAUDE_CODE_UI_INSTANCE_ID');
    expect((caught as Error).message).toContain('x/../y');
    expect((caught as RuntimeIdError).variable).toBe('CLAUDE_CODE_UI_INSTANCE_ID');
  });
});

describe('childEnvironment', () => {
  it('carries the id and the instance name', () => {
    expect(childEnvironment('12_34', 'work')).toEqual({
      CLAUDE_CODE_UI_INSTANCE_ID: '12_34',
      CCBELL_INSTANCE: 'work',
    });
  });

  it('refuses a malformed id', () => {
    expect(() => childEnvironment('nope', 'work')).toThrow(RuntimeIdError);
  });
});
