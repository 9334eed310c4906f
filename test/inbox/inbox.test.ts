// The inbox with three real apps (three instances on one bus): it shows what each waits for, and
// each answer reaches only the app that owns the request.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { httpHookResponse } from '../../src/app/doors/http-hook.js';
import { validateConfig } from '../../src/config/index.js';
import { answerInInbox, gatherInbox, type InboxSource } from '../../src/inbox/inbox.js';
import { localSource } from '../../src/inbox/local.js';
import { claimPidFile, createInstance } from '../../src/instance/index.js';
import { openLogger } from '../../src/log/index.js';

const NAMES = ['work', 'personal', 'test'];
const apps = new Map<string, RunningApp>();
const decisions = new Map<string, Promise<Record<string, unknown>>>();
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'ccbell-inbox-'));
  env = { HOME: home, PATH: '', CCBELL_BUS_DIR: join(home, 'bus') };
  mkdirSync(join(home, '.claude'));
  for (const name of NAMES) {
    const instance = createInstance(name, undefined, env);
    const { config } = validateConfig({});
    const app = await startApp({
      instance,
      loaded: { config, path: instance.config_path, exists: true, problems: [] },
      logger: openLogger(instance.log_path, false),
      env,
      bundledSoundsDir: join(home, 'sounds'),
      busDir: env.CCBELL_BUS_DIR!,
    });
    claimPidFile(instance.pid_path, {
      pid: process.pid,
      runtimeId: app.identity.id,
      instance: name,
      startedAt: new Date().toISOString(),
    });
    apps.set(name, app);
    // One waiting request per app, each from a session in its own project.
    decisions.set(
      name,
      httpHookResponse(app.core, {
        hook_event_name: 'PermissionRequest',
        session_id: `${name}-session-1234`,
        cwd: `/src/${name}-project`,
        tool_name: 'Bash',
        tool_input: { command: `make ${name}` },
      }),
    );
    app.core.observe({ hook_event_name: 'Stop', session_id: `${name}-other`, cwd: `/src/${name}-other` });
  }
});

afterAll(async () => {
  await Promise.all([...apps.values()].map((app) => app.stop()));
});

describe('inbox', () => {
  it('shows every app, its pending requests and its events, labelled', async () => {
    const snapshot = await gatherInbox([localSource(env)]);
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.apps.map((app) => app.instance).sort()).toEqual([...NAMES].sort());
    for (const app of snapshot.apps) {
      expect(app.key).toBe(`local:${apps.get(app.instance)!.identity.id}`);
      expect(app.pending).toHaveLength(1);
      expect(app.pending[0]).toMatchObject({
        tool_name: 'Bash',
        summary: `make ${app.instance}`,
        session_id: `${app.instance}-session-1234`,
      });
      expect(app.pending[0]!.place).toContain(`${app.instance}-project`);
      expect(app.feed.map((entry) => entry.event)).toEqual(['stop']);
    }
  });

  it('hands an answer to its owner only', async () => {
    const source = localSource(env);
    const { apps: listed } = await gatherInbox([source]);
    const work = listed.find((app) => app.instance === 'work')!;
    const personal = listed.find((app) => app.instance === 'personal')!;
    // Work's request id sent to personal's app: personal does not have it, nothing happens.
    expect(await answerInInbox([source], personal.key, work.pending[0]!.id, { behavior: 'allow' })).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await answerInInbox([source], 'local:1_1', work.pending[0]!.id, { behavior: 'allow' })).toEqual({
      ok: false,
      reason: 'no-app',
    });
    const reply = await answerInInbox([source], work.key, work.pending[0]!.id, { behavior: 'allow' });
    expect(reply).toMatchObject({ ok: true, item: { decision: { behavior: 'allow', by: 'inbox' } } });
    expect(await decisions.get('work')).toMatchObject({
      hookSpecificOutput: { decision: { behavior: 'allow' } },
    });
    const after = await gatherInbox([source]);
    expect(after.apps.map((app) => [app.instance, app.pending.length]).sort()).toEqual([
      ['personal', 1],
      ['test', 1],
      ['work', 0],
    ]);
  });

  it('names a source that fails, and still shows the others', async () => {
    const broken: InboxSource = {
      name: 'broker',
      list: () => Promise.reject(new Error('no responders')),
      answer: () => Promise.reject(new Error('unreachable')),
    };
    const snapshot = await gatherInbox([localSource(env), broken]);
    expect(snapshot.apps).toHaveLength(3);
    expect(snapshot.problems).toEqual(['broker: no responders']);
  });
});
