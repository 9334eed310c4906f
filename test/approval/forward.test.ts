import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forwardEventToApp } from '../../src/approval/forward.js';
import { channelsFor, RuntimeIdError } from '../../src/approval/index.js';
import { type Observer, observe } from '../../src/bus/index.js';

const ID = '77_1763770000000';
let dir: string;
let observers: Observer[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-fw-'));
  observers = [];
});
afterEach(async () => {
  await Promise.all(observers.map((observer) => observer.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('forwardEventToApp', () => {
  it('posts the event, whole, to the event channel of the id in the env', async () => {
    const got: unknown[] = [];
    const other: unknown[] = [];
    observers.push(await observe(channelsFor(ID).events, (payload) => void got.push(payload), { dir }));
    observers.push(await observe(channelsFor('78_1').events, (payload) => void other.push(payload), { dir }));
    const input = { session_id: 's', hook_event_name: 'Stop', nested: [{ a: 'ü' }] };
    const result = await forwardEventToApp({
      event: 'stop',
      input,
      instance: 'work',
      env: { CCBELL_BUS_DIR: dir, CLAUDE_CODE_UI_INSTANCE_ID: ID },
    });
    expect(result).toEqual({ delivered: 1, channel: `ClaudeCodeUIEvent_${ID}` });
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({ event: 'stop', instance: 'work', input });
    expect(typeof (got[0] as { sent_at: unknown }).sent_at).toBe('number');
    expect(other).toEqual([]);
  });

  it('does nothing without an id, and reports no listener as 0', async () => {
    const env = { CCBELL_BUS_DIR: dir };
    expect(await forwardEventToApp({ event: 'stop', input: undefined, instance: 'x', env })).toEqual({
      delivered: 0,
      channel: undefined,
    });
    expect(
      await forwardEventToApp({
        event: 'stop',
        input: undefined,
        instance: 'x',
        env: { ...env, CLAUDE_CODE_UI_INSTANCE_ID: ID },
      }),
    ).toEqual({ delivered: 0, channel: `ClaudeCodeUIEvent_${ID}` });
  });

  it('throws, naming the variable, for a malformed id', async () => {
    await expect(
      forwardEventToApp({
        event: 'stop',
        input: {},
        instance: 'x',
        env: { CCBELL_BUS_DIR: dir, CLAUDE_CODE_UI_INSTANCE_ID: 'bad' },
      }),
    ).rejects.toThrow(RuntimeIdError);
  });
});
