// The real Claude Code, offline, on "machine B"; its app on "machine A" with --remote; one real
// nats-server (TLS, per-user permissions) between them. B is started as `ccbell mcp-config
// --remote` on A says; its Bash call is asked on A, allowed there, and runs on B.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView } from '../../src/protocol/index.js';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  eventually,
  makeWorld,
  type World,
} from './support/ccbell.js';
import { runClaude } from './support/claude.js';
import { type NatsServer, startNatsServer } from './support/nats.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

let api: StandInApi;
let nats: NatsServer;
let machineA: World;
let machineB: World;
let app: Background;

async function configure(world: World) {
  const remote = {
    url: nats.url,
    user: 'alice',
    credentials: { password: `file:${nats.passwordFile.alice}` },
    ca: nats.ca,
  };
  await writeFile(join(world.home, '.claude', 'ccbell.config.json'), JSON.stringify({ debug: true, remote }));
}

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  machineA = await makeWorld();
  machineB = await makeWorld();
  nats = await startNatsServer(join(machineA.home, '..', 'nats'));
  await configure(machineA);
  await configure(machineB);
  app = ccbellBackground(machineA, ['app', '--remote', '--no-open'], { env: { CCBELL_HOST: 'machine-a' } });
  await app.waitFor(/remote: ccbell\.alice\.default\.\d+_\d+\.approval/);
});
afterAll(async () => {
  app?.child.kill('SIGTERM');
  await app?.exited;
  await nats?.stop();
  await api?.close();
});

describe('real Claude Code on machine B, its app on machine A', () => {
  it('asks A about a Bash call through the broker; allowed on A, it runs on B', async () => {
    const plan = await ccbell(machineA, ['mcp-config', '--remote', '--json'], {
      env: { CCBELL_HOST: 'machine-a' },
    });
    expect(plan.code).toBe(0);
    const { args, env, remote } = JSON.parse(plan.stdout) as {
      args: string[];
      env: Record<string, string>;
      remote: { user: string };
    };
    expect(remote.user).toBe('alice');
    expect(plan.stdout).not.toContain((await readFile(nats.passwordFile.alice, 'utf8')).trim());

    const project = join(machineB.home, 'project-on-b');
    await mkdir(project);
    const session = runClaude({
      home: machineB.home,
      cwd: project,
      apiUrl: api.url,
      prompt: '[[bash:echo remote-ok > remote.txt]]',
      args,
      env: {
        ...env,
        CCBELL_HOST: 'machine-b',
        CCBELL_BUS_DIR: machineB.busDir,
        PATH: machineB.env.PATH!,
      },
      unsetEnv: ['NODE_EXTRA_CA_CERTS'],
      timeoutMs: 90_000,
    });
    const item = await eventually(async () => {
      const run = await ccbell(machineA, ['pending', '--json'], { env: { CCBELL_HOST: 'machine-a' } });
      return run.code === 0 ? (JSON.parse(run.stdout) as ItemView[])[0] : undefined;
    }, 60_000);
    expect(item.input.command).toBe('echo remote-ok > remote.txt');
    expect(item.host).toBe('machine-b');
    // The PermissionRequest hook and the prompt tool both came through the broker: one request.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = JSON.parse((await ccbell(machineA, ['pending', '--json'])).stdout) as ItemView[];
    expect(again).toHaveLength(1);
    expect(again[0]!.sources.sort()).toEqual(['hook', 'prompt-tool']);

    expect((await ccbell(machineA, ['answer', item.id, 'allow'])).code).toBe(0);
    const result = await session;
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(0);
    expect(await readFile(join(project, 'remote.txt'), 'utf8')).toBe('remote-ok\n');
  });
});
