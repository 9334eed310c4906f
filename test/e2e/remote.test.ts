// Two "machines" (two HOMEs, two bus directories, two host names) and one real nats-server with
// TLS and per-user permissions: a session's hooks and approval server on machine B reach the app
// on machine A through the broker; A answers from its terminal and from `ccbell answer`; with the
// broker down B falls back at once; after a broker restart B's requests are answered again.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsFor } from '../../src/approval/identity.js';
import { remoteTransport, request } from '../../src/bus/index.js';
import { brokerSource } from '../../src/inbox/broker.js';
import { answerInInbox, type InboxApp } from '../../src/inbox/inbox.js';
import { type ItemView, parseDiscoveryReply, parsePendingReply } from '../../src/protocol/index.js';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  cliPath,
  eventually,
  makeWorld,
  type World,
} from './support/ccbell.js';
import { type NatsServer, startNatsServer } from './support/nats.js';

let nats: NatsServer;
let machineA: World;
let machineB: World;
let app: Background;
let runtimeId: string;

async function configure(world: World, user: 'alice' | 'bob', login: 'alice' | 'bob' = user) {
  const remote = {
    url: nats.url,
    user,
    credentials: { password: `file:${nats.passwordFile[login]}` },
    ca: nats.ca,
  };
  await writeFile(join(world.home, '.claude', 'ccbell.config.json'), JSON.stringify({ debug: true, remote }));
}

const envA = () => ({ CCBELL_HOST: 'machine-a' });
const sessionEnv = () => ({
  CCBELL_HOST: 'machine-b',
  CLAUDE_CODE_UI_INSTANCE_ID: runtimeId,
  CCBELL_INSTANCE: 'default',
  CCBELL_APP_HOOKS: runtimeId,
});

function permissionRequest(command: string) {
  return JSON.stringify({
    session_id: 'remote-session-1',
    transcript_path: '/nonexistent/transcript.jsonl',
    cwd: '/srv/project-on-b',
    hook_event_name: 'PermissionRequest',
    tool_name: 'Bash',
    tool_input: { command },
  });
}

async function pendingOnA(): Promise<ItemView[]> {
  const run = await ccbell(machineA, ['pending', '--json'], { env: envA() });
  return run.code === 0 ? (JSON.parse(run.stdout) as ItemView[]) : [];
}

beforeAll(async () => {
  assertBuilt();
  machineA = await makeWorld();
  machineB = await makeWorld();
  nats = await startNatsServer(join(machineA.home, '..', 'nats'));
  await configure(machineA, 'alice');
  await configure(machineB, 'alice');
  app = ccbellBackground(machineA, ['app', '--remote', '--no-open'], { env: envA() });
  const match = await app.waitFor(/remote: ccbell\.alice\.default\.(\d+_\d+)\.approval on tls:\/\//);
  runtimeId = match[1]!;
});
afterAll(async () => {
  app?.child.kill('SIGTERM');
  await app?.exited;
  await nats?.stop();
});

describe('a session on machine B, its app on machine A', () => {
  it("B's PermissionRequest hook is answered by `ccbell answer` on A; the request shows B's host", async () => {
    const hook = ccbell(machineB, ['--app-hook', 'permission-request'], {
      env: sessionEnv(),
      input: permissionRequest('echo from-b'),
    });
    const item = await eventually(async () =>
      (await pendingOnA()).find((p) => p.input.command === 'echo from-b'),
    );
    expect(item.host).toBe('machine-b');
    expect(item.cwd).toBe('/srv/project-on-b');
    // And `ccbell pending` says where it came from.
    expect((await ccbell(machineA, ['pending'], { env: envA() })).stdout).toContain('machine-b');
    const answered = await ccbell(machineA, ['answer', item.id, 'allow'], { env: envA() });
    expect(answered.code).toBe(0);
    const run = await hook;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).hookSpecificOutput.decision.behavior).toBe('allow');
    // Answered once: a second answer finds it answered.
    expect((await ccbell(machineA, ['answer', item.id, 'deny'], { env: envA() })).stderr).toMatch(
      /already answered/,
    );
  });

  it("B's approval server (the prompt tool) is answered at A's terminal", async () => {
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [cliPath, 'approval-server'],
        env: { ...(machineB.env as Record<string, string>), ...sessionEnv() },
        cwd: machineB.home,
      }),
    );
    try {
      const call = client.callTool({
        name: 'approval_prompt',
        arguments: { tool_name: 'Bash', input: { command: 'ls from-b' }, tool_use_id: 'toolu_remote_1' },
      });
      await app.waitFor(/ls from-b[\s\S]*allow\? \[y\]es/);
      expect(app.output()).toContain('machine-b');
      app.child.stdin!.write('y\n');
      const result = (await call) as { content: { text: string }[] };
      expect(JSON.parse(result.content[0]!.text)).toEqual({
        behavior: 'allow',
        updatedInput: { command: 'ls from-b' },
      });
    } finally {
      await client.close();
    }
  });

  it("B's hook events reach A's feed through the broker", async () => {
    const run = await ccbell(machineB, ['--app-hook', 'stop'], {
      env: sessionEnv(),
      input: JSON.stringify({
        session_id: 'remote-session-1',
        cwd: '/srv/project-on-b',
        hook_event_name: 'Stop',
      }),
    });
    expect(run.code).toBe(0);
    const status = await eventually(async () => {
      const reply = (await request(
        channelsFor(runtimeId).control,
        { op: 'status' },
        { timeoutMs: 5000, dir: machineA.busDir },
      )) as {
        feed: { event: string }[];
      };
      return reply.feed.some((entry) => entry.event === 'stop') ? reply : undefined;
    });
    expect(status.feed.length).toBeGreaterThan(0);
  });

  it('with the broker down, B falls back in under a second; after a restart B is answered again', async () => {
    await nats.stop();
    try {
      const started = Date.now();
      const run = await ccbell(machineB, ['--app-hook', 'permission-request'], {
        env: sessionEnv(),
        input: permissionRequest('echo while-down'),
      });
      const took = Date.now() - started;
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(''); // no decision: Claude Code's own dialog asks
      expect(took).toBeLessThan(1000);
    } finally {
      await nats.start();
    }
    // The app reconnects on its own; a request made after that is served.
    const hook = eventually(async () => {
      const run = await ccbell(machineB, ['--app-hook', 'permission-request'], {
        env: sessionEnv(),
        input: permissionRequest('echo after-restart'),
      });
      return run.stdout ? run : undefined;
    });
    const item = await eventually(async () =>
      (await pendingOnA()).find((p) => p.input.command === 'echo after-restart'),
    );
    await ccbell(machineA, ['answer', item.id, 'deny', '--message', 'not after a restart'], { env: envA() });
    const run = await hook;
    const decision = JSON.parse(run.stdout).hookSpecificOutput.decision;
    expect(decision).toEqual({ behavior: 'deny', message: 'not after a restart' });
    // Nothing was asked twice: the request made while the broker was down never reached A.
    const all = (await pendingOnA()).filter((p) => p.input.command === 'echo after-restart');
    expect(all).toEqual([]);
  });

  it("user bob, with alice's subjects in his config, is refused by the broker and A never sees it", async () => {
    const bobMachine = await makeWorld();
    await configure(bobMachine, 'alice', 'bob');
    const run = await ccbell(bobMachine, ['--app-hook', 'permission-request'], {
      env: sessionEnv(),
      input: permissionRequest('echo from-bob'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(await pendingOnA()).toEqual([]);
  });

  it("writes no secret to either machine's log", async () => {
    const { readFile } = await import('node:fs/promises');
    const password = (await readFile(nats.passwordFile.alice, 'utf8')).trim();
    for (const world of [machineA, machineB]) {
      const log = await readFile(join(world.home, '.claude', 'ccbell.log'), 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(password);
    }
    expect(app.output()).not.toContain(password);
  });

  it('lets a client of the same user find every app and list its pending requests through the broker', async () => {
    const client = remoteTransport({
      config: {
        url: [nats.url],
        user: 'alice',
        credentials: { password: `file:${nats.passwordFile.alice}` },
        ca: nats.ca,
      },
      env: {},
      mode: 'short',
      name: 'inbox test',
    });
    try {
      const hook = ccbell(machineB, ['--app-hook', 'permission-request'], {
        env: sessionEnv(),
        input: permissionRequest('echo listed-remotely'),
      });
      const apps = (await client.gather('ccbell.alice._discover', {}, { maxWaitMs: 500 })).map(
        parseDiscoveryReply,
      );
      expect(apps.map((a) => [a.runtime_id, a.host, a.instance])).toEqual([
        [runtimeId, 'machine-a', 'default'],
      ]);
      const item = await eventually(async () =>
        parsePendingReply(
          await client.request(apps[0]!.control, { op: 'pending' }, { timeoutMs: 3000 }),
        ).find((p) => p.input.command === 'echo listed-remotely'),
      );
      expect(item.host).toBe('machine-b');
      const answer = { op: 'answer', id: item.id, answer: { behavior: 'allow' }, by: 'page' };
      expect(await client.request(apps[0]!.control, answer, { timeoutMs: 3000 })).toMatchObject({ ok: true });
      expect(JSON.parse((await hook).stdout).hookSpecificOutput.decision.behavior).toBe('allow');
    } finally {
      await client.close();
    }
  });
});

describe('the inbox through the broker', () => {
  it("on machine B shows machine A's app and its waiting request, and answers it there", async () => {
    const hook = ccbell(machineB, ['--app-hook', 'permission-request'], {
      env: sessionEnv(),
      input: permissionRequest('echo inbox-remote'),
    });
    // B has no app of its own: every app the inbox shows came through the broker.
    const listed = await eventually(async () => {
      const run = await ccbell(machineB, ['inbox', '--json'], { env: { CCBELL_HOST: 'machine-b' } });
      const snapshot = JSON.parse(run.stdout) as { apps: InboxApp[] };
      const found = snapshot.apps.find((a) => a.pending.some((p) => p.input.command === 'echo inbox-remote'));
      return found ? { snapshot, found } : undefined;
    });
    expect(listed.snapshot.apps).toHaveLength(1);
    expect(listed.found).toMatchObject({
      key: `broker:${runtimeId}`,
      instance: 'default',
      host: 'machine-a',
    });
    const item = listed.found.pending.find((p) => p.input.command === 'echo inbox-remote')!;
    expect(item.host).toBe('machine-b');

    const source = brokerSource(
      {
        url: [nats.url],
        user: 'alice',
        credentials: { password: `file:${nats.passwordFile.alice}` },
        ca: nats.ca,
      },
      {},
      { host: 'machine-b', isLocal: () => false },
    );
    try {
      expect(await answerInInbox([source], listed.found.key, item.id, { behavior: 'allow' })).toMatchObject({
        ok: true,
        item: { decision: { behavior: 'allow', by: 'inbox' } },
      });
    } finally {
      await source.close();
    }
    expect(JSON.parse((await hook).stdout).hookSpecificOutput.decision.behavior).toBe('allow');
  });
});
