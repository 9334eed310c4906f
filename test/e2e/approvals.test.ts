// Two apps of two instances at once, each running the real Claude Code CLI offline: each app
// sees only its own session's request; allow runs the command, deny keeps it from running.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView } from '../../src/protocol/index.js';
import {
  assertBuilt,
  ccbell,
  ccbellBackground,
  eventually,
  makeWorld,
  type World,
} from './support/ccbell.js';
import { claudeBin, claudeEnv } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

/** What `ccbell pending --json` prints. */
type PendingView = ItemView;

let api: StandInApi;
let world: World;

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  for (const name of ['alpha', 'beta']) {
    const config = join(world.home, `${name}.json`);
    await writeFile(config, JSON.stringify({ debug: true }));
    expect((await ccbell(world, ['instance', 'create', name, '--config', config])).code).toBe(0);
  }
});
afterAll(async () => {
  await api?.close();
});

function appEnv(): NodeJS.ProcessEnv {
  return claudeEnv(world.env, world.home, api.url, { CCBELL_BUS_DIR: world.busDir }, ['NODE_EXTRA_CA_CERTS']);
}

async function pendingOf(instance: string): Promise<PendingView[]> {
  const run = await ccbell(world, ['pending', '--instance', instance, '--json']);
  if (run.code !== 0) return [];
  return JSON.parse(run.stdout) as PendingView[];
}

describe('two apps, two instances, real Claude Code', () => {
  it('routes each request to its own app only; allow runs, deny blocks', async () => {
    const cwdA = join(world.home, 'project-alpha');
    const cwdB = join(world.home, 'project-beta');
    await mkdir(cwdA);
    await mkdir(cwdB);
    const alpha = ccbellBackground(
      world,
      ['app', '--instance', 'alpha', '--', claudeBin, '-p', '[[bash:echo alpha > alpha.txt]]'],
      { env: appEnv(), cwd: cwdA },
    );
    const beta = ccbellBackground(
      world,
      ['app', '--instance', 'beta', '--', claudeBin, '-p', '[[bash:echo beta > beta.txt]]'],
      { env: appEnv(), cwd: cwdB },
    );
    const alphaItem = await eventually(async () => (await pendingOf('alpha'))[0]);
    const betaItem = await eventually(async () => (await pendingOf('beta'))[0]);
    expect(alphaItem.input.command).toBe('echo alpha > alpha.txt');
    expect(betaItem.input.command).toBe('echo beta > beta.txt');
    // Neither sees the other's request, and the hook and the prompt tool made one request.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await pendingOf('alpha')).map((p) => p.input.command)).toEqual(['echo alpha > alpha.txt']);
    expect((await pendingOf('beta')).map((p) => p.input.command)).toEqual(['echo beta > beta.txt']);
    // In -p mode Claude Code asks the PermissionRequest hook and the prompt tool at once.
    expect((await pendingOf('alpha'))[0]!.sources.sort()).toEqual(['hook', 'prompt-tool']);
    expect(alpha.output()).not.toContain('beta.txt');
    expect(beta.output()).not.toContain('alpha.txt');

    // Alpha is answered at its terminal prompt, beta from another terminal.
    await alpha.waitFor(/allow\? \[y\]es/);
    alpha.child.stdin!.write('y\n');
    const denied = await ccbell(world, [
      'answer',
      betaItem.id,
      'deny',
      '--instance',
      'beta',
      '--message',
      'not now',
    ]);
    expect(denied.code).toBe(0);
    const again = await ccbell(world, ['answer', betaItem.id, 'allow', '--instance', 'beta']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already answered: deny by cli/);

    expect(await alpha.exited).toBe(0);
    expect(await beta.exited).toBe(0);
    expect(await readFile(join(cwdA, 'alpha.txt'), 'utf8')).toBe('alpha\n');
    expect(existsSync(join(cwdB, 'beta.txt'))).toBe(false);

    const alphaLog = await readFile(join(world.home, '.claude', 'ccbell-alpha.log'), 'utf8');
    const betaLog = await readFile(join(world.home, '.claude', 'ccbell-beta.log'), 'utf8');
    const alphaId = /App instance ID: (\d+_\d+)/.exec(alphaLog)?.[1];
    const betaId = /App instance ID: (\d+_\d+)/.exec(betaLog)?.[1];
    expect(alphaId).toBeDefined();
    expect(betaId).toBeDefined();
    expect(alphaId).not.toBe(betaId);
    expect(alphaLog).toContain(`listening for: ClaudeCodeUIApprovalRequest_${alphaId}`);
    expect(alphaLog).toContain(`Configuring for instance: ${alphaId}`);
    expect(alphaLog).not.toContain(betaId!);
    expect(betaLog).not.toContain(alphaId!);
  });
});
