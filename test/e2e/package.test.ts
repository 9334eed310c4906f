// The npm package as a user gets it: `npm pack`, then a global install of the tarball into a temp
// prefix with no install scripts and no network, then `ccbell setup`, a hook, `doctor` and the
// MCP approval server (the biggest bundle: the MCP SDK and zod inside) from that install alone.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './support/ccbell.js';
import { repoRoot } from './support/claude.js';

const run = promisify(execFile);

// The packed package unpacks to about 2.7 MB (the bundles, the page and 13 sounds).
const MAX_INSTALLED_BYTES = 4 * 1024 * 1024;

let root: string;
let prefix: string;
let installed: string;
let home: string;
let playLog: string;
let env: NodeJS.ProcessEnv;
let packedFiles: string[];

/** Runs the globally installed `ccbell` (its bin link, as a shell would), with `input` on stdin. */
function ccbell(
  args: string[],
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(prefix, 'bin', 'ccbell'), args, { env, cwd: home });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  assertBuilt();
  root = await mkdtemp(join(tmpdir(), 'ccbell-package-'));
  prefix = join(root, 'prefix');
  home = join(root, 'home');
  playLog = join(root, 'played.log');
  await mkdir(join(home, '.claude'), { recursive: true });
  // Packs what the build left in dist/ (`npm test` builds first); a plain `npm pack` would run
  // `prepare` and build again.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], {
    cwd: repoRoot,
  });
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((file) => file.path);
  // --offline: a package with no runtime dependencies needs nothing from the registry.
  await run(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--ignore-scripts',
      '--offline',
      '--no-audit',
      '--no-fund',
      join(root, packed!.filename),
    ],
    { cwd: root },
  );
  installed = join(prefix, 'lib', 'node_modules', 'ccbell');
  const player = join(root, 'record-player');
  await writeFile(player, `#!/bin/sh\necho "record-player $*" >> '${playLog}'\n`);
  await chmod(player, 0o755);
  await writeFile(join(home, '.claude', 'ccbell.config.json'), JSON.stringify({ player }));
  env = { HOME: home, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, LANG: 'C.UTF-8' };
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the bundles, sounds and LICENSE, and no source, tests or plugin copy', () => {
    for (const file of ['LICENSE', 'package.json', 'dist/ccbell.js', 'dist/lib/cli.cjs', 'sounds/stop.wav']) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.filter((file) => /^(src|test|scripts|plugin|node_modules)\//.test(file))).toEqual([]);
  });

  it('installs with no dependencies: nothing beside it in node_modules, small', async () => {
    const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(await readdir(join(prefix, 'lib', 'node_modules'))).toEqual(['ccbell']);
    let bytes = 0;
    for (const entry of await readdir(installed, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) bytes += (await lstat(join(entry.parentPath, entry.name))).size;
    }
    expect(bytes).toBeLessThan(MAX_INSTALLED_BYTES);
  });

  it('keeps a prepare script that does nothing where there is nothing to build', async () => {
    const { stdout } = await run('npm', ['run', 'prepare'], { cwd: installed });
    expect(stdout).toContain('prepare');
    expect(await readdir(join(installed, 'dist', 'lib'))).toContain('cli.cjs');
  });

  it('runs setup, a hook and doctor from the global install', async () => {
    const setup = await ccbell(['setup']);
    expect(setup.code, setup.stderr).toBe(0);
    const settings = await readFile(join(home, '.claude', 'settings.json'), 'utf8');
    expect(settings).toContain(join(installed, 'dist', 'ccbell.js'));

    const input = JSON.stringify({ session_id: 's1', cwd: home, hook_event_name: 'Stop' });
    const hook = await ccbell(['stop'], input);
    expect(hook.code, hook.stderr).toBe(0);
    expect((await readFile(playLog, 'utf8')).trim()).toBe(
      `record-player ${join(installed, 'sounds', 'stop.wav')}`,
    );

    const doctor = await ccbell(['doctor']);
    expect(doctor.stderr).not.toMatch(/Cannot find module|unexpected error/);
    expect(doctor.stdout).toContain(join(home, '.claude', 'ccbell.config.json'));
    expect(doctor.stdout).toMatch(/ok +sound player: custom/);
    expect(doctor.code, doctor.stdout).toBe(0);
  });

  it('runs the MCP approval server (its bundle holds the MCP SDK) with no node_modules', async () => {
    const requests = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    ];
    const server = await ccbell(
      ['approval-server'],
      `${requests.map((r) => JSON.stringify(r)).join('\n')}\n`,
    );
    expect(server.code, server.stderr).toBe(0);
    expect(server.stdout).toContain('"name":"approval_prompt"');
  });
});
