// The README's quick start, run as written: each of its three one-command paths, taken from the
// README's text, in a temporary HOME, from this checkout. `npm install` is the one step not run
// again (the checkout is installed and built already, as after `npm install` on a fresh clone;
// `.ci/run` runs that step on a clean clone), and `/path/to/ccbell` is this checkout.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeWorld, removeWorld, type World } from './support/ccbell.js';
import { claudeBin, claudeEnv, repoRoot } from './support/claude.js';

const run = promisify(execFile);

/** The three commands of the README's "Quick start", in order, from its ```sh blocks. */
function quickStartCommands(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('## Quick start');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
}

let world: World;
let shims: string;

beforeAll(async () => {
  assertBuilt();
  world = await makeWorld();
  shims = join(dirname(world.home), 'shims');
  await mkdir(shims);
  // `npm install` is done (see above); any other npm use would be a surprise, and fails loudly.
  writeFileSync(
    join(shims, 'npm'),
    '#!/bin/sh\n[ "$1" = install ] && [ $# -eq 1 ] && exit 0\necho "unexpected npm $*" >&2; exit 1\n',
  );
  // The service manager, recording what it is asked (no user systemd here).
  writeFileSync(
    join(shims, 'systemctl'),
    `#!/bin/sh\necho "systemctl $*" >> '${world.home}/systemctl.log'\n`,
  );
  for (const name of ['npm', 'systemctl']) chmodSync(join(shims, name), 0o755);
});

afterAll(async () => {
  await removeWorld(world);
});

/** Runs one README command in bash, in the checkout, as a person would, with the world's HOME. */
async function asWritten(command: string) {
  const env = claudeEnv(
    process.env,
    world.home,
    'http://127.0.0.1:9',
    {
      PATH: `${shims}:${dirname(claudeBin)}:${world.env.PATH!}`,
      XDG_CONFIG_HOME: join(world.home, '.config'),
    },
    ['NODE_EXTRA_CA_CERTS'],
  );
  return run('bash', ['-c', command.replaceAll('/path/to/ccbell', repoRoot)], {
    cwd: repoRoot,
    env,
    timeout: 90_000,
  });
}

const settings = () => JSON.parse(readFileSync(join(world.home, '.claude', 'settings.json'), 'utf8'));

describe("the README's quick start, as written", () => {
  const commands = quickStartCommands();

  it('has three one-command paths', () => {
    expect(commands).toHaveLength(3);
    for (const command of commands) expect(command.split('\n')).toHaveLength(1);
  });

  it('1. sounds only: wires every event as command hooks', async () => {
    await asWritten(commands[0]!);
    const hooks = JSON.stringify(settings().hooks);
    expect(hooks).toContain('#ccbell:default');
    expect(hooks).toContain(join(repoRoot, 'dist', 'ccbell.js'));
    expect(Object.keys(settings().hooks)).toEqual(
      expect.arrayContaining(['Stop', 'Notification', 'PermissionRequest']),
    );
    await asWritten('node dist/ccbell.js setup --remove');
  });

  it('2. approvals for every session: a unit at login, http hooks, the token in Claude Code settings', async () => {
    const { stdout, stderr } = await asWritten(commands[1]!);
    const unit = join(world.home, '.config', 'systemd', 'user', 'ccbell-default.service');
    expect(existsSync(unit), stdout + stderr).toBe(true);
    expect(readFileSync(unit, 'utf8')).toContain(
      `${join(repoRoot, 'dist', 'ccbell.js')} app --instance default`,
    );
    expect(JSON.stringify(settings().hooks)).toContain('"type":"http"');
    expect(settings().env).toHaveProperty('CCBELL_HOOK_TOKEN_DEFAULT');
    expect(readFileSync(join(world.home, 'systemctl.log'), 'utf8')).toMatch(/--user .*enable/);
    await asWritten('node dist/ccbell.js service uninstall');
  });

  it('3. the plugin: Claude Code installs it from this checkout', async () => {
    await asWritten(commands[2]!);
    const installed = JSON.parse(
      readFileSync(join(world.home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'),
    ) as { plugins: Record<string, unknown> };
    expect(Object.keys(installed.plugins)).toContain('ccbell@ccbell');
  });
});
