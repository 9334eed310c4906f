// The hook handler as Claude Code runs it: the built CLI, a temporary HOME, fake players.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../src/config/index.js';
import { assertBuilt, clockFromNow, makeSandbox, repoRoot, type Sandbox, sleep } from './support.js';

beforeAll(assertBuilt);

const bundled = (name: string) => join(repoRoot, 'sounds', `${name}.wav`);
/** Long enough for a detached player that was started to have written its line. */
const SETTLE_MS = 300;

/** One config per instance: its own sound file and volume for every event, all events on. */
function instanceConfig(sandbox: Sandbox, instance: string, volumeOf: (index: number) => number) {
  const events: Record<string, unknown> = {};
  EVENT_NAMES.forEach((event, index) => {
    const sound = sandbox.write(`sounds/${instance}-${event}.wav`, 'RIFF');
    events[event] = { enabled: true, sound: `custom:${sound}`, volume: volumeOf(index), desktop: false };
  });
  // Every event sounds: subagents' too, and idle prompts after a Stop.
  return { events, subagents: true, idleAfterStop: true };
}

describe('two instances, each event', () => {
  let sandbox: Sandbox;
  const workVolume = (i: number) => Math.round((0.05 + i * 0.05) * 100) / 100;
  const personalVolume = (i: number) => Math.round((0.95 - i * 0.05) * 100) / 100;
  beforeAll(async () => {
    sandbox = makeSandbox();
    const work = sandbox.write('work.json', JSON.stringify(instanceConfig(sandbox, 'work', workVolume)));
    const personal = sandbox.write(
      'personal.json',
      JSON.stringify(instanceConfig(sandbox, 'personal', personalVolume)),
    );
    for (const [name, file] of [
      ['work', work],
      ['personal', personal],
    ] as const) {
      const created = await sandbox.run(['instance', 'create', name, '--config', file]);
      expect(created, created.stderr).toMatchObject({ code: 0 });
    }
  });
  afterAll(() => sandbox.cleanup());

  it('plays each event with its own sound and volume per instance', async () => {
    const runs = await Promise.all(
      ['work', 'personal'].flatMap((instance) =>
        EVENT_NAMES.map((event) => sandbox.run(['--instance', instance, event])),
      ),
    );
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    const expected = EVENT_NAMES.flatMap((event, i) => [
      `${sandbox.bin}/pw-play --volume=${workVolume(i)} ${join(sandbox.root, 'sounds', `work-${event}.wav`)}`,
      `${sandbox.bin}/pw-play --volume=${personalVolume(i)} ${join(sandbox.root, 'sounds', `personal-${event}.wav`)}`,
    ]);
    const plays = await sandbox.waitForPlays(expected.length);
    await sleep(SETTLE_MS);
    expect(sandbox.plays().sort()).toEqual(expected.sort());
    expect(plays.length).toBe(expected.length);
  });

  it('takes the event from the hook JSON and the instance from CCBELL_INSTANCE', async () => {
    const before = sandbox.plays().length;
    const notification = JSON.stringify({
      session_id: 's1',
      cwd: '/tmp/project',
      hook_event_name: 'Notification',
      notification_type: 'idle_prompt',
      message: 'Claude is waiting for your input',
    });
    const run = await sandbox.run([], { input: notification, env: { CCBELL_INSTANCE: 'personal' } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const index = EVENT_NAMES.indexOf('idle_prompt');
    const lines = await sandbox.waitForPlays(before + 1);
    expect(lines.slice(before)).toEqual([
      `${sandbox.bin}/pw-play --volume=${personalVolume(index)} ${join(sandbox.root, 'sounds', 'personal-idle_prompt.wav')}`,
    ]);
  });

  it('uses the default instance (original file names) when none is chosen', async () => {
    const before = sandbox.plays().length;
    const run = await sandbox.run(['stop']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = await sandbox.waitForPlays(before + 1);
    expect(lines.slice(before)).toEqual([`${sandbox.bin}/pw-play --volume=0.5 ${bundled('stop')}`]);
  });

  it('ignores hook events ccbell has no event for, and plays nothing', async () => {
    const before = sandbox.plays().length;
    const run = await sandbox.run(['--instance', 'work'], {
      input: JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} }),
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    await sleep(SETTLE_MS);
    expect(sandbox.plays().length).toBe(before);
  });
});

// Each case has its own HOME, so the cases run side by side.
describe.concurrent('rules and failures', () => {
  const sandboxes: Sandbox[] = [];
  afterAll(() => {
    for (const sandbox of sandboxes) sandbox.cleanup();
  });

  /** A fresh sandbox whose default instance has `config` (JSON, or text as given). */
  function withConfig(config: unknown) {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    const file = sandbox.write(
      'home/.claude/ccbell.config.json',
      typeof config === 'string' ? config : JSON.stringify(config),
    );
    return { sandbox, file, stopLine: `${sandbox.bin}/pw-play --volume=0.5 ${bundled('stop')}` };
  }

  /** Every play so far, once `expected` have shown up and late ones had time to. */
  async function playsOf(sandbox: Sandbox, expected: number) {
    await sandbox.waitForPlays(expected, expected ? 5000 : 0);
    await sleep(SETTLE_MS);
    return sandbox.plays();
  }

  it('plays nothing in quiet hours and exits 0', async ({ expect }) => {
    const { sandbox } = withConfig({ quietHours: { start: clockFromNow(-60), end: clockFromNow(60) } });
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 0)).toEqual([]);
  });

  it('plays outside quiet hours', async ({ expect }) => {
    const { sandbox, stopLine } = withConfig({
      quietHours: { start: clockFromNow(60), end: clockFromNow(120) },
    });
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
  });

  it.for([
    ['ccbell is disabled', { enabled: false }],
    ['the event is disabled', { events: { stop: { enabled: false } } }],
    [
      'the active profile disables the event',
      { activeProfile: 'mute', profiles: { mute: { events: { stop: { enabled: false } } } } },
    ],
  ])('plays nothing and exits 0 when %s', async ([_what, config], { expect }) => {
    const { sandbox } = withConfig(config);
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 0)).toEqual([]);
  });

  it('uses the paplay volume unit when paplay is the player', async ({ expect }) => {
    const { sandbox } = withConfig({ player: 'paplay', events: { stop: { volume: 0.3 } } });
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 1)).toEqual([`${sandbox.bin}/paplay --volume=19661 ${bundled('stop')}`]);
  });

  it('with no player (over SSH), rings the terminal instead: a bell for Claude Code to write, exit 0', async ({
    expect,
  }) => {
    const { sandbox } = withConfig({});
    const run = await sandbox.run(['stop'], { env: { PATH: sandbox.nodeBin } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ terminalSequence: '\u0007' });
    expect(await playsOf(sandbox, 0)).toEqual([]);
    const log = readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8');
    expect(log).toMatch(
      /event=stop not played: no sound player: none of pw-play, paplay, aplay, mpv, ffplay/,
    );
  });

  it('prints no terminal sequence when a player plays and the terminal channel is off', async ({
    expect,
  }) => {
    const { sandbox } = withConfig({});
    const run = await sandbox.run(['stop']);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await playsOf(sandbox, 1)).toHaveLength(1);
  });

  it('exits 1 with one stderr line naming a missing custom sound', async ({ expect }) => {
    const missing = join(tmpdir(), 'ccbell-nowhere', 'ding.wav');
    const { sandbox } = withConfig({ events: { stop: { sound: `custom:${missing}` } } });
    const run = await sandbox.run(['stop']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ccbell: sound "custom:${missing}": ${missing}: no such file\n`);
    expect(await playsOf(sandbox, 0)).toEqual([]);
  });

  it('reports a broken field in one stderr line naming file and field, plays with defaults, keeps the file', async ({
    expect,
  }) => {
    const text = '{\n  "events": { "stop": { "volume": 7, "cooldown": 0 } }\n}\n';
    const { sandbox, file, stopLine } = withConfig(text);
    const mtime = statSync(file).mtimeMs;
    const run = await sandbox.run(['stop']);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${file}: events.stop.volume`);
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8')).toContain('events.stop.volume');
  });

  it('reports a config that is not JSON in one line naming the file, and plays with defaults', async ({
    expect,
  }) => {
    const { sandbox, file, stopLine } = withConfig('{"events": {');
    const run = await sandbox.run(['stop']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^ccbell: config ${file} is not valid JSON.*\\n$`));
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
    expect(readFileSync(file, 'utf8')).toBe('{"events": {');
  });

  it('says in one stderr line that a --config file is missing, and plays with defaults', async ({
    expect,
  }) => {
    const { sandbox, stopLine } = withConfig({ events: { stop: { volume: 0.9 } } });
    const missing = join(sandbox.root, 'missing.json');
    const run = await sandbox.run(['--config', missing, 'stop']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`ccbell: config ${missing} (--config) does not exist; using defaults\n`);
    // Defaults, not the instance's own config (volume 0.9): --config replaces it for this run.
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8')).toContain(
      `WARN config ${missing} (--config) does not exist; using defaults`,
    );
  });

  it("stays silent about the instance's own config missing: defaults are its normal state", async ({
    expect,
  }) => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    const run = await sandbox.run(['stop']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 1)).toEqual([`${sandbox.bin}/pw-play --volume=0.5 ${bundled('stop')}`]);
  });

  it('still plays on garbage stdin, and logs it', async ({ expect }) => {
    const { sandbox, stopLine } = withConfig({});
    expect(await sandbox.run([], { input: 'garbage{\u0000' })).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8')).toMatch(
      /WARN hook input is not JSON .*; going on without it/,
    );
  });

  it('does not hang on a stdin that never closes', async ({ expect }) => {
    const { sandbox, stopLine } = withConfig({});
    const run = await sandbox.run(['stop'], { keepStdinOpen: true });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.ms).toBeLessThan(5000);
    expect(await playsOf(sandbox, 1)).toEqual([stopLine]);
  });

  it('silences a repeat within the cooldown, per session with cooldownScope "session"', async ({
    expect,
  }) => {
    const { sandbox } = withConfig({ cooldownScope: 'session', events: { stop: { cooldown: 60 } } });
    const stop = (session: string) => JSON.stringify({ hook_event_name: 'Stop', session_id: session });
    for (const session of ['a', 'a', 'b', 'b', 'a']) {
      expect(await sandbox.run([], { input: stop(session) })).toMatchObject({ code: 0, stderr: '' });
    }
    expect(await playsOf(sandbox, 2)).toHaveLength(2);
    const state = JSON.parse(readFileSync(join(sandbox.claudeDir, 'ccbell.state'), 'utf8'));
    expect(Object.keys(state.lastTrigger).sort()).toEqual(['stop:a', 'stop:b']);
  });

  it('sets a corrupt state file aside and still plays', async ({ expect }) => {
    const { sandbox } = withConfig({ events: { stop: { cooldown: 60 } } });
    const statePath = join(sandbox.claudeDir, 'ccbell.state');
    writeFileSync(statePath, '{"lastTrigger": ');
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(await playsOf(sandbox, 1)).toHaveLength(1);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).lastTrigger.stop).toBeTypeOf('number');
    const kept = readdirSync(sandbox.claudeDir).filter((name) => name.startsWith('ccbell.state.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(sandbox.claudeDir, kept[0]!), 'utf8')).toBe('{"lastTrigger": ');
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8')).toMatch(
      /state file was corrupt; kept it as/,
    );
  });
});

describe('instance names and exit codes', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it('refuses --instance ../x with one clear line, exit 1, and touches nothing', async () => {
    const run = await sandbox.run(['--instance', '../x', 'stop']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^ccbell: invalid instance name "\.\.\/x": it may hold only letters, digits.*\n$/,
    );
    expect(run.stdout).toBe('');
    await sleep(SETTLE_MS);
    expect(sandbox.plays()).toEqual([]);
  });

  it('refuses an instance that was never created', async () => {
    const run = await sandbox.run(['--instance', 'wrok', 'stop']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ccbell: unknown instance "wrok": create it with "ccbell instance create wrok"\n',
    );
  });

  it('never exits 2, whatever goes wrong', async () => {
    sandbox.write('home/.claude/ccbell-instances.json', '{"broken": ');
    sandbox.write('home/.claude/settings.json', '{"hooks": ');
    const cases: [string[], string?][] = [
      [['bogus-event']],
      [['--bogus']],
      [['--instance']],
      [['--instance', '../x', 'stop']],
      [['--instance', 'a/b']],
      [['--instance', 'x'.repeat(65), 'stop']],
      [['stop', 'extra']],
      [['--instance', 'work', 'stop']], // the registry is broken
      [['instance', 'list']],
      [['instance', 'frobnicate']],
      [['setup']],
      [['doctor']],
      [[], JSON.stringify({ hook_event_name: 'Stop', stop_hook_active: true })],
      [['stop'], 'x'.repeat(2 * 1024 * 1024)],
    ];
    const runs = await Promise.all(
      cases.map(([args, input]) => sandbox.run(args, { input, env: { PATH: sandbox.nodeBin } })),
    );
    runs.forEach((run, index) => {
      expect(run.code, `${cases[index]![0].join(' ')}: ${run.stderr}`).not.toBe(2);
      expect([0, 1]).toContain(run.code);
      if (run.code === 1) expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
    // The failures above are failures: a bad argument exits 1, not 0.
    expect(runs[0]!.code).toBe(1);
    // With no player, the last one rings the terminal instead, and that is no failure.
    expect(runs.at(-1)).toMatchObject({ code: 0, stdout: '{"terminalSequence":"\\u0007"}\n' });
  });
});

// A permission dialog fires PermissionRequest at once and Notification permission_prompt ~6 s
// later: two hook processes for one dialog, which must sound once.
describe('one dialog, one notification', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());
  const request = (session: string) =>
    JSON.stringify({
      session_id: session,
      cwd: '/tmp/project',
      hook_event_name: 'PermissionRequest',
      tool_name: 'Bash',
      tool_input: { command: 'touch x' },
    });
  const prompt = (session: string) =>
    JSON.stringify({
      session_id: session,
      cwd: '/tmp/project',
      hook_event_name: 'Notification',
      notification_type: 'permission_prompt',
      message: 'Claude needs your permission to use Bash',
    });

  it('skips the permission_prompt of a dialog whose request already sounded, in another process', async () => {
    expect(await sandbox.run(['permission_request'], { input: request('dialog-a') })).toMatchObject({
      code: 0,
      stderr: '',
    });
    await sandbox.waitForPlays(1);
    // The same session's dialog, 6 s later in Claude Code, in a hook process of its own.
    expect(await sandbox.run([], { input: prompt('dialog-a') })).toMatchObject({ code: 0, stderr: '' });
    // Another session's dialog had no request hook: its prompt is its only alert.
    expect(await sandbox.run([], { input: prompt('dialog-b') })).toMatchObject({ code: 0, stderr: '' });
    await sandbox.waitForPlays(2);
    await sleep(SETTLE_MS);
    expect(sandbox.plays()).toEqual([
      `${sandbox.bin}/pw-play --volume=0.7 ${bundled('permission_request')}`,
      `${sandbox.bin}/pw-play --volume=0.7 ${bundled('permission_prompt')}`,
    ]);
  });
});
