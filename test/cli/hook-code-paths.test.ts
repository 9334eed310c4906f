// The words a hook run gives the code cache: one per code path that only some runs reach.
import { describe, expect, it } from 'vitest';
import { type HookRun, hookCodePaths } from '../../src/cli/hook-code-paths.js';
import { EVENT_DEFAULTS } from '../../src/config/index.js';
import type { Outcome } from '../../src/events/index.js';

const plainRun: HookRun = {
  event: 'stop',
  readInput: false,
  placed: false,
  toldApp: false,
  focus: false,
  paneCheck: false,
};
const played: Outcome = {
  notified: true,
  settings: EVENT_DEFAULTS.stop,
  sound: { file: '/s/stop.wav', player: { command: 'pw-play', args: [] } as never, volume: 0.5 },
};

describe('hookCodePaths', () => {
  it('names the event and the sound of a plain run, and nothing else', () => {
    expect(hookCodePaths(plainRun, played)).toEqual(['event:stop', 'sound']);
  });

  it('names each path only some runs reach', () => {
    const run: HookRun = {
      event: 'permission_request',
      readInput: true,
      placed: true,
      toldApp: true,
      focus: true,
      paneCheck: true,
    };
    const outcome: Outcome = {
      notified: true,
      settings: { ...EVENT_DEFAULTS.permission_request, cooldown: 30 },
      noPlayer: 'no player found',
      desktop: 'shown',
      terminal: { sequence: '\u0007' } as never,
      channels: {
        message: {} as never,
        remote: ['phone'],
        local: [
          { name: 'say', settings: { type: 'speech' } },
          { name: 'bell', settings: { type: 'terminal', kind: 'bell' } },
        ],
      },
    };
    expect(hookCodePaths(run, outcome)).toEqual([
      'event:permission_request',
      'input',
      'project',
      'app',
      'focus',
      'pane-check',
      'cooldown',
      'no-player',
      'desktop',
      'terminal',
      'webhook',
      'channel:speech',
      'channel:terminal',
    ]);
  });

  it('names why a run stayed quiet, so a suppressed run is covered too', () => {
    expect(hookCodePaths(plainRun, { notified: false, reason: 'cooldown' })).toEqual([
      'event:stop',
      'quiet:cooldown',
    ]);
    expect(
      hookCodePaths(
        { ...plainRun, event: 'permission_prompt' },
        { notified: false, reason: 'same-dialog', terminal: { sequence: '\u0007' } as never },
      ),
    ).toEqual(['event:permission_prompt', 'quiet:same-dialog', 'terminal']);
  });
});
