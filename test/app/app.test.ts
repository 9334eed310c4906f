import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { httpHookResponse } from '../../src/app/doors/http-hook.js';
import { channelsFor } from '../../src/approval/index.js';
import { observe, post, request } from '../../src/bus/index.js';
import { validateConfig } from '../../src/config/index.js';
import { defaultInstancePaths } from '../../src/instance/index.js';
import { openLogger } from '../../src/log/index.js';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function start(raw: unknown, acceptLegacy = false, soundsDir?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ccbell-app-'));
  const busDir = join(dir, 'bus');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(busDir, { mode: 0o700 });
  const { config } = validateConfig(raw);
  const instance = defaultInstancePaths('work', dir);
  app = await startApp({
    instance,
    loaded: { config, path: instance.config_path, exists: true, problems: [] },
    logger: openLogger(instance.log_path, true),
    env: { PATH: '' },
    bundledSoundsDir: soundsDir ?? join(dir, 'sounds'),
    busDir,
    acceptLegacy,
  });
  return { app, busDir, dir };
}

const hookQuestion = (command: string, session = 's1') => ({
  kind: 'permission_request',
  tool_name: 'Bash',
  input: { command },
  session_id: session,
  cwd: '/tmp/project',
});

describe('the app', () => {
  it('decides by rules first, deny winning', async () => {
    const { app, busDir } = await start({ approvals: { allow: ['Bash(echo *)'], deny: ['Bash(rm *)'] } });
    const allowed = await request(app.channels.request, hookQuestion('echo hi'), {
      timeoutMs: 2000,
      dir: busDir,
    });
    expect(allowed).toMatchObject({ behavior: 'allow', answered_by: 'rules' });
    const denied = await request(app.channels.request, hookQuestion('echo a && rm -rf /'), {
      timeoutMs: 2000,
      dir: busDir,
    });
    expect(denied).toMatchObject({ behavior: 'deny', answered_by: 'rules' });
  });

  it('starts with the good rules when some are broken, logging each broken one', async () => {
    const { app, busDir, dir } = await start({
      approvals: { allow: ['Bash(', 'Bash(echo *)'], deny: ['Read(../x)', 'Bash(rm *)'] },
    });
    const allowed = await request(app.channels.request, hookQuestion('echo hi'), {
      timeoutMs: 2000,
      dir: busDir,
    });
    expect(allowed).toMatchObject({ behavior: 'allow', answered_by: 'rules' });
    const denied = await request(app.channels.request, hookQuestion('rm x'), {
      timeoutMs: 2000,
      dir: busDir,
    });
    expect(denied).toMatchObject({ behavior: 'deny', answered_by: 'rules' });
    const log = readFileSync(defaultInstancePaths('work', dir).log_path, 'utf8');
    expect(log).toContain('approvals.allow[0] "Bash(" is not a valid rule: no closing ")"; skipping it');
    expect(log).toContain('approvals.deny[0] "Read(../x)" is not a valid rule: ".." is not allowed');
  });

  it('answers through the control channel; the first answer wins', async () => {
    const { app, busDir } = await start({});
    const waiting = request(app.channels.request, hookQuestion('make deploy'), {
      timeoutMs: 5000,
      dir: busDir,
    });
    const control = app.channels.control;
    let pending: { pending: { id: string; summary: string }[] };
    do
      pending = (await request(
        control,
        { op: 'pending' },
        { timeoutMs: 2000, dir: busDir },
      )) as typeof pending;
    while (pending.pending.length === 0);
    const id = pending.pending[0]!.id;
    expect(pending.pending[0]!.summary).toContain('make deploy');
    const first = await request(
      control,
      { op: 'answer', id, answer: { behavior: 'deny', message: 'not today' }, by: 'cli' },
      { timeoutMs: 2000, dir: busDir },
    );
    expect(first).toMatchObject({ ok: true });
    const second = await request(
      control,
      { op: 'answer', id, answer: { behavior: 'allow' }, by: 'cli' },
      { timeoutMs: 2000, dir: busDir },
    );
    expect(second).toMatchObject({
      ok: false,
      reason: 'already-answered',
      item: { decision: { by: 'cli' } },
    });
    expect(await waiting).toMatchObject({ behavior: 'deny', message: 'not today', answered_by: 'cli' });
  });

  it('answers prompt-tool requests on its response channel, keeping the input whole', async () => {
    const { app, busDir } = await start({ approvals: { allow: ['Bash(echo *)'] } });
    const answers: unknown[] = [];
    const listener = await observe(app.channels.response, (payload) => void answers.push(payload), {
      dir: busDir,
    });
    const input = { command: 'echo hi', nested: { list: [1, { deep: ['x'] }] } };
    const delivery = await post(
      app.channels.request,
      { tool_name: 'Bash', input, tool_use_id: 'toolu_9' },
      { dir: busDir },
    );
    expect(delivery.delivered).toBe(1);
    for (let i = 0; i < 50 && answers.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([{ tool_use_id: 'toolu_9', behavior: 'allow' }]);
    expect(app.core.desk.book.all()[0]!.input).toEqual(input);
    await listener.close();
  });

  it('remembers "always allow for the session" for that session only', async () => {
    const { app, busDir } = await start({});
    const first = request(app.channels.request, hookQuestion('git push', 'A'), {
      timeoutMs: 5000,
      dir: busDir,
    });
    while (app.core.desk.book.pending().length === 0) await new Promise((r) => setTimeout(r, 10));
    app.core.desk.answer(app.core.desk.pending()[0]!.id, { behavior: 'allow', always: true }, 'page');
    expect(await first).toMatchObject({ behavior: 'allow', session_rule: 'Bash(git push)' });
    const again = await request(app.channels.request, hookQuestion('git push', 'A'), {
      timeoutMs: 2000,
      dir: busDir,
    });
    expect(again).toMatchObject({ behavior: 'allow', answered_by: 'session-rule' });
    const otherSession = request(app.channels.request, hookQuestion('git push', 'B'), {
      timeoutMs: 5000,
      dir: busDir,
    });
    while (app.core.desk.book.pending().length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(app.core.desk.book.pending()[0]!.sessionId).toBe('B');
    app.core.desk.answer(app.core.desk.book.pending()[0]!.id, { behavior: 'deny' }, 'cli');
    expect(await otherSession).toMatchObject({ behavior: 'deny' });
  });

  it('serves the legacy channel only when asked to', async () => {
    const legacy = channelsFor(undefined).request;
    const plain = await start({});
    expect(
      (await post(legacy, { tool_name: 'Bash', input: {}, tool_use_id: 't' }, { dir: plain.busDir }))
        .delivered,
    ).toBe(0);
    await plain.app.stop();
    const withLegacy = await start({}, true);
    expect(
      (await post(legacy, { tool_name: 'Bash', input: {}, tool_use_id: 't' }, { dir: withLegacy.busDir }))
        .delivered,
    ).toBe(1);
  });

  it('lists what its sessions did, from hook processes and from http hooks', async () => {
    const { app, busDir } = await start({});
    // A malformed message is refused (and logged), never half-read into the feed.
    await post(app.channels.events, { event: 'stop', input: { session_id: 'bad' } }, { dir: busDir });
    await post(
      app.channels.events,
      {
        event: 'stop',
        instance: 'work',
        input: { session_id: 'S', cwd: '/tmp/alpha', hook_event_name: 'Stop' },
        sent_at: Date.now(),
      },
      { dir: busDir },
    );
    for (let i = 0; i < 50 && app.core.feed.list().length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(app.core.feed.list()).toHaveLength(1);
    expect(app.core.feed.list()[0]).toMatchObject({
      event: 'stop',
      sessionId: 'S',
      label: 'alpha',
      instance: 'work',
    });
    expect(
      await httpHookResponse(app.core, {
        hook_event_name: 'SubagentStop',
        session_id: 'S',
        cwd: '/tmp/alpha',
      }),
    ).toEqual({});
    expect(app.core.feed.list()[1]).toMatchObject({ event: 'subagent', sessionId: 'S' });
    expect(app.core.feed.sessions.list().map((s) => s.sessionId)).toEqual(['S']);
  });

  it('delivers webhook channels in process (issue 10)', async () => {
    const { startReceiver } = await import('../channels/receiver.js');
    const receiver = await startReceiver();
    try {
      const { app, dir } = await start({
        channels: {
          ci: { type: 'webhook', url: `${receiver.url}/app`, body: { text: '{project}: {event}' } },
        },
        events: { stop: { channels: ['ci'] } },
      });
      expect(
        await httpHookResponse(app.core, { hook_event_name: 'Stop', session_id: 'S', cwd: '/tmp/alpha' }),
      ).toEqual({});
      const [received] = await receiver.waitFor(1);
      expect(received).toMatchObject({ method: 'POST', path: '/app' });
      expect(JSON.parse(received!.body)).toEqual({ text: 'alpha: stop' });
      for (
        let i = 0;
        i < 50 && !readFileSync(join(dir, 'ccbell-work.log'), 'utf8').includes('delivered');
        i++
      )
        await new Promise((r) => setTimeout(r, 20));
      expect(readFileSync(join(dir, 'ccbell-work.log'), 'utf8')).toContain(
        `channel ci (webhook, ${receiver.host}): delivered (200)`,
      );
    } finally {
      await receiver.close();
    }
  });

  it('answers an http hook with the terminal sequence only when the event rang: cooldown too', async () => {
    // PATH is empty: no player, so the bell stands in for the sound (docs/terminal.md).
    const sounds = fileURLToPath(new URL('../../sounds/', import.meta.url));
    const { app, dir } = await start({ events: { stop: { cooldown: 60 } } }, false, sounds);
    const stop = { hook_event_name: 'Stop', session_id: 'S', cwd: '/tmp/alpha' };
    expect(await httpHookResponse(app.core, stop)).toEqual({ terminalSequence: '\u0007' });
    expect(await httpHookResponse(app.core, stop)).toEqual({});
    expect(readFileSync(join(dir, 'ccbell-work.log'), 'utf8')).toContain('event=stop suppressed: cooldown');
  });

  it('rings an http-hooked permission dialog once: its permission_prompt carries the bell the request could not', async () => {
    const sounds = fileURLToPath(new URL('../../sounds/', import.meta.url));
    const { app, dir } = await start({}, false, sounds);
    const decided = httpHookResponse(app.core, {
      hook_event_name: 'PermissionRequest',
      tool_name: 'Bash',
      tool_input: { command: 'make' },
      session_id: 'D1',
    });
    // The request's notification runs just after filing: wait for its mark.
    const owed = join(defaultInstancePaths('work', dir).cache_dir, 'marks', 'D1.dialog-ring');
    await expect.poll(() => existsSync(owed)).toBe(true);
    const prompt = {
      hook_event_name: 'Notification',
      notification_type: 'permission_prompt',
      session_id: 'D1',
    };
    expect(await httpHookResponse(app.core, prompt)).toEqual({ terminalSequence: '\u0007' });
    app.core.desk.answer(app.core.desk.pending()[0]!.id, { behavior: 'allow' }, 'page');
    expect(Object.keys(await decided)).toEqual(['hookSpecificOutput']);
  });

  it('answers an http PermissionRequest hook with Claude Code decision JSON', async () => {
    const { app } = await start({ approvals: { deny: ['Read(/etc/**)'] } });
    const output = await httpHookResponse(app.core, {
      hook_event_name: 'PermissionRequest',
      tool_name: 'Read',
      tool_input: { file_path: '/etc/shadow' },
      session_id: 'S',
    });
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'denied by a ccbell rule' },
      },
    });
  });

  it('refuses an updated_input nested too deep from the control channel, leaving the request pending', async () => {
    const { app, busDir } = await start({});
    const waiting = request(app.channels.request, hookQuestion('make deep'), {
      timeoutMs: 5000,
      dir: busDir,
    });
    await expect.poll(() => app.core.desk.book.pending().length).toBe(1);
    const id = app.core.desk.book.pending()[0]!.id;
    let deep: unknown = 1;
    for (let level = 0; level < 1000; level++) deep = { a: deep };
    await expect(
      request(
        app.channels.control,
        { op: 'answer', id, answer: { behavior: 'allow', updated_input: deep }, by: 'cli' },
        { timeoutMs: 2000, dir: busDir },
      ),
    ).rejects.toThrow(/nested deeper than 64 levels/);
    expect(app.core.desk.book.pending().map((item) => item.id)).toEqual([id]);
    app.core.desk.answer(id, { behavior: 'deny' }, 'cli');
    await waiting;
  });

  it('settles as caller-left a bus request whose requester goes away', async () => {
    const { app, busDir } = await start({});
    const leaving = new AbortController();
    const waiting = request(app.channels.request, hookQuestion('make leave'), {
      timeoutMs: 5000,
      dir: busDir,
      signal: leaving.signal,
    });
    await expect.poll(() => app.core.desk.book.pending().length).toBe(1);
    const [item] = app.core.desk.book.pending();
    leaving.abort(); // closes the requester's connection
    await expect(waiting).rejects.toThrow();
    await expect.poll(() => item!.settled?.by).toBe('caller-left');
    expect(app.core.desk.book.pending()).toEqual([]);
  });
});

describe('two sessions of one app asking the same thing at the same moment', () => {
  it('never crosses them: each answer runs only its own session call, in its own directory', async () => {
    const { app, busDir } = await start({});
    const options = { timeoutMs: 10_000, dir: busDir };
    const command = { command: 'make deploy', description: 'deploy' };
    // Each session has both halves: its PermissionRequest hook and its approval server's
    // prompt-tool call (which knows only its working directory), all four sent at once.
    const [hookA, toolA, hookB, toolB] = [
      request(app.channels.request, { ...hookQuestion('', 'A'), input: command, cwd: '/work/a' }, options),
      request(
        app.channels.request,
        { tool_name: 'Bash', input: command, tool_use_id: 'toolu_a', cwd: '/work/a' },
        options,
      ),
      request(app.channels.request, { ...hookQuestion('', 'B'), input: command, cwd: '/work/b' }, options),
      request(
        app.channels.request,
        { tool_name: 'Bash', input: command, tool_use_id: 'toolu_b', cwd: '/work/b' },
        options,
      ),
    ];
    await expect.poll(() => app.core.desk.book.all().map((item) => item.sources.length)).toEqual([2, 2]);
    const items = app.core.desk.pending();
    expect(items.map((item) => item.cwd).sort()).toEqual(['/work/a', '/work/b']);
    const a = items.find((item) => item.cwd === '/work/a')!;
    const b = items.find((item) => item.cwd === '/work/b')!;
    expect(a.sessionId).toBe('A');
    expect(b.sessionId).toBe('B');
    app.core.desk.answer(a.id, { behavior: 'allow' }, 'page');
    expect(await hookA).toMatchObject({ outcome: 'decided', behavior: 'allow' });
    expect(await toolA).toMatchObject({ tool_use_id: 'toolu_a', behavior: 'allow' });
    expect(b.decision).toBeUndefined();
    app.core.desk.answer(b.id, { behavior: 'deny', message: 'not B' }, 'page');
    expect(await hookB).toMatchObject({ outcome: 'decided', behavior: 'deny', message: 'not B' });
    expect(await toolB).toMatchObject({ tool_use_id: 'toolu_b', behavior: 'deny' });
  });
});
