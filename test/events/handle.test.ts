import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, EVENT_DEFAULTS, loadConfig, validateConfig } from '../../src/config/index.js';
import {
  cooldownMemorySeconds,
  decide,
  describeEvent,
  type HookInput,
  handleEvent,
} from '../../src/events/index.js';
import type { InstanceConfig } from '../../src/instance/index.js';
import type { Logger } from '../../src/log/index.js';

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

  it('keeps subagents quiet by default, but never a need of theirs', () => {
    const config = defaultConfig();
    const fromAgent = { agent_id: 'a1', agent_type: 'general-purpose' };
    expect(decide(config, 'subagent', at(12, 0), fromAgent)).toEqual({ go: false, reason: 'subagent' });
    expect(decide(config, 'subagent', at(12, 0))).toEqual({ go: false, reason: 'subagent' });
    expect(decide(config, 'stop', at(12, 0), fromAgent)).toEqual({ go: false, reason: 'subagent' });
    expect(decide(config, 'permission_request', at(12, 0), fromAgent).go).toBe(true);
    expect(decide(config, 'elicitation_dialog', at(12, 0), fromAgent).go).toBe(true);
    expect(decide({ ...config, subagents: true }, 'subagent', at(12, 0), fromAgent).go).toBe(true);
  });

  it('skips an idle prompt when the Stop before it surely sounded, unless idleAfterStop', () => {
    const config = defaultConfig();
    expect(decide(config, 'idle_prompt', at(12, 0))).toEqual({ go: false, reason: 'after-stop' });
    expect(decide({ ...config, idleAfterStop: true }, 'idle_prompt', at(12, 0)).go).toBe(true);
    // The Stop was silent (off, or with a cooldown that may have held it): the idle prompt is the alert.
    const stopOff = validateConfig({ events: { stop: { enabled: false } } }).config;
    expect(decide(stopOff, 'idle_prompt', at(12, 0)).go).toBe(true);
    const stopCooling = validateConfig({ events: { stop: { cooldown: 30 } } }).config;
    expect(decide(stopCooling, 'idle_prompt', at(12, 0)).go).toBe(true);
  });

  it('has quiet defaults for the newer events: auth_success off, the needs on', () => {
    const config = defaultConfig();
    expect(decide(config, 'auth_success', at(12, 0))).toEqual({ go: false, reason: 'event-disabled' });
    for (const event of [
      'permission_denied',
      'stop_failure',
      'elicitation_dialog',
      'agent_needs_input',
    ] as const) {
      expect(decide(config, event, at(12, 0)).go, event).toBe(true);
      expect(EVENT_DEFAULTS[event].desktop, event).toBe(true);
    }
    expect(EVENT_DEFAULTS.stop_failure.sound).toBe('bundled:stop_failure');
  });
});

describe('describeEvent', () => {
  it('names the instance, the project and branch, the session, and the tool with its command', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ccbell-describe-'));
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/feature/x\n');
    mkdirSync(join(repo, 'api'));
    const command = `npm run deploy -- ${'x'.repeat(200)}`;
    const { title, body } = describeEvent('permission_request', 'work', {
      cwd: join(repo, 'api'),
      session_id: 'abcdef123456',
      tool_name: 'Bash',
      tool_input: { command },
    });
    expect(title).toBe('ccbell work: api (feature/x) · abcdef12');
    expect(body).toBe(`Allow Bash: ${command.slice(0, 79)}…`);
    expect(describeEvent('permission_request', 'work', { cwd: '/nowhere/api', tool_name: 'Bash' })).toEqual({
      title: 'ccbell work: api',
      body: 'Allow Bash',
    });
    expect(
      describeEvent('permission_denied', 'w', {
        tool_name: 'Bash',
        tool_input: { command: 'rm -rf /' },
        reason: 'destructive',
      }).body,
    ).toBe('Auto mode blocked Bash: rm -rf / (destructive)');
    expect(describeEvent('stop_failure', 'w', { error: 'rate_limit' }).body).toBe(
      'The turn ended on an error: rate_limit',
    );
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

describe('cooldownMemorySeconds', () => {
  it('is a day, or the longest cooldown of any event when that is longer', () => {
    expect(cooldownMemorySeconds(defaultConfig())).toBe(86_400);
    const { config } = validateConfig({ events: { subagent: { cooldown: 200_000 }, stop: { cooldown: 5 } } });
    expect(cooldownMemorySeconds(config)).toBe(200_000);
  });
});

describe('handleEvent with the cooldown state locked', () => {
  let dir: string;
  let instance: InstanceConfig;
  let playLog: string;
  let env: NodeJS.ProcessEnv;
  const warnings: string[] = [];
  const logger: Logger = {
    path: '/dev/null',
    debugEnabled: false,
    debug: () => {},
    info: () => {},
    warn: (message) => warnings.push(message),
  };
  const sounds = fileURLToPath(new URL('../../sounds/', import.meta.url));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccbell-handle-'));
    mkdirSync(join(dir, 'bin'));
    playLog = join(dir, 'plays.log');
    const player = join(dir, 'bin', 'pw-play');
    writeFileSync(player, `#!/bin/sh\necho "$@" >> '${playLog}'\n`);
    chmodSync(player, 0o755);
    env = { PATH: join(dir, 'bin') };
    const file = (name: string) => join(dir, name);
    instance = {
      name: 'work',
      config_path: file('config.json'),
      state_path: file('ccbell.state'),
      cache_dir: file('cache'),
      log_path: file('ccbell.log'),
      pid_path: file('ccbell.pid'),
    };
    writeFileSync(
      instance.config_path,
      JSON.stringify({ cooldownScope: 'session', events: { stop: { cooldown: 60 } } }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('notifies without recording when the lock stays busy past stateLockWaitMs, and says so in the log', async () => {
    writeFileSync(instance.state_path, '{"lastTrigger": {}}\n');
    writeFileSync(`${instance.state_path}.lock`, String(process.pid)); // held by a live process
    const started = Date.now();
    const outcome = await handleEvent({
      event: 'stop',
      input: { session_id: 's1' },
      instance,
      loaded: loadConfig(instance.config_path),
      logger,
      env,
      bundledSoundsDir: sounds,
      platform: 'linux',
      stateLockWaitMs: 100,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toMatchObject({ notified: true, unrecorded: true, sound: { volume: 0.5 } });
    expect(readFileSync(instance.state_path, 'utf8')).toBe('{"lastTrigger": {}}\n');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^event=stop notifying without recording its cooldown \(key stop:s1\): .*ccbell\.state\.lock is held by another process/,
      ),
    ]);
    // The player was started (detached): wait for its line.
    const deadline = Date.now() + 5000;
    while (!existsSync(playLog) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(playLog, 'utf8')).toContain('stop.wav');
    rmSync(`${instance.state_path}.lock`);
  });
});

describe('handleEvent: the terminal output follows the notification`s verdict', () => {
  let dir: string;
  let n = 0;
  const logger: Logger = {
    path: '/dev/null',
    debugEnabled: false,
    debug: () => {},
    info: () => {},
    warn: () => {},
  };
  const sounds = fileURLToPath(new URL('../../sounds/', import.meta.url));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccbell-handle-terminal-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh instance with `raw` as its config; PATH has no player unless `withPlayer`. */
  function setup(raw: object, withPlayer = false) {
    const root = join(dir, String(++n));
    mkdirSync(join(root, 'bin'), { recursive: true });
    if (withPlayer) {
      writeFileSync(join(root, 'bin', 'pw-play'), '#!/bin/sh\nexit 0\n');
      chmodSync(join(root, 'bin', 'pw-play'), 0o755);
    }
    const instance: InstanceConfig = {
      name: 'work',
      config_path: join(root, 'config.json'),
      state_path: join(root, 'ccbell.state'),
      cache_dir: join(root, 'cache'),
      log_path: join(root, 'ccbell.log'),
      pid_path: join(root, 'ccbell.pid'),
    };
    writeFileSync(instance.config_path, JSON.stringify(raw));
    const run = (
      event: Parameters<typeof handleEvent>[0]['event'],
      input: HookInput,
      now = at(12, 0),
      extra: { noTerminalOutput?: boolean } = {},
    ) =>
      handleEvent({
        ...extra,
        event,
        input,
        instance,
        loaded: loadConfig(instance.config_path),
        logger,
        env: { PATH: join(root, 'bin') },
        bundledSoundsDir: sounds,
        platform: 'linux',
        now,
      });
    return run;
  }
  const stop = { hook_event_name: 'Stop', session_id: 's1', cwd: '/tmp/shop' };

  it('rings with the notification, and not inside its cooldown', async () => {
    const run = setup({ terminal: 'bell', events: { stop: { cooldown: 60 } } }, true);
    expect(await run('stop', stop)).toMatchObject({
      notified: true,
      terminal: { kind: 'bell', sequence: '\u0007' },
    });
    const second = await run('stop', stop, at(12, 0));
    expect(second).toEqual({ notified: false, reason: 'cooldown' });
  });

  it('stays silent in quiet hours, for a disabled event and for a subagent', async () => {
    const quiet = setup({ terminal: 'bell', quietHours: { start: '11:00', end: '13:00' } });
    expect(await quiet('stop', stop)).toEqual({ notified: false, reason: 'quiet-hours' });
    const off = setup({ terminal: 'bell', events: { stop: { enabled: false } } });
    expect(await off('stop', stop)).toEqual({ notified: false, reason: 'event-disabled' });
    const run = setup({ terminal: 'bell' });
    expect(await run('subagent', { ...stop, agent_id: 'a' })).toEqual({
      notified: false,
      reason: 'subagent',
    });
  });

  it('stands in for a missing player with a bell, only when the event would have sounded', async () => {
    const run = setup({ events: { session_end: { enabled: true, volume: 0 } } });
    expect(await run('stop', stop)).toMatchObject({
      noPlayer: expect.any(String),
      terminal: { kind: 'bell' },
    });
    const silent = await run('session_end', stop);
    expect(silent.notified && silent.terminal).toBeUndefined();
    const withPlayer = setup({}, true);
    const played = await withPlayer('stop', stop);
    expect(played.notified && played.terminal).toBeUndefined();
  });

  it('rings once for a permission dialog: the request, not the permission_prompt that follows', async () => {
    const run = setup({ terminal: 'osc777' });
    const request = {
      hook_event_name: 'PermissionRequest',
      session_id: 's1',
      cwd: '/tmp/shop',
      tool_name: 'Bash',
      tool_input: { command: 'make' },
    };
    const first = await run('permission_request', request);
    expect(first.notified && first.terminal?.sequence).toContain('Allow Bash: make');
    const prompt = {
      hook_event_name: 'Notification',
      notification_type: 'permission_prompt',
      session_id: 's1',
      message: 'Claude needs your permission to use Bash',
    };
    expect(await run('permission_prompt', prompt, at(12, 0))).toEqual({
      notified: false,
      reason: 'same-dialog',
    });
  });

  it('a request the app announced (no door to carry its ring) leaves the ring to the permission_prompt', async () => {
    const run = setup({});
    const request = {
      hook_event_name: 'PermissionRequest',
      session_id: 's2',
      tool_name: 'Bash',
      tool_input: {},
    };
    const announced = await run('permission_request', request, at(12, 0), { noTerminalOutput: true });
    expect(announced).toMatchObject({ notified: true, noPlayer: expect.any(String) });
    expect(announced).not.toHaveProperty('terminal');
    const prompt = {
      hook_event_name: 'Notification',
      notification_type: 'permission_prompt',
      session_id: 's2',
    };
    // Silent as the same dialog (no sound, no channel), but with the bell the request owed.
    expect(await run('permission_prompt', prompt)).toEqual({
      notified: false,
      reason: 'same-dialog',
      terminal: { kind: 'bell', sequence: '\u0007' },
    });
    // A request whose own hook carried the ring owes nothing.
    await run('permission_request', { ...request, session_id: 's3' });
    expect(await run('permission_prompt', { ...prompt, session_id: 's3' })).toEqual({
      notified: false,
      reason: 'same-dialog',
    });
  });
});
