import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConfigProblem,
  defaultConfig,
  describeProblems,
  EVENT_NAMES,
  loadConfig,
  resolveEvent,
  soundSpecProblem,
  validateConfig,
} from '../../src/config/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-config-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function file(text: string): string {
  const path = join(dir, `config-${counter++}.json`);
  writeFileSync(path, text);
  return path;
}

const fields = (problems: ConfigProblem[]) => problems.map((p) => p.field);

describe('validateConfig: each rule', () => {
  it('accepts the default config with no problems', () => {
    expect(validateConfig(defaultConfig()).problems).toEqual([]);
  });

  it('refuses a file that is not an object', () => {
    for (const raw of [[], 'x', 3, null]) {
      const { config, problems } = validateConfig(raw);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.field).toBe('');
      expect(config).toEqual(defaultConfig());
    }
  });

  it('reports an unknown event and keeps the known ones', () => {
    const { config, problems } = validateConfig({ events: { nope: { volume: 0.2 }, stop: { volume: 0.2 } } });
    expect(fields(problems)).toEqual(['events.nope']);
    expect(problems[0]!.problem).toMatch(/unknown event/);
    expect(config.events.stop?.volume).toBe(0.2);
  });

  it('reports an unknown event inside a profile', () => {
    const { problems } = validateConfig({ profiles: { work: { events: { bell: {} } } } });
    expect(fields(problems)).toEqual(['profiles.work.events.bell']);
  });

  it.each([-0.01, 1.01, '0.5', null, Number.NaN])('refuses volume %s', (volume) => {
    const { config, problems } = validateConfig({ events: { stop: { volume } } });
    expect(fields(problems)).toEqual(['events.stop.volume']);
    expect(config.events.stop?.volume).toBe(0.5);
  });

  it.each([0, 1, 0.35])('accepts volume %s', (volume) => {
    const { config, problems } = validateConfig({ events: { stop: { volume } } });
    expect(problems).toEqual([]);
    expect(config.events.stop?.volume).toBe(volume);
  });

  it.each([-1, 1.5, '5'])('refuses cooldown %s', (cooldown) => {
    expect(fields(validateConfig({ events: { stop: { cooldown } } }).problems)).toEqual([
      'events.stop.cooldown',
    ]);
  });

  it.each(['enabled', 'desktop'])('refuses a non-boolean %s', (key) => {
    expect(fields(validateConfig({ events: { stop: { [key]: 'yes' } } }).problems)).toEqual([
      `events.stop.${key}`,
    ]);
  });

  it.each(['24:00', '7:00', '07:60', '0700', ' 07:00', 7])('refuses quiet hour %s', (start) => {
    const { config, problems } = validateConfig({ quietHours: { start, end: '07:00' } });
    expect(fields(problems)).toEqual(['quietHours.start']);
    expect(problems[0]!.problem).toMatch(/HH:MM/);
    expect(config.quietHours).toBeUndefined();
  });

  it('refuses quiet hours with a bad end or a missing key', () => {
    expect(fields(validateConfig({ quietHours: { start: '22:00', end: '25:00' } }).problems)).toEqual([
      'quietHours.end',
    ]);
    expect(fields(validateConfig({ quietHours: { start: '22:00' } }).problems)).toEqual(['quietHours.end']);
    expect(fields(validateConfig({ quietHours: '22:00-07:00' }).problems)).toEqual(['quietHours']);
  });

  it('accepts good quiet hours, and empty ones as none (as original ccbell)', () => {
    expect(validateConfig({ quietHours: { start: '22:00', end: '07:00' } }).config.quietHours).toEqual({
      start: '22:00',
      end: '07:00',
    });
    const empty = validateConfig({ quietHours: { start: '', end: '' } });
    expect(empty.problems).toEqual([]);
    expect(empty.config.quietHours).toBeUndefined();
  });

  it('refuses an activeProfile that is not defined, naming the known ones', () => {
    const { config, problems } = validateConfig({ activeProfile: 'night', profiles: { work: {} } });
    expect(fields(problems)).toEqual(['activeProfile']);
    expect(problems[0]!.problem).toContain('"night"');
    expect(problems[0]!.problem).toContain('default, work');
    expect(config.activeProfile).toBe('default');
  });

  it('accepts an activeProfile that is defined, and "default"', () => {
    expect(validateConfig({ activeProfile: 'work', profiles: { work: {} } }).config.activeProfile).toBe(
      'work',
    );
    expect(validateConfig({ activeProfile: 'default' }).problems).toEqual([]);
  });

  it('knows only profiles the file defines, whatever their names', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      const { config, problems } = validateConfig({ activeProfile: name });
      expect(fields(problems)).toEqual(['activeProfile']);
      expect(config.activeProfile).toBe('default');
    }
    // JSON.parse makes "__proto__" an own key: a profile of that name is a profile.
    const raw = JSON.parse(
      '{"activeProfile": "__proto__", "profiles": {"__proto__": {"events": {"stop": {"volume": 0.1}}}}}',
    );
    const { config, problems } = validateConfig(raw);
    expect(problems).toEqual([]);
    expect(Object.keys(config.profiles)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(config.profiles)).toBe(Object.prototype);
    expect(resolveEvent(config, 'stop').volume).toBe(0.1);
    expect(resolveEvent({ ...config, activeProfile: 'constructor' }, 'stop').volume).toBe(0.5);
  });

  it('reports unknown keys at every level', () => {
    const { problems } = validateConfig({
      colour: 'red',
      events: { stop: { volme: 0.3 } },
      quietHours: { start: '22:00', end: '07:00', tz: 'UTC' },
      profiles: { work: { events: {}, extra: 1 } },
      approvals: { allow: [], ask: [] },
    });
    expect(fields(problems).sort()).toEqual(
      ['colour', 'events.stop.volme', 'quietHours.tz', 'profiles.work.extra', 'approvals.ask'].sort(),
    );
    for (const problem of problems) expect(problem.problem).toBe('is not a known setting');
  });

  it.each([
    ['sounds/stop.wav', /absolute/],
    ['custom:sounds/stop.wav', /absolute/],
    ['./stop.wav', /absolute/],
    ['/home/me/../../etc/passwd', /\.\./],
    ['custom:/home/me/../x.wav', /\.\./],
    ['bundled:../stop', /bundled/],
    ['bundled:Stop', /bundled/],
    ['bundled:', /bundled/],
  ])('refuses sound spec %s', (sound, message) => {
    expect(soundSpecProblem(sound)).toMatch(message);
    const { config, problems } = validateConfig({ events: { stop: { sound, volume: 0.9 } } });
    expect(fields(problems)).toEqual(['events.stop.sound']);
    expect(config.events.stop?.sound).toBe('bundled:stop');
    expect(config.events.stop?.volume).toBe(0.9);
  });

  it.each(['bundled:stop', 'custom:/home/me/ding.wav', '/home/me/ding.wav', '/home/me/a..b.wav'])(
    'accepts sound spec %s',
    (sound) => {
      expect(soundSpecProblem(sound)).toBeUndefined();
      expect(validateConfig({ events: { stop: { sound } } }).config.events.stop?.sound).toBe(sound);
    },
  );

  it('refuses a sound that is not a string, and reads "" as the default (as original ccbell)', () => {
    expect(fields(validateConfig({ events: { stop: { sound: 3 } } }).problems)).toEqual([
      'events.stop.sound',
    ]);
    const empty = validateConfig({ events: { stop: { sound: '' } } });
    expect(empty.problems).toEqual([]);
    expect(resolveEvent(empty.config, 'stop').sound).toBe('bundled:stop');
  });

  it('checks the remaining top-level settings', () => {
    const { config, problems } = validateConfig({
      enabled: 'no',
      debug: 1,
      player: 'vlc',
      cooldownScope: 'project',
      approvals: { allow: 'Bash', deny: [1] },
      approvalTimeoutSeconds: 0,
      events: [],
      profiles: 'x',
    });
    expect(fields(problems).sort()).toEqual(
      [
        'enabled',
        'debug',
        'player',
        'cooldownScope',
        'approvals.allow',
        'approvals.deny[0]',
        'approvalTimeoutSeconds',
        'events',
        'profiles',
      ].sort(),
    );
    expect(config).toEqual(defaultConfig());
  });

  it('accepts good values of the remaining settings', () => {
    const { config, problems } = validateConfig({
      enabled: false,
      debug: true,
      player: '/usr/local/bin/myplayer',
      cooldownScope: 'session',
      approvals: { allow: ['Read'], deny: ['Bash(rm:*)'] },
      approvalTimeoutSeconds: 30,
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      enabled: false,
      debug: true,
      player: '/usr/local/bin/myplayer',
      cooldownScope: 'session',
      approvals: { allow: ['Read'], deny: ['Bash(rm:*)'] },
      approvalTimeoutSeconds: 30,
    });
    expect(validateConfig({ player: 'paplay' }).config.player).toBe('paplay');
  });
});

describe('validateConfig: approval rules', () => {
  // Config sits below src/rules, so the rule parser is handed in; here a stand-in that refuses "bad".
  const checkRule = (rule: string) => (rule.startsWith('bad') ? `${JSON.stringify(rule)} is bad` : undefined);

  it('reports each rule that is not a string at its index and keeps the others', () => {
    const { config, problems } = validateConfig({ approvals: { allow: ['Read', 5, null, 'Bash(ls)'] } });
    expect(problems).toEqual([
      { field: 'approvals.allow[1]', problem: 'must be a string (got 5)' },
      { field: 'approvals.allow[2]', problem: 'must be a string (got null)' },
    ]);
    expect(config.approvals.allow).toEqual(['Read', 'Bash(ls)']);
  });

  it('asks checkRule about each string rule, reports the broken ones and skips them', () => {
    const raw = { approvals: { allow: ['Read', 'bad1', 7], deny: ['bad2', 'Bash(rm:*)'] } };
    const { config, problems } = validateConfig(raw, { checkRule });
    expect(problems).toEqual([
      { field: 'approvals.allow[1]', problem: '"bad1" is bad' },
      { field: 'approvals.allow[2]', problem: 'must be a string (got 7)' },
      { field: 'approvals.deny[0]', problem: '"bad2" is bad' },
    ]);
    expect(config.approvals).toEqual({ allow: ['Read'], deny: ['Bash(rm:*)'] });
    // Without checkRule (the hook path) string rules are kept as they are.
    expect(validateConfig(raw).config.approvals.deny).toEqual(['bad2', 'Bash(rm:*)']);
  });

  it('passes checkRule through loadConfig, and describeProblems says the rule is skipped', () => {
    const path = file('{"approvals": {"allow": ["bad("]}}');
    const loaded = loadConfig(path, { checkRule });
    expect(loaded.problems).toEqual([{ field: 'approvals.allow[0]', problem: '"bad(" is bad' }]);
    expect(describeProblems(loaded)).toBe(`config ${path}: approvals.allow[0] "bad(" is bad; skipping it`);
  });
});

describe('validateConfig: field-level fallback', () => {
  it('keeps every good field when some are bad', () => {
    const { config, problems } = validateConfig({
      debug: true,
      quietHours: { start: '22:00', end: '07:00' },
      events: {
        stop: { sound: 'relative.wav', volume: 0.2, cooldown: 30 },
        subagent: { volume: 7, enabled: false },
      },
      player: 'nope',
    });
    expect(fields(problems).sort()).toEqual(['events.stop.sound', 'events.subagent.volume', 'player']);
    expect(config.debug).toBe(true);
    expect(config.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(resolveEvent(config, 'stop')).toMatchObject({ sound: 'bundled:stop', volume: 0.2, cooldown: 30 });
    expect(resolveEvent(config, 'subagent')).toMatchObject({ enabled: false, volume: 0.5 });
    expect(config.player).toBe('auto');
  });

  it('keeps defaults for the fields of an event a file leaves out', () => {
    const { config } = validateConfig({ events: { permission_prompt: { volume: 0.1 } } });
    expect(config.events.permission_prompt).toEqual({
      enabled: true,
      sound: 'bundled:permission_prompt',
      volume: 0.1,
      cooldown: 0,
    });
    expect(config.events.stop).toEqual(defaultConfig().events.stop);
  });
});

describe('loadConfig', () => {
  it('gives defaults and no problem for a missing file', () => {
    const loaded = loadConfig(join(dir, 'missing.json'));
    expect(loaded).toMatchObject({ exists: false, problems: [] });
    expect(loaded.config).toEqual(defaultConfig());
    expect(describeProblems(loaded)).toBeUndefined();
  });

  it('reports bad JSON against the whole file and uses defaults', () => {
    const path = file('{"enabled": false,');
    const loaded = loadConfig(path);
    expect(loaded.exists).toBe(true);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.problem).toMatch(/not valid JSON/);
    expect(loaded.config).toEqual(defaultConfig());
  });

  // root reads any file, so this cannot be shown as root.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', () => {
    const path = file('{}');
    chmodSync(path, 0);
    expect(loadConfig(path).problems[0]!.problem).toMatch(/cannot be read/);
  });

  it('reports a FIFO like a broken file, at once, and leaves it a FIFO', () => {
    const path = mkfifo(join(dir, `config-${counter++}.json`));
    const before = snapshot(dir);
    const started = Date.now();
    const loaded = loadConfig(path);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(loaded).toMatchObject({
      exists: true,
      problems: [{ field: '', problem: 'is a FIFO, not a regular file' }],
    });
    expect(loaded.config).toEqual(defaultConfig());
    expect(describeProblems(loaded)).toBe(
      `config ${path} is a FIFO, not a regular file; using defaults for it`,
    );
    expect(changedSince(before, dir)).toEqual([]);
  });

  it('reads a symlinked config (dotfiles), and refuses a link to a device', () => {
    const link = join(dir, `config-${counter++}.json`);
    symlinkSync(file('{"enabled": false}'), link);
    expect(loadConfig(link).config.enabled).toBe(false);
    const zero = join(dir, `config-${counter++}.json`);
    symlinkSync('/dev/zero', zero);
    expect(loadConfig(zero).problems).toEqual([
      { field: '', problem: 'is a character device, not a regular file' },
    ]);
  });

  it('refuses a config past 1 MB unread', () => {
    const path = file(`{"enabled": true${' '.repeat(1024 * 1024)}}`);
    expect(loadConfig(path).problems[0]!.problem).toMatch(/more than ccbell reads/);
  });

  it('never writes the file', () => {
    const text = '{"events": {"stop": {"volume": 9}}}';
    const path = file(text);
    loadConfig(path);
    expect(loadConfig(path).problems).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('original ccbell config files', () => {
  // What original ccbell's EnsureConfig writes (Go's json.MarshalIndent of config.Default()).
  const ORIGINAL_DEFAULT = `{
  "enabled": true,
  "debug": false,
  "activeProfile": "default",
  "events": {
    "idle_prompt": {
      "enabled": true,
      "sound": "bundled:idle_prompt",
      "volume": 0.5,
      "cooldown": 0
    },
    "permission_prompt": {
      "enabled": true,
      "sound": "bundled:permission_prompt",
      "volume": 0.7,
      "cooldown": 0
    },
    "stop": {
      "enabled": true,
      "sound": "bundled:stop",
      "volume": 0.5,
      "cooldown": 0
    },
    "subagent": {
      "enabled": true,
      "sound": "bundled:subagent",
      "volume": 0.5,
      "cooldown": 0
    }
  }
}`;

  it('loads the file original ccbell writes, with no problems', () => {
    const loaded = loadConfig(file(ORIGINAL_DEFAULT));
    expect(loaded.problems).toEqual([]);
    for (const event of EVENT_NAMES)
      expect(resolveEvent(loaded.config, event)).toEqual(resolveEvent(defaultConfig(), event));
  });

  it('loads a customised original file: profiles, quiet hours, packs, custom sounds', () => {
    const loaded = loadConfig(
      file(
        JSON.stringify({
          enabled: true,
          debug: true,
          activeProfile: 'work',
          activePack: 'retro',
          packs: { retro: { installedAt: '2025-01-01T00:00:00Z', version: '1.0.0' } },
          quietHours: { start: '22:00', end: '07:00' },
          events: {
            stop: { sound: 'custom:/home/me/done.aiff', volume: 0.7, cooldown: 5 },
            idle_prompt: { enabled: false },
          },
          profiles: {
            work: { events: { stop: { volume: 0.3 } } },
            silent: { events: { stop: { enabled: false }, subagent: { enabled: false } } },
          },
        }),
      ),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.debug).toBe(true);
    expect(resolveEvent(loaded.config, 'stop')).toMatchObject({
      sound: 'custom:/home/me/done.aiff',
      volume: 0.3,
      cooldown: 5,
    });
    expect(resolveEvent(loaded.config, 'idle_prompt').enabled).toBe(false);
  });
});

describe('describeProblems', () => {
  it('is one line naming the file and the field', () => {
    const path = file('{"events": {"stop": {"volume": 2}}}');
    const line = describeProblems(loadConfig(path))!;
    expect(line).not.toContain('\n');
    expect(line).toContain(`${path}: events.stop.volume`);
    expect(line).toMatch(/0 to 1/);
    expect(line).toMatch(/using defaults/);
  });

  it('counts further problems and points at doctor', () => {
    const line = describeProblems(loadConfig(file('{"a": 1, "b": 2, "events": {"stop": {"volume": 2}}}')))!;
    expect(line).not.toContain('\n');
    expect(line).toMatch(/\(and 2 more; run "ccbell doctor"\)/);
  });

  it('names just the file for bad JSON', () => {
    const path = file('nope');
    const line = describeProblems(loadConfig(path))!;
    expect(line).toContain(path);
    expect(line).toMatch(/not valid JSON/);
    expect(line).not.toContain('\n');
  });
});
