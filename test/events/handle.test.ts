import { describe, expect, it } from 'vitest';
import { defaultConfig, EVENT_DEFAULTS, validateConfig } from '../../src/config/index.js';
import { decide, describeEvent } from '../../src/events/index.js';

const at = (h: number, m: number) => new Date(2026, 0, 15, h, m);

describe('decide', () => {
  it('goes with the resolved settings', () => {
    expect(decide(defaultConfig(), 'stop', at(12, 0))).toEqual({ go: true, settings: EVENT_DEFAULTS.stop });
  });

  it('is silent when ccbell is disabled', () => {
    expect(decide({ ...defaultConfig(), enabled: false }, 'stop', at(12, 0))).toEqual({
      go: false,
      reason: 'disabled',
    });
  });

  it('is silent for a disabled event, also through a profile', () => {
    expect(decide(defaultConfig(), 'session_start', at(12, 0))).toEqual({
      go: false,
      reason: 'event-disabled',
    });
    const { config } = validateConfig({
      activeProfile: 'quiet',
      profiles: { quiet: { events: { stop: { enabled: false } } } },
    });
    expect(decide(config, 'stop', at(12, 0))).toEqual({ go: false, reason: 'event-disabled' });
  });

  it('is silent in quiet hours across midnight and not outside them', () => {
    const config = { ...defaultConfig(), quietHours: { start: '22:00', end: '07:00' } };
    expect(decide(config, 'stop', at(23, 30))).toEqual({ go: false, reason: 'quiet-hours' });
    expect(decide(config, 'stop', at(3, 0))).toEqual({ go: false, reason: 'quiet-hours' });
    expect(decide(config, 'stop', at(7, 0)).go).toBe(true);
    expect(decide(config, 'stop', at(21, 59)).go).toBe(true);
  });
});

describe('describeEvent', () => {
  it('names the project, the instance and the session', () => {
    const { title, body } = describeEvent('permission_request', 'work', {
      cwd: '/home/me/api',
      session_id: 'abcdef123456',
      tool_name: 'Bash',
    });
    expect(title).toBe('ccbell work: api · abcdef12');
    expect(body).toBe('Claude asks permission to use Bash');
    expect(describeEvent('stop', 'default', undefined)).toEqual({
      title: 'ccbell default: Claude Code',
      body: 'Claude finished and waits for you',
    });
    expect(describeEvent('idle_prompt', 'w', { message: ' Claude is waiting ' }).body).toBe(
      'Claude is waiting',
    );
  });
});

describe('eventNeedsInput', () => {
  const noon = new Date(2026, 0, 1, 12, 0);
  it('is false for a plain sound, true for a desktop notification or a per-session cooldown', async () => {
    const { validateConfig } = await import('../../src/config/index.js');
    const { eventNeedsInput } = await import('../../src/events/index.js');
    const plain = validateConfig({}).config;
    expect(eventNeedsInput(plain, 'stop', noon)).toBe(false);
    expect(eventNeedsInput(plain, 'permission_request', noon)).toBe(true);
    const session = validateConfig({ cooldownScope: 'session', events: { stop: { cooldown: 5 } } }).config;
    expect(eventNeedsInput(session, 'stop', noon)).toBe(true);
    const disabled = validateConfig({ enabled: false }).config;
    expect(eventNeedsInput(disabled, 'permission_request', noon)).toBe(false);
  });
});
