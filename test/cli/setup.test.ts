// `ccbell setup`: installs one instance's hooks in Claude Code's settings, keeping everything else.
// Most cases call the command in process (fast); --print and a broken file go through the built CLI.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedEvents } from '../../src/claude/index.js';
import { parseArgs } from '../../src/cli/args.js';
import { runSetup } from '../../src/cli/commands/setup.js';
import type { CliContext } from '../../src/cli/context.js';
import { EVENT_NAMES } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { assertBuilt, cliPath, makeSandbox, repoRoot, type Sandbox } from './support.js';

/** `${NAME}`: Claude Code's interpolation of an environment variable in a hook header. */
const braced = (name: string) => `\${${name}}`;

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-setup-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A HOME whose ~/.claude/settings.json holds `settings` (text as given, or JSON with 2 spaces). */
function home(settings?: unknown) {
  const HOME = join(root, `home-${counter++}`);
  const dir = join(HOME, '.claude');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'settings.json');
  if (settings !== undefined) {
    writeFileSync(path, typeof settings === 'string' ? settings : `${JSON.stringify(settings, null, 2)}\n`);
  }
  let out = '';
  const context: CliContext = {
    packageRoot: repoRoot,
    cliPath,
    env: { HOME },
    stdout: (text) => {
      out += text;
    },
    stderr: () => {},
  };
  const setup = async (...argv: string[]) => {
    out = '';
    const code = await runSetup(parseArgs(argv), context);
    return { code, out };
  };
  const text = () => readFileSync(path, 'utf8');
  return { HOME, dir, path, setup, text, json: () => JSON.parse(text()) };
}

const FOREIGN = {
  model: 'opus',
  permissions: { allow: ['Read'] },
  hooks: {
    Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'audit.sh', timeout: 5 }] }],
  },
  statusLine: { type: 'command', command: 'status.sh' },
};

describe('ccbell setup', () => {
  it('installs every event hook for the instance, keeping foreign hooks and other settings', async () => {
    const h = home(FOREIGN);
    expect((await h.setup()).code).toBe(0);
    const settings = h.json();
    expect(settings.model).toBe('opus');
    expect(settings.permissions).toEqual(FOREIGN.permissions);
    expect(settings.statusLine).toEqual(FOREIGN.statusLine);
    expect(settings.hooks.Stop[0]).toEqual(FOREIGN.hooks.Stop[0]);
    expect(settings.hooks.PreToolUse).toEqual(FOREIGN.hooks.PreToolUse);
    expect(installedEvents(settings.hooks, 'default')).toEqual(new Set(EVENT_NAMES));
    expect(settings.hooks.Stop[1].hooks[0].command).toBe(
      `${process.execPath} ${cliPath} --instance default stop #ccbell:default`,
    );
  });

  it('is idempotent: a second run leaves the file byte-identical', async () => {
    const h = home(FOREIGN);
    await h.setup('--instance', 'default');
    const first = h.text();
    const mtime = statSync(h.path).mtimeMs;
    const second = await h.setup('--instance', 'default');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/already has the ccbell hooks of "default"/);
    expect(h.text()).toBe(first);
    expect(statSync(h.path).mtimeMs).toBe(mtime);
  });

  it('writes a backup of the previous file', async () => {
    const original = '{"model":"opus"}';
    const h = home(original);
    const run = await h.setup();
    expect(run.out).toContain(`previous file kept as ${h.path}.ccbell-backup`);
    expect(readFileSync(`${h.path}.ccbell-backup`, 'utf8')).toBe(original);
  });

  it('--remove restores the settings as they were', async () => {
    const h = home(FOREIGN);
    const original = h.text();
    await h.setup();
    expect(h.text()).not.toBe(original);
    expect((await h.setup('--remove')).code).toBe(0);
    expect(h.text()).toBe(original);
    const again = await h.setup('--remove');
    expect(again.out).toMatch(/already has no ccbell hooks/);
  });

  it('--remove drops the hooks key it added to a file that had none', async () => {
    const h = home({ model: 'opus' });
    await h.setup();
    await h.setup('--remove');
    expect(h.json()).toEqual({ model: 'opus' });
  });

  it('creates the settings file when there is none, without a backup', async () => {
    const h = home();
    const run = await h.setup();
    expect(run.out).not.toContain('backup');
    expect(installedEvents(h.json().hooks, 'default')).toEqual(new Set(EVENT_NAMES));
    expect(existsSync(`${h.path}.ccbell-backup`)).toBe(false);
  });

  it("keeps two instances' hooks side by side, and removes one without the other", async () => {
    const h = home(FOREIGN);
    writeFileSync(join(h.dir, 'ccbell-instances.json'), '{"work": {}, "personal": {}}');
    await h.setup('--instance', 'work');
    await h.setup('--instance', 'personal');
    const both = h.json();
    expect(installedEvents(both.hooks, 'work')).toEqual(new Set(EVENT_NAMES));
    expect(installedEvents(both.hooks, 'personal')).toEqual(new Set(EVENT_NAMES));
    expect(both.hooks.Stop).toHaveLength(3);
    // Re-running one instance does not disturb the other.
    await h.setup('--instance', 'work');
    expect(installedEvents(h.json().hooks, 'personal')).toEqual(new Set(EVENT_NAMES));
    await h.setup('--instance', 'work', '--remove');
    const left = h.json();
    expect(installedEvents(left.hooks, 'work').size).toBe(0);
    expect(installedEvents(left.hooks, 'personal')).toEqual(new Set(EVENT_NAMES));
    expect(left.hooks.Stop[0]).toEqual(FOREIGN.hooks.Stop[0]);
  });

  it('with --approvals makes the PermissionRequest hook ask the app, with the config timeout', async () => {
    const h = home();
    writeFileSync(join(h.dir, 'ccbell.config.json'), '{"approvalTimeoutSeconds": 60}');
    await h.setup('--approvals');
    const entry = h.json().hooks.PermissionRequest[0].hooks[0];
    expect(entry.command).toMatch(/ permission-request #ccbell:default$/);
    expect(entry.timeout).toBe(70);
  });

  it('with --http writes http hooks to the app (SessionStart stays a command) and prints the token export', async () => {
    const h = home(FOREIGN);
    const { out } = await h.setup('--http', '--port', '47999');
    const hooks = h.json().hooks;
    expect(hooks.Stop.at(-1).hooks[0]).toEqual({
      type: 'http',
      url: 'http://127.0.0.1:47999/hooks?ccbell_instance=default',
      // The session's terminal place rides along, filled in by Claude Code (docs/focus.md).
      headers: {
        Authorization: 'Bearer $CCBELL_HOOK_TOKEN_DEFAULT',
        'X-Ccbell-Tmux': braced('TMUX'),
        'X-Ccbell-Tmux-Pane': braced('TMUX_PANE'),
        'X-Ccbell-Kitty-Window': braced('KITTY_WINDOW_ID'),
        'X-Ccbell-Kitty-Listen-On': braced('KITTY_LISTEN_ON'),
        'X-Ccbell-Wezterm-Pane': braced('WEZTERM_PANE'),
        'X-Ccbell-Window-Id': braced('WINDOWID'),
        'X-Ccbell-Term-Program': braced('TERM_PROGRAM'),
      },
      allowedEnvVars: [
        'CCBELL_HOOK_TOKEN_DEFAULT',
        'TMUX',
        'TMUX_PANE',
        'KITTY_WINDOW_ID',
        'KITTY_LISTEN_ON',
        'WEZTERM_PANE',
        'WINDOWID',
        'TERM_PROGRAM',
      ],
      timeout: 10,
    });
    expect(hooks.PermissionRequest[0].hooks[0]).toMatchObject({ type: 'http', timeout: 250 });
    expect(hooks.SessionStart[0].hooks[0].type).toBe('command');
    expect(installedEvents(hooks, 'default')).toEqual(new Set(EVENT_NAMES));
    const token = readFileSync(join(h.dir, 'ccbell-cache', 'hook-token'), 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(out).toContain(`export CCBELL_HOOK_TOKEN_DEFAULT=${token}`);
    await h.setup('--remove');
    expect(h.json()).toEqual(FOREIGN);
  });

  it('with --http and no fixed port says how to set one', async () => {
    const h = home();
    await expect(h.setup('--http')).rejects.toThrow(
      /pass --port N \(1024-65535; it is recorded as "appPort" in .*ccbell\.config\.json\)/,
    );
    expect(existsSync(h.path)).toBe(false);
  });

  it('with --http --port records the port as appPort, keeping every other config field', async () => {
    const h = home();
    const config = join(h.dir, 'ccbell.config.json');
    writeFileSync(config, '{"events": {"stop": {"volume": 0.3}}, "appPort": 47000, "x-note": "mine"}');
    const { out } = await h.setup('--http', '--port', '47811');
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      events: { stop: { volume: 0.3 } },
      appPort: 47811,
      'x-note': 'mine',
    });
    expect(out).toContain(`recorded appPort 47811 in ${config} (was 47000)`);
    // Without --port, the recorded one is used.
    await h.setup('--http');
    expect(h.json().hooks.Stop.at(-1).hooks[0].url).toBe(
      'http://127.0.0.1:47811/hooks?ccbell_instance=default',
    );
  });

  it('with --http --port creates the config when there is none', async () => {
    const h = home();
    await h.setup('--http', '--port', '47812');
    expect(JSON.parse(readFileSync(join(h.dir, 'ccbell.config.json'), 'utf8'))).toEqual({ appPort: 47812 });
  });

  it('with --http --port refuses a broken config and writes nothing', async () => {
    const h = home(FOREIGN);
    const before = h.text();
    const config = join(h.dir, 'ccbell.config.json');
    writeFileSync(config, '{"appPort": ');
    await expect(h.setup('--http', '--port', '47813')).rejects.toThrow(
      /ccbell\.config\.json: is not valid JSON/,
    );
    expect(readFileSync(config, 'utf8')).toBe('{"appPort": ');
    expect(h.text()).toBe(before);
  });

  it.each(['80', '0', '65536', '47x'])('refuses --port %s with the one port rule', async (port) => {
    const h = home();
    await expect(h.setup('--http', '--port', port)).rejects.toThrow(
      `--port must be a port number from 1024 to 65535 (got "${port}")`,
    );
    expect(existsSync(h.path)).toBe(false);
  });

  it('--remove works for an instance that no longer exists', async () => {
    const h = home(FOREIGN);
    writeFileSync(join(h.dir, 'ccbell-instances.json'), '{"gone": {}}');
    await h.setup('--instance', 'gone');
    writeFileSync(join(h.dir, 'ccbell-instances.json'), '{}');
    const { code, out } = await h.setup('--remove', '--instance', 'gone');
    expect(code).toBe(0);
    expect(out).toContain('removed the ccbell hooks of "gone"');
    expect(h.json()).toEqual(FOREIGN);
  });

  it('--print --remove prints what would be removed and writes nothing', async () => {
    const h = home(FOREIGN);
    await h.setup();
    const before = h.text();
    const { out } = await h.setup('--remove', '--print');
    const printed = JSON.parse(out);
    expect(printed.file).toBe(h.path);
    expect(installedEvents(printed.remove, 'default')).toEqual(new Set(EVENT_NAMES));
    expect(printed.remove.Stop).toEqual([h.json().hooks.Stop[1]]); // not the foreign one
    expect(h.text()).toBe(before);
  });

  it('gives my-work and my_work different token variables', async () => {
    const h = home();
    writeFileSync(join(h.dir, 'ccbell-instances.json'), '{"my-work": {}, "my_work": {}}');
    await h.setup('--instance', 'my_work', '--http', '--port', '47821');
    await h.setup('--instance', 'my-work', '--http', '--port', '47822');
    const vars = h
      .json()
      .hooks.Stop.map((g: { hooks: { allowedEnvVars: string[] }[] }) => g.hooks[0]!.allowedEnvVars[0]);
    expect(vars).toEqual(['CCBELL_HOOK_TOKEN_MY_WORK', 'CCBELL_HOOK_TOKEN_MY__2DWORK']);
  });

  it.each([
    ['not JSON', '{"hooks": {"Stop": ['],
    ['not an object', '[1, 2]'],
    ['hooks not an object', '{"hooks": "yes"}'],
  ])('refuses a settings file that is %s and leaves it untouched', async (_what, text) => {
    const h = home(text);
    const mtime = statSync(h.path).mtimeMs;
    await expect(h.setup()).rejects.toBeInstanceOf(ConfigError);
    expect(h.text()).toBe(text);
    expect(statSync(h.path).mtimeMs).toBe(mtime);
    expect(existsSync(`${h.path}.ccbell-backup`)).toBe(false);
  });
});

describe('ccbell setup through the built CLI', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    assertBuilt();
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it('--print prints the hooks and writes nothing', async () => {
    const run = await sandbox.run(['setup', '--print']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(run.stdout);
    expect(installedEvents(printed.hooks, 'default')).toEqual(new Set(EVENT_NAMES));
    expect(printed.hooks.Stop[0].hooks[0].command).toBe(
      `${process.execPath} ${cliPath} --instance default stop #ccbell:default`,
    );
    expect(existsSync(join(sandbox.claudeDir, 'settings.json'))).toBe(false);
  });

  it('app --port takes 0 (any free port) but not a port below 1024, as setup and appPort', async () => {
    const run = await sandbox.run(['app', '--port', '80', '--no-open']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ccbell: --port must be a port number from 1024 to 65535 (or 0: any free port) (got "80")\n',
    );
  });

  it('refuses a broken settings.json with one line naming it, exit 1, file untouched', async () => {
    const text = '{"hooks": {';
    const path = sandbox.write('home/.claude/settings.json', text);
    const run = await sandbox.run(['setup', '--instance', 'default']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^ccbell: ${path}: is not valid JSON .*ccbell will not touch it\\n$`),
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(`${path}.ccbell-backup`)).toBe(false);
  });
});
