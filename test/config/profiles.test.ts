import { describe, expect, it } from 'vitest';
import { defaultConfig, EVENT_DEFAULTS, resolveEvent, validateConfig } from '../../src/config/index.js';

function config(raw: unknown) {
  const { config, problems } = validateConfig(raw);
  expect(problems).toEqual([]);
  return config;
}

describe('resolveEvent: merge order defaults → events → active profile', () => {
  const raw = {
    activeProfile: 'work',
    events: { stop: { sound: 'bundled:subagent', volume: 0.5, cooldown: 5 } },
    profiles: {
      work: { events: { stop: { volume: 0.3 }, subagent: { desktop: true } } },
      silent: { events: { stop: { enabled: false } } },
    },
  };

  it('lets the profile override only what it sets', () => {
    expect(resolveEvent(config(raw), 'stop')).toEqual({
      enabled: true,
      sound: 'bundled:subagent',
      volume: 0.3,
      cooldown: 5,
      desktop: false,
    });
  });

  it('falls through to the defaults for fields nobody sets', () => {
    expect(resolveEvent(config(raw), 'subagent')).toEqual({ ...EVENT_DEFAULTS.subagent, desktop: true });
    expect(resolveEvent(config(raw), 'permission_prompt')).toEqual(EVENT_DEFAULTS.permission_prompt);
  });

  it('ignores every profile while "default" is active', () => {
    expect(resolveEvent(config({ ...raw, activeProfile: 'default' }), 'stop')).toMatchObject({
      sound: 'bundled:subagent',
      volume: 0.5,
    });
  });

  it('uses only the active profile', () => {
    const silent = config({ ...raw, activeProfile: 'silent' });
    expect(resolveEvent(silent, 'stop')).toMatchObject({ enabled: false, volume: 0.5 });
    expect(resolveEvent(silent, 'subagent').desktop).toBe(false);
  });

  it('can turn on an event that is off by default', () => {
    const on = config({
      profiles: { loud: { events: { session_start: { enabled: true } } } },
      activeProfile: 'loud',
    });
    expect(resolveEvent(defaultConfig(), 'session_start').enabled).toBe(false);
    expect(resolveEvent(on, 'session_start').enabled).toBe(true);
  });

  it('keeps a volume of 0 and a cooldown of 0 set by a profile (not treated as unset)', () => {
    const quiet = config({
      events: { stop: { cooldown: 9 } },
      profiles: { mute: { events: { stop: { volume: 0, cooldown: 0 } } } },
      activeProfile: 'mute',
    });
    expect(resolveEvent(quiet, 'stop')).toMatchObject({ volume: 0, cooldown: 0 });
  });

  it('does not change the config it reads', () => {
    const c = config(raw);
    const before = JSON.stringify(c);
    resolveEvent(c, 'stop');
    expect(JSON.stringify(c)).toBe(before);
    expect(resolveEvent(defaultConfig(), 'stop')).toEqual(EVENT_DEFAULTS.stop);
  });
});
