// The real Claude Code CLI, offline, with the hooks `ccbell service install` wires: http hooks
// whose bearer token Claude Code takes from the settings' `env` block. With the app running as
// the unit runs it, a session's Stop plays exactly one sound; with the app down, none, and
// Claude Code reports the failed hook.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  makeWorld,
  type World,
} from './support/ccbell.js';
import { repoRoot, runClaude } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

let api: StandInApi;
let world: World;
let app: Background | undefined;

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  // A systemctl that fails as it does without a user manager: the test must never enable a
  // real unit on the machine that runs it.
  const systemctl = join(world.binDir, 'systemctl');
  await writeFile(systemctl, '#!/bin/sh\necho "Failed to connect to bus: No medium found" >&2\nexit 1\n');
  await chmod(systemctl, 0o755);
  expect((await ccbell(world, ['instance', 'create', 'svc'])).code).toBe(0);
});
afterAll(async () => {
  app?.child.kill('SIGKILL');
  await api?.close();
});

const plays = async () =>
  (await readFile(world.playLog, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);

async function session(extraEnv: Record<string, string> = {}) {
  return runClaude({
    home: world.home,
    cwd: world.home,
    apiUrl: api.url,
    prompt: 'say hello',
    env: { PATH: world.env.PATH!, ...extraEnv },
    unsetEnv: ['NODE_EXTRA_CA_CERTS'],
  });
}

describe('hooks wired by ccbell service install, with the real Claude Code', () => {
  it('sound once per Stop while the app runs (token from settings env), none while it is down', async () => {
    const install = await ccbell(world, ['service', 'install', '--instance', 'svc']);
    expect(install.code, install.stderr).toBe(0);
    const port = JSON.parse(
      await readFile(join(world.home, '.claude', 'ccbell-svc.config.json'), 'utf8'),
    ).appPort;
    const unit = await readFile(join(world.home, '.config', 'systemd', 'user', 'ccbell-svc.service'), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)![1]!.split(' ');
    expect(execStart.slice(2)).toEqual(['app', '--instance', 'svc', '--no-open', '--port', String(port)]);

    // The app as the unit runs it.
    app = ccbellBackground(world, execStart.slice(2));
    await app.waitFor(/page: http/);

    // A stale token exported in the shell (what `setup --http` once advised) does not win over
    // the settings' env: Claude Code applies settings.env over its own environment.
    const up = await session({ CCBELL_HOOK_TOKEN_SVC: 'stale-token-from-an-old-profile' });
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).not.toContain('hook');
    await expect
      .poll(plays, { timeout: 5000 })
      .toEqual([`pw-play --volume=0.5 ${join(repoRoot, 'sounds', 'stop.wav')}`]);
    expect(app.output()).toMatch(/stop · /);

    app.child.kill('SIGTERM');
    await app.exited;
    app = undefined;
    const down = await session();
    expect(down.code).toBe(0);
    // Claude Code says the hook failed (in -p mode it prints the SessionEnd one), and nothing sounds.
    expect(down.stderr).toContain(`hook [http://127.0.0.1:${port}/hooks?ccbell_instance=svc] failed`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await plays()).toHaveLength(1);

    const status = await ccbell(world, ['service', 'status', '--instance', 'svc']);
    expect(status.stdout).toContain('sounds: NONE: the hooks go to an app that is not running');
  });
});
