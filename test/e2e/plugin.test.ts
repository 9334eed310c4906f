// ccbell as a Claude Code plugin, installed the usual way with the real Claude Code CLI into a
// temporary HOME: `claude plugin marketplace add` (the checkout, then a git URL), `claude plugin
// install ccbell@ccbell`, then a `claude -p` session, offline, whose hooks run the plugin's own
// copy of the hook path and sounds. Also `claude plugin validate --strict` on both manifests.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from './support/ccbell.js';
import { claudeBin, claudeEnv, repoRoot, runClaude } from './support/claude.js';
import { type GitHttpServer, startGitHttpServer } from './support/git-http.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

const run = promisify(execFile);

// What a plugin install may weigh: plugin/ is about 0.45 MB (the hook path and 13 sounds). The
// root of the checkout, node_modules included, weighed 646 MB when it was the plugin.
const MAX_INSTALL_BYTES = 1024 * 1024;

let api: StandInApi;
let world: World;

beforeAll(async () => {
  api = await startStandInApi();
});
afterAll(async () => {
  await api?.close();
});

/** Runs `claude ARGS` (not a session: plugin commands) in the world's HOME, offline. */
async function claude(args: string[], cwd = world.home) {
  const env = claudeEnv(process.env, world.home, api.url, { PATH: world.env.PATH! });
  const { stdout, stderr } = await run(claudeBin, args, { cwd, env, timeout: 60_000 });
  return stdout + stderr;
}

/** Bytes of every regular file under `dir`, and whether a node_modules directory is among them. */
async function weigh(dir: string): Promise<{ bytes: number; nodeModules: boolean }> {
  let bytes = 0;
  let nodeModules = false;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory() && entry.name === 'node_modules') nodeModules = true;
    if (entry.isFile()) bytes += (await lstat(join(entry.parentPath, entry.name))).size;
  }
  return { bytes, nodeModules };
}

/**
 * A world whose default instance plays through a recording script named by absolute path (so
 * nothing depends on which players are on PATH), with a debug log.
 */
async function makePluginWorld(): Promise<World> {
  const next = await makeWorld();
  const player = join(next.binDir, 'record-player');
  await writeFile(player, `#!/bin/sh\necho "record-player $*" >> '${next.playLog}'\n`);
  await chmod(player, 0o755);
  await writeFile(join(next.home, '.claude', 'ccbell.config.json'), JSON.stringify({ player, debug: true }));
  return next;
}

/** Runs one offline session in a fresh project and returns what the player was asked to play. */
async function playedInOneSession(): Promise<string[]> {
  const cwd = join(world.home, 'project');
  await mkdir(cwd, { recursive: true });
  const session = await runClaude({
    home: world.home,
    cwd,
    apiUrl: api.url,
    prompt: 'say hello',
    env: { PATH: world.env.PATH! },
    unsetEnv: ['NODE_EXTRA_CA_CERTS'],
  });
  expect(session.code, session.stderr).toBe(0);
  expect(session.stderr).not.toMatch(/hook.*(failed|error)/i);
  const played = await readFile(world.playLog, 'utf8').catch(() => '');
  return played.trim().split('\n').filter(Boolean);
}

/** Where Claude Code put the installed plugin, as installed_plugins.json records it. */
async function installPath(): Promise<string> {
  const record = JSON.parse(
    await readFile(join(world.home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'),
  ) as { plugins: Record<string, { installPath: string }[]> };
  const entry = record.plugins['ccbell@ccbell']?.[0];
  expect(entry, JSON.stringify(record)).toBeDefined();
  return entry!.installPath;
}

describe('claude plugin validate --strict', () => {
  beforeAll(async () => {
    world = await makePluginWorld();
  });

  it('passes the marketplace manifest (the checkout) and the plugin (plugin/)', async () => {
    expect(await claude(['plugin', 'validate', '--strict', repoRoot])).toMatch(/Validation passed/);
    expect(await claude(['plugin', 'validate', '--strict', join(repoRoot, 'plugin')])).toMatch(
      /Validation passed/,
    );
  });
});

describe('the plugin installed from the checkout', () => {
  beforeAll(async () => {
    world = await makePluginWorld();
  });

  it('installs small, with no node_modules, and its hooks run from the checkout’s plugin/', async () => {
    expect(await claude(['plugin', 'marketplace', 'add', repoRoot])).toMatch(
      /Successfully added marketplace: ccbell/,
    );
    expect(await claude(['plugin', 'install', 'ccbell@ccbell'])).toMatch(
      /Successfully installed plugin: ccbell@ccbell/,
    );

    // Claude Code copies plugin/ into its cache (what the install weighs)...
    const installed = await installPath();
    expect(installed.startsWith(join(world.home, '.claude', 'plugins', 'cache'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'lib', 'cli.cjs'))).toBe(true);
    const { bytes, nodeModules } = await weigh(join(world.home, '.claude', 'plugins'));
    expect(nodeModules).toBe(false);
    expect(bytes).toBeLessThan(MAX_INSTALL_BYTES);
    expect(bytes).toBeGreaterThan(300 * 1024); // the 13 sounds and the hook path are there

    // ...but for a marketplace that is a local directory, 2.1.330 reads the plugin in place
    // ("Read from: <checkout>/plugin" in `claude plugin list`): the hooks run the checkout's copy.
    expect(await claude(['plugin', 'list'])).toContain(join(repoRoot, 'plugin'));
    // Sounds on by default: stop (session start and end are off).
    expect(await playedInOneSession()).toEqual([
      `record-player ${join(repoRoot, 'plugin', 'sounds', 'stop.wav')}`,
    ]);
    const log = await readFile(join(world.home, '.claude', 'ccbell.log'), 'utf8');
    expect(log).toMatch(/instance=default event=stop /);
  });

  it('uninstalls: the next session plays nothing; the cache copy is marked for removal', async () => {
    const installed = await installPath();
    expect(await claude(['plugin', 'uninstall', 'ccbell@ccbell'])).toMatch(/Successfully uninstalled/);
    expect(existsSync(join(installed, '.orphaned_at'))).toBe(true);
    await rm(world.playLog, { force: true });
    expect(await playedInOneSession()).toEqual([]);
    expect(await claude(['plugin', 'marketplace', 'remove', 'ccbell'])).toMatch(/ccbell/);
  });
});

describe('the plugin installed from a git URL', () => {
  let git: GitHttpServer;
  let served: string;

  beforeAll(async () => {
    world = await makePluginWorld();
    // What is committed, and nothing else: a bare clone of the checkout's HEAD.
    served = join(world.home, '..', 'served');
    await mkdir(served);
    await run('git', ['clone', '--quiet', '--bare', repoRoot, join(served, 'ccbell.git')]);
    git = await startGitHttpServer(served);
  });
  afterAll(async () => {
    await git?.close();
  });

  it('gets the built hook path from git (dist/ is not committed; plugin/dist/ is)', async () => {
    expect(await claude(['plugin', 'marketplace', 'add', `${git.url}/ccbell.git`])).toMatch(
      /Successfully added marketplace: ccbell/,
    );
    expect(await claude(['plugin', 'install', 'ccbell@ccbell'])).toMatch(
      /Successfully installed plugin: ccbell@ccbell/,
    );
    const installed = await installPath();
    const { bytes, nodeModules } = await weigh(installed);
    expect(nodeModules).toBe(false);
    expect(bytes).toBeLessThan(MAX_INSTALL_BYTES);
    // From git, the hooks run the cache's copy.
    expect(await playedInOneSession()).toEqual([`record-player ${join(installed, 'sounds', 'stop.wav')}`]);
  });

  it('updates to a new version with `marketplace update` and `plugin update`', async () => {
    const before = await installPath();
    const work = join(served, 'work');
    await run('git', ['clone', '--quiet', join(served, 'ccbell.git'), work]);
    const commitAndPush = async (message: string) => {
      await run('git', ['-C', work, 'add', '-A']);
      await run('git', [
        '-C',
        work,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit',
        '--quiet',
        '-m',
        message,
      ]);
      await run('git', ['-C', work, 'push', '--quiet', 'origin', 'HEAD']);
    };
    await writeFile(join(work, 'plugin', 'hooks', 'NEW'), 'a change\n');
    await commitAndPush('a change, same version');
    expect(await claude(['plugin', 'marketplace', 'update', 'ccbell'])).toMatch(/Successfully updated/);
    // The version in plugin.json is what counts, not the commit.
    expect(await claude(['plugin', 'update', 'ccbell@ccbell'])).toMatch(/already at the latest version/);
    expect(await installPath()).toBe(before);

    const manifestFile = join(work, 'plugin', '.claude-plugin', 'plugin.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, version: '99.0.0' }));
    await commitAndPush('a new version');
    expect(await claude(['plugin', 'marketplace', 'update', 'ccbell'])).toMatch(/Successfully updated/);
    expect(await claude(['plugin', 'update', 'ccbell@ccbell'])).toMatch(/updated from \S+ to 99\.0\.0/);
    const after = await installPath();
    expect(after).not.toBe(before);
    expect(await readFile(join(after, 'hooks', 'NEW'), 'utf8')).toBe('a change\n');
  });
});
