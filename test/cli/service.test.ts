// `ccbell service install|uninstall|status` through the built CLI, in a temporary HOME with
// XDG_CONFIG_HOME set, and either no systemctl on PATH (as in containers and CI) or a fake
// systemctl / launchctl that records how it was called.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installedEvents } from '../../src/claude/index.js';
import { EVENT_NAMES } from '../../src/config/index.js';
import { placeHookHeaders } from '../../src/notify/index.js';
import { assertBuilt, cliPath, makeSandbox, type Sandbox } from './support.js';

beforeAll(assertBuilt);

let sandbox: Sandbox;
let xdg: string;
let toolLog: string;
let children: ChildProcess[] = [];
beforeEach(async () => {
  sandbox = makeSandbox();
  // A space in the config home: every path ccbell writes must survive it.
  xdg = join(sandbox.root, 'xdg config');
  toolLog = join(sandbox.root, 'tool-calls.log');
  sandbox.env.XDG_CONFIG_HOME = xdg;
  expect((await sandbox.run(['instance', 'create', 'work'])).code).toBe(0);
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
  sandbox.cleanup();
});

const unitPath = () => join(xdg, 'systemd', 'user', 'ccbell-work.service');
const configPath = () => join(sandbox.claudeDir, 'ccbell-work.config.json');
const settingsPath = () => join(sandbox.claudeDir, 'settings.json');
const settings = () => JSON.parse(readFileSync(settingsPath(), 'utf8'));
const token = () => readFileSync(join(sandbox.claudeDir, 'ccbell-work-cache', 'hook-token'), 'utf8').trim();
const toolCalls = () => (existsSync(toolLog) ? readFileSync(toolLog, 'utf8').trim().split('\n') : []);

/** A fake `name` on a PATH of its own that logs "name args" and answers as a working manager would. */
function fakeTool(name: string, script: string): Record<string, string> {
  const dir = join(sandbox.root, `fake-${name}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> '${toolLog}'\n${script}\n`);
  chmodSync(file, 0o755);
  return { PATH: `${dir}:${sandbox.env.PATH}` };
}

const fakeSystemctl = () =>
  fakeTool(
    'systemctl',
    'case "$2" in is-enabled) echo enabled; exit 0;; is-active) echo active; exit 0;; esac\nexit 0',
  );

/** Starts the app exactly as the unit's ExecStart says, and waits until it listens. */
async function startAppAsTheUnitDoes(port: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [cliPath, 'app', '--instance', 'work', '--no-open', '--port', String(port)],
    { env: sandbox.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk) => {
      text += chunk;
      if (text.includes('page: http')) resolve();
    });
    child.on('exit', () => reject(new Error(`app exited: ${text}`)));
  });
}

describe('ccbell service install (Linux, no user systemd)', () => {
  it('writes the unit, records a fixed port, wires http hooks with the token in settings env, and says how to start it', async () => {
    const run = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const port = JSON.parse(readFileSync(configPath(), 'utf8')).appPort;
    expect(port).toBeGreaterThanOrEqual(17800);
    expect(run.stdout).toContain(`recorded "appPort": ${port} in ${configPath()}`);

    const unit = readFileSync(unitPath(), 'utf8');
    expect(unit).toContain(
      `ExecStart=${process.execPath} ${cliPath} app --instance work --no-open --port ${port}`,
    );
    expect(unit).toContain(`Environment="PATH=${sandbox.env.PATH}"`);

    const written = settings();
    expect(written.env).toEqual({ CCBELL_HOOK_TOKEN_WORK: token() });
    expect(installedEvents(written.hooks, 'work')).toEqual(new Set(EVENT_NAMES));
    expect(written.hooks.Stop[0].hooks[0]).toEqual({
      type: 'http',
      url: `http://127.0.0.1:${port}/hooks?ccbell_instance=work`,
      headers: { Authorization: 'Bearer $CCBELL_HOOK_TOKEN_WORK', ...placeHookHeaders().headers },
      allowedEnvVars: ['CCBELL_HOOK_TOKEN_WORK', ...placeHookHeaders().allowedEnvVars],
      timeout: 10,
    });
    // The settings now hold a secret.
    expect(statSync(settingsPath()).mode & 0o777).toBe(0o600);

    expect(run.stdout).toContain('systemctl --user is not usable here (systemctl is not on PATH)');
    expect(run.stdout).toContain('  systemctl --user enable --now ccbell-work.service');
    expect(run.stdout).toContain(
      `or run the app yourself: ${process.execPath} ${cliPath} app --instance work`,
    );
    expect(run.stdout).toContain('while it is down, no ccbell sound plays');
  });

  it('status says installed but not running (no sounds), then running once the app runs as the unit does', async () => {
    await sandbox.run(['service', 'install', '--instance', 'work']);
    const port = JSON.parse(readFileSync(configPath(), 'utf8')).appPort;
    const down = await sandbox.run(['service', 'status', '--instance', 'work']);
    expect(down.code).toBe(1);
    expect(down.stdout).toContain(`unit file: ${unitPath()}: installed`);
    expect(down.stdout).toContain('systemctl --user: not usable here');
    expect(down.stdout).toContain('app: not running');
    expect(down.stdout).toContain(`hooks: http hooks to 127.0.0.1:${port}; token: set in settings "env"`);
    expect(down.stdout).toContain('sounds: NONE: the hooks go to an app that is not running');

    await startAppAsTheUnitDoes(port);
    const up = await sandbox.run(['service', 'status', '--instance', 'work']);
    expect(up.stdout).toMatch(new RegExp(`app: running \\(pid \\d+\\) on port ${port}`));
    expect(up.stdout).toContain('sounds: from the app (http hooks)');
    expect(up.stdout).toMatch(new RegExp(`page: http://127\\.0\\.0\\.1:${port}/\\?token=\\S{32,}`));
    // systemctl is still not usable here, but the app runs, is wired and answers: all is well.
    expect(up.code).toBe(0);
  });

  it('uses the appPort the config already has, leaving the config byte for byte', async () => {
    const text = '{\n  "player": "paplay",\n  "appPort": 18555\n}\n';
    writeFileSync(configPath(), text);
    const run = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(run.code).toBe(0);
    expect(readFileSync(configPath(), 'utf8')).toBe(text);
    expect(readFileSync(unitPath(), 'utf8')).toContain('--port 18555');
    expect(settings().hooks.Stop[0].hooks[0].url).toBe('http://127.0.0.1:18555/hooks?ccbell_instance=work');
  });

  it('a second install changes nothing and says so', async () => {
    await sandbox.run(['service', 'install', '--instance', 'work']);
    const before = readFileSync(settingsPath(), 'utf8');
    const again = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`kept the systemd user unit ${unitPath()}`);
    expect(again.stdout).toContain(`${settingsPath()} already as it should be`);
    expect(readFileSync(settingsPath(), 'utf8')).toBe(before);
  });

  it('refuses a broken config with its path and writes nothing', async () => {
    writeFileSync(configPath(), '{"player": "paplay",');
    const run = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${configPath()}: is not valid JSON`);
    expect(readFileSync(configPath(), 'utf8')).toBe('{"player": "paplay",');
    expect(existsSync(unitPath())).toBe(false);
    expect(existsSync(settingsPath())).toBe(false);
  });

  it('leaves a unit file it did not write alone, and touches nothing else', async () => {
    mkdirSync(join(unitPath(), '..'), { recursive: true });
    writeFileSync(unitPath(), '[Service]\nExecStart=/bin/true\n');
    const run = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${unitPath()} was not written by ccbell; ccbell leaves it alone`);
    expect(readFileSync(unitPath(), 'utf8')).toBe('[Service]\nExecStart=/bin/true\n');
    expect(existsSync(settingsPath())).toBe(false);
    expect((await sandbox.run(['service', 'uninstall', '--instance', 'work'])).code).toBe(1);
    expect(existsSync(unitPath())).toBe(true);
  });

  it('warns when another instance also sounds on Stop (each sound would play twice)', async () => {
    expect((await sandbox.run(['setup'])).code).toBe(0);
    const run = await sandbox.run(['service', 'install', '--instance', 'work']);
    expect(run.stdout).toContain('warning: instance "default" also has a Stop hook');
    expect(run.stdout).toContain('ccbell setup --instance default --remove');
  });

  it('rejects an unknown action and an unknown instance', async () => {
    const bad = await sandbox.run(['service', 'start']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'unknown service action "start"; usage: ccbell service install|uninstall|status',
    );
    const unknown = await sandbox.run(['service', 'install', '--instance', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown instance "nope"');
  });
});

describe('ccbell service with a working systemctl --user (a fake that records its calls)', () => {
  it('install enables and restarts the unit; uninstall disables it and removes unit, hooks and token from settings', async () => {
    writeFileSync(
      settingsPath(),
      `${JSON.stringify({ model: 'opus', env: { EDITOR: 'vim' }, hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } }, null, 2)}\n`,
    );
    chmodSync(settingsPath(), 0o644);
    const env = fakeSystemctl();
    const install = await sandbox.run(['service', 'install', '--instance', 'work'], { env });
    expect(install.code).toBe(0);
    // The person's settings were readable by all; now that they hold the token, they are private.
    expect(statSync(settingsPath()).mode & 0o777).toBe(0o600);
    expect(install.stdout).toContain('started it with systemctl --user');
    expect(toolCalls()).toEqual([
      'systemctl --user is-enabled ccbell-work.service',
      'systemctl --user is-active ccbell-work.service',
      'systemctl --user daemon-reload',
      'systemctl --user enable ccbell-work.service',
      'systemctl --user restart ccbell-work.service',
    ]);
    const status = await sandbox.run(['service', 'status', '--instance', 'work'], { env });
    expect(status.stdout).toContain('systemctl --user: starts at login, active');

    writeFileSync(toolLog, '');
    const uninstall = await sandbox.run(['service', 'uninstall', '--instance', 'work'], { env });
    expect(uninstall.code).toBe(0);
    expect(toolCalls()).toEqual([
      'systemctl --user disable --now ccbell-work.service',
      'systemctl --user daemon-reload',
      'systemctl --user reset-failed ccbell-work.service',
    ]);
    expect(existsSync(unitPath())).toBe(false);
    expect(settings()).toEqual({
      model: 'opus',
      env: { EDITOR: 'vim' },
      hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] },
    });
    // Config and token stay: a later install finds the same port and token.
    expect(JSON.parse(readFileSync(configPath(), 'utf8')).appPort).toBeGreaterThanOrEqual(17800);
    expect(token().length).toBeGreaterThanOrEqual(32);
    expect(uninstall.stdout).toContain('kept the config');

    const after = await sandbox.run(['service', 'status', '--instance', 'work'], { env });
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('not installed');
    expect(after.stdout).toContain('hooks: none; token: not in settings "env"');
  });

  it('a failing systemctl leaves the unit written and says why', async () => {
    const env = fakeTool('systemctl', 'echo "Failed to connect to bus: No medium found" >&2; exit 1');
    const run = await sandbox.run(['service', 'install', '--instance', 'work'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'systemctl --user is not usable here (Failed to connect to bus: No medium found)',
    );
    expect(existsSync(unitPath())).toBe(true);
  });
});

describe('ccbell service on macOS (CCBELL_SERVICE_PLATFORM=darwin, a fake launchctl)', () => {
  it('writes the launchd agent, boots it into the GUI domain, and boots it out on uninstall', async () => {
    const env = {
      ...fakeTool('launchctl', 'case "$1" in print) echo "	state = running"; exit 0;; esac\nexit 0'),
      CCBELL_SERVICE_PLATFORM: 'darwin',
    };
    const plist = join(sandbox.home, 'Library', 'LaunchAgents', 'dev.ccbell.work.plist');
    const install = await sandbox.run(['service', 'install', '--instance', 'work'], { env });
    expect(install.code).toBe(0);
    const text = readFileSync(plist, 'utf8');
    expect(text).toContain('<string>dev.ccbell.work</string>');
    expect(text).toContain(`<string>${join(sandbox.claudeDir, 'ccbell-work-cache', 'service.log')}</string>`);
    const uid = process.getuid!();
    expect(toolCalls().slice(-2)).toEqual([
      `launchctl bootout gui/${uid}/dev.ccbell.work`,
      `launchctl bootstrap gui/${uid} ${plist}`,
    ]);
    expect(install.stdout).toContain('started it with launchctl');
    const status = await sandbox.run(['service', 'status', '--instance', 'work'], { env });
    expect(status.stdout).toContain('launchctl: starts at login, running');

    writeFileSync(toolLog, '');
    expect((await sandbox.run(['service', 'uninstall', '--instance', 'work'], { env })).code).toBe(0);
    expect(toolCalls()).toEqual([`launchctl bootout gui/${uid}/dev.ccbell.work`]);
    expect(existsSync(plist)).toBe(false);
  });
});
