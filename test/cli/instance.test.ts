// `ccbell instance …` and the seed's spellings (`ccbell --instance list`, …), run from the built CLI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeSandbox, type Sandbox } from './support.js';

beforeAll(assertBuilt);

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = makeSandbox();
});
afterAll(() => sandbox.cleanup());

const paths = (dir: string, stem: string) => ({
  config_path: join(dir, `${stem}.config.json`),
  state_path: join(dir, `${stem}.state`),
  cache_dir: join(dir, `${stem}-cache`),
  log_path: join(dir, `${stem}.log`),
  pid_path: join(dir, `${stem}.pid`),
});

describe('the seed spellings', () => {
  it('`ccbell --instance list` lists the default instance with its original paths', async () => {
    const run = await sandbox.run(['--instance', 'list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('default: not running');
    expect(run.stdout).toContain(
      `config: ${join(sandbox.claudeDir, 'ccbell.config.json')} (none yet: defaults)`,
    );
  });

  it('`ccbell --instance create test --config f.json` creates it from a file relative to the cwd', async () => {
    const text = '{"events":{"stop":{"volume":0.25}}}';
    writeFileSync(join(sandbox.home, 'f.json'), text);
    const run = await sandbox.run(['--instance', 'create', 'test', '--config', 'f.json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `created instance "test" with config ${join(sandbox.claudeDir, 'ccbell-test.config.json')}\n`,
    );
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell-test.config.json'), 'utf8')).toBe(text);
  });

  it('`ccbell --instance copy default mine` copies the default config', async () => {
    const run = await sandbox.run(['--instance', 'copy', 'default', 'mine']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(
      JSON.parse(readFileSync(join(sandbox.claudeDir, 'ccbell-mine.config.json'), 'utf8')),
    ).toMatchObject({
      enabled: true,
      events: { stop: { volume: 0.5 } },
    });
  });

  it('`ccbell instance copy test test2` copies the config and not the state', async () => {
    writeFileSync(join(sandbox.claudeDir, 'ccbell-test.state'), '{"lastTrigger":{"stop":1}}');
    const run = await sandbox.run(['instance', 'copy', 'test', 'test2']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell-test2.config.json'), 'utf8')).toBe(
      '{"events":{"stop":{"volume":0.25}}}',
    );
    expect(existsSync(join(sandbox.claudeDir, 'ccbell-test2.state'))).toBe(false);
  });
});

describe('--json', () => {
  it('lists every instance with its paths, default first', async () => {
    const run = await sandbox.run(['instance', 'list', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const list = JSON.parse(run.stdout) as { name: string }[];
    expect(list.map((i) => i.name)).toEqual(['default', 'mine', 'test', 'test2']);
    expect(list[0]).toEqual({
      name: 'default',
      ...paths(sandbox.claudeDir, 'ccbell'),
      running: false,
      configExists: false,
    });
    expect(list[2]).toEqual({
      name: 'test',
      ...paths(sandbox.claudeDir, 'ccbell-test'),
      running: false,
      configExists: true,
    });
  });

  it('shows one instance, and the seed spelling `--instance show` does the same', async () => {
    const run = await sandbox.run(['instance', 'show', 'test', '--json']);
    const seed = await sandbox.run(['--instance', 'show', 'test', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(seed.stdout).toBe(run.stdout);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'test', running: false });
  });

  it('never prints the app token or page address', async () => {
    writeFileSync(
      join(sandbox.claudeDir, 'ccbell-test.pid'),
      JSON.stringify({
        pid: process.pid,
        runtimeId: `${process.pid}_1`,
        instance: 'test',
        startedAt: 'now',
        url: 'http://127.0.0.1:1/?token=secret',
        hookToken: 'secret2',
      }),
    );
    const run = await sandbox.run(['instance', 'show', 'test', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ running: true, app: { pid: process.pid } });
    expect(run.stdout).not.toContain('secret');
    const text = await sandbox.run(['instance', 'show', 'test']);
    expect(text.stdout).toContain('token=…');
    expect(text.stdout).not.toContain('secret');
  });
});

describe('remove', () => {
  it('refuses default and a running instance, removes a stopped one and keeps its files', async () => {
    const refusedDefault = await sandbox.run(['instance', 'remove', 'default']);
    expect(refusedDefault.code).toBe(1);
    expect(refusedDefault.stderr).toBe('ccbell: the "default" instance cannot be removed\n');
    // test's PID file (above) names this live test process.
    const running = await sandbox.run(['--instance', 'remove', 'test']);
    expect(running.code).toBe(1);
    expect(running.stderr).toBe(
      `ccbell: instance "test" is running (app pid ${process.pid}); stop it first\n`,
    );
    const removed = await sandbox.run(['instance', 'remove', 'test2']);
    expect(removed).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(sandbox.claudeDir, 'ccbell-test2.config.json'))).toBe(true);
    const list = JSON.parse((await sandbox.run(['instance', 'list', '--json'])).stdout) as { name: string }[];
    expect(list.map((i) => i.name)).toEqual(['default', 'mine', 'test']);
  });
});

describe('a new instance from a config with broken fields', () => {
  it('is created, and each bad field is named on stderr as doctor names it', async () => {
    const text = '{"events": {"stop": {"volume": 3}}, "colour": 1, "cooldownScope": "forever"}';
    const bad = sandbox.write('bad.json', text);
    const run = await sandbox.run(['instance', 'create', 'flawed', '--config', bad]);
    const config = join(sandbox.claudeDir, 'ccbell-flawed.config.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`created instance "flawed" with config ${config}\n`);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `ccbell: config ${config}: colour is not a known setting`,
      `ccbell: config ${config}: events.stop.volume must be a number from 0 to 1 (got 3)`,
      `ccbell: config ${config}: cooldownScope must be "event" or "session" (got "forever")`,
      `ccbell: instance "flawed" uses the defaults for these until the file is fixed ("ccbell doctor --instance flawed" checks it)`,
    ]);
    // The file is copied as written: the person's text, not a repaired one.
    expect(readFileSync(config, 'utf8')).toBe(text);
    const doctor = await sandbox.run(['doctor', '--instance', 'flawed', '--json']);
    const findings = (JSON.parse(doctor.stdout) as { findings: { ok: boolean; what: string }[] }).findings;
    const doctorSays = findings.filter((f) => !f.ok && f.what.startsWith('config ')).map((f) => f.what);
    expect(doctorSays.map((what) => `ccbell: ${what}`)).toEqual(lines.slice(0, 3));
  });

  it('copy reports the bad fields of the copied config too', async () => {
    const run = await sandbox.run(['instance', 'copy', 'flawed', 'flawed2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `ccbell: config ${join(sandbox.claudeDir, 'ccbell-flawed2.config.json')}: events.stop.volume`,
    );
  });

  it('is refused when the file is not JSON, and nothing is created', async () => {
    const bad = sandbox.write('broken.json', '{"events": {');
    const run = await sandbox.run(['instance', 'create', 'broken', '--config', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`ccbell: ${bad}: is not valid JSON (`)).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(sandbox.claudeDir, 'ccbell-broken.config.json'))).toBe(false);
  });

  it('says nothing on stderr for a good config', async () => {
    const good = sandbox.write('good.json', '{"events": {"stop": {"volume": 0.3}}}');
    expect(await sandbox.run(['instance', 'create', 'fine', '--config', good])).toMatchObject({
      code: 0,
      stderr: '',
    });
  });
});

describe('mistakes', () => {
  it.each([
    [['instance', 'create', '../x'], /invalid instance name "\.\.\/x"/],
    [['instance', 'create', 'list'], /invalid instance name "list": it is a command word/],
    [['instance', 'create', 'test'], /instance "test" already exists/],
    [['instance', 'create', 'y', '--config', 'missing.json'], /cannot read config .*missing\.json: ENOENT/],
    [['instance', 'show', 'ghost'], /unknown instance "ghost"/],
    [['instance', 'copy', 'default'], /missing new instance name/],
    [['instance', 'nope'], /unknown instance command "nope"/],
    [['instance'], /usage: ccbell instance/],
  ])('%j → exit 1 and one line', async (args, message) => {
    const run = await sandbox.run(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('remove and create again: the hooks and the config', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = makeSandbox();
  });
  afterAll(() => box.cleanup());
  const settings = () => join(box.claudeDir, 'settings.json');

  it("remove takes the instance's hooks out of the user settings, with a backup, and leaves the others", async () => {
    await box.run(['setup']);
    await box.run(['instance', 'create', 'gone']);
    await box.run(['setup', '--instance', 'gone']);
    const before = readFileSync(settings(), 'utf8');
    const run = await box.run(['instance', 'remove', 'gone']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `removed instance "gone" from the registry; its files are kept (${join(box.claudeDir, 'ccbell-gone.config.json')})\n` +
        `removed its ccbell hooks from ${settings()} (previous file kept as ${settings()}.ccbell-backup)\n`,
    );
    const text = readFileSync(settings(), 'utf8');
    expect(text).not.toContain('#ccbell:gone');
    expect(text).toContain('#ccbell:default');
    expect(readFileSync(`${settings()}.ccbell-backup`, 'utf8')).toBe(before);
    const doctor = await box.run(['doctor']);
    expect(doctor.code).toBe(0);
  });

  it('create again uses the config the removed instance left, and says so', async () => {
    const config = join(box.claudeDir, 'ccbell-gone.config.json');
    writeFileSync(config, '{"events": {"stop": {"volume": 0.2}}}');
    const run = await box.run(['instance', 'create', 'gone']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `created instance "gone" with the config already at ${config} (left by an earlier "gone"; to start from the defaults, remove that file first)\n`,
    );
    expect(readFileSync(config, 'utf8')).toBe('{"events": {"stop": {"volume": 0.2}}}');
  });

  it('create --config refuses to replace a config left behind, and says how to reuse it', async () => {
    await box.run(['instance', 'remove', 'gone']);
    const other = box.write('other.json', '{}');
    const run = await box.run(['instance', 'create', 'gone', '--config', other]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ccbell: ${join(box.claudeDir, 'ccbell-gone.config.json')} already exists; run "ccbell instance create gone" without --config to use it again, remove it or pick another name\n`,
    );
  });

  it('remove refuses, changing nothing, while the user settings are broken', async () => {
    await box.run(['instance', 'create', 'gone']);
    writeFileSync(settings(), '{"hooks": ');
    const run = await box.run(['instance', 'remove', 'gone']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^ccbell: instance "gone" not removed: .*settings\.json: is not valid JSON .*; its hooks there must go with it, so fix the file first/,
    );
    expect(readFileSync(settings(), 'utf8')).toBe('{"hooks": ');
    const list = JSON.parse((await box.run(['instance', 'list', '--json'])).stdout) as { name: string }[];
    expect(list.map((i) => i.name)).toContain('gone');
  });
});
