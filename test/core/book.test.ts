import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RequestBook } from '../../src/core/book.js';
import { readRunningApp, resolveInstance } from '../../src/instance/index.js';
import type { ItemView } from '../../src/protocol/index.js';
import {
  assertBuilt,
  ccbell,
  ccbellBackground,
  cliPath,
  eventually,
  makeWorld,
} from '../e2e/support/ccbell.js';

const bash = (command: string) => ({ toolName: 'Bash', input: { command, description: 'x' } });

describe('RequestBook', () => {
  it('joins the hook half and the prompt-tool half of one tool call into one request', async () => {
    const book = new RequestBook(60_000);
    const added: string[] = [];
    book.on('added', (item) => added.push(item.id));
    const hook = book.submit({ source: 'hook', ...bash('ls'), sessionId: 's1', cwd: '/p' });
    // Same input with keys in another order: still the same tool call.
    const tool = book.submit({
      source: 'prompt-tool',
      toolName: 'Bash',
      input: { description: 'x', command: 'ls' },
      toolUseId: 'toolu_1',
      cwd: '/p',
    });
    expect(tool.item.id).toBe(hook.item.id);
    expect(tool.isNew).toBe(false);
    expect(added).toEqual([hook.item.id]);
    expect(hook.item.sources).toEqual(['hook', 'prompt-tool']);
    expect(hook.item.toolUseId).toBe('toolu_1');
    expect(hook.item.sessionId).toBe('s1');

    book.answer(hook.item.id, { behavior: 'allow' }, 'page');
    const [a, b] = await Promise.all([hook.decided, tool.decided]);
    expect(a.decision?.behavior).toBe('allow');
    expect(b.decision?.by).toBe('page');
  });

  it('pairs halves only when they provably belong to one session: the same working directory', () => {
    const book = new RequestBook(60_000);
    // Two sessions in different directories ask for the same command at the same moment.
    const hookA = book.submit({ source: 'hook', ...bash('make deploy'), sessionId: 'A', cwd: '/work/a' });
    const hookB = book.submit({ source: 'hook', ...bash('make deploy'), sessionId: 'B', cwd: '/work/b' });
    const toolB = book.submit({
      source: 'prompt-tool',
      ...bash('make deploy'),
      toolUseId: 'tb',
      cwd: '/work/b',
    });
    const toolA = book.submit({
      source: 'prompt-tool',
      ...bash('make deploy'),
      toolUseId: 'ta',
      cwd: '/work/a',
    });
    expect(toolA.item.id).toBe(hookA.item.id);
    expect(toolB.item.id).toBe(hookB.item.id);
    // An answer on A's card reaches A's two halves and nothing of B's.
    book.answer(hookA.item.id, { behavior: 'allow' }, 'page');
    expect(hookB.item.decision).toBeUndefined();
    expect(toolB.item.decision).toBeUndefined();
    // A half that names no directory is never joined to anything.
    const blind = book.submit({ source: 'prompt-tool', ...bash('make deploy'), toolUseId: 'tc' });
    expect([hookA.item.id, hookB.item.id]).not.toContain(blind.item.id);
  });

  it('keeps different inputs and repeated calls apart', () => {
    const book = new RequestBook(60_000);
    const first = book.submit({ source: 'hook', ...bash('ls') });
    const other = book.submit({ source: 'prompt-tool', ...bash('pwd') });
    expect(other.item.id).not.toBe(first.item.id);
    // A second call of the same command through the same door is a new request.
    const again = book.submit({ source: 'hook', ...bash('ls') });
    expect(again.item.id).not.toBe(first.item.id);
    expect(book.pending()).toHaveLength(3);
  });

  it('lets the first answer win and reports who answered', () => {
    const book = new RequestBook(60_000);
    const { item } = book.submit({ source: 'prompt-tool', ...bash('rm x'), toolUseId: 't' });
    expect(book.answer(item.id, { behavior: 'deny', message: 'no' }, 'terminal')).toMatchObject({ ok: true });
    const late = book.answer(item.id, { behavior: 'allow' }, 'page');
    expect(late).toMatchObject({ ok: false, reason: 'already-answered' });
    expect(item.decision).toMatchObject({ behavior: 'deny', message: 'no', by: 'terminal' });
    expect(book.answer('nope', { behavior: 'allow' }, 'cli')).toEqual({ ok: false, reason: 'unknown' });
    expect(book.pending()).toHaveLength(0);
  });

  it('denies a request nobody answers within the timeout', async () => {
    const book = new RequestBook(50);
    const { decided } = book.submit({ source: 'hook', ...bash('sleep 1') });
    const item = await decided;
    expect(item.decision).toMatchObject({ behavior: 'deny', by: 'timeout' });
  });

  it('gives a late half the decision already made', async () => {
    const book = new RequestBook(60_000);
    const hook = book.submit({ source: 'hook', ...bash('git status'), cwd: '/p' });
    book.answer(hook.item.id, { behavior: 'allow' }, 'rules');
    const tool = book.submit({ source: 'prompt-tool', ...bash('git status'), toolUseId: 't2', cwd: '/p' });
    expect(tool.item.id).toBe(hook.item.id);
    expect((await tool.decided).decision?.by).toBe('rules');
  });

  it('settles a request as caller-left once every caller that asked has left', async () => {
    const book = new RequestBook(60_000);
    const events: string[] = [];
    book.on('added', (item) => events.push(`added ${item.id}`));
    book.on('answered', (item) => events.push(`answered ${item.id} by ${item.settled?.by}`));
    const hookLeaves = new AbortController();
    const toolLeaves = new AbortController();
    const hook = book.submit({
      source: 'hook',
      ...bash('make deploy'),
      cwd: '/p',
      signal: hookLeaves.signal,
    });
    const tool = book.submit({
      source: 'prompt-tool',
      ...bash('make deploy'),
      toolUseId: 't',
      cwd: '/p',
      signal: toolLeaves.signal,
    });
    const id = hook.item.id;
    hookLeaves.abort();
    // One half still waits: the request stays.
    expect(book.pending().map((item) => item.id)).toEqual([id]);
    toolLeaves.abort();
    expect(book.pending()).toEqual([]);
    expect((await hook.decided).decision).toBeUndefined();
    expect((await hook.decided).settled?.by).toBe('caller-left');
    expect((await tool.decided).settled?.by).toBe('caller-left');
    expect(events).toEqual([`added ${id}`, `answered ${id} by caller-left`]);
  });

  it('keeps a request whose caller has no signal, and forgets the signal of an answered one', () => {
    const book = new RequestBook(60_000);
    const leaves = new AbortController();
    const watched = book.submit({ source: 'hook', ...bash('ls'), cwd: '/p', signal: leaves.signal });
    book.submit({ source: 'prompt-tool', ...bash('ls'), toolUseId: 't', cwd: '/p' });
    leaves.abort();
    expect(book.pending().map((item) => item.id)).toEqual([watched.item.id]);

    const answered = new AbortController();
    const done = book.submit({ source: 'hook', ...bash('pwd'), signal: answered.signal });
    book.answer(done.item.id, { behavior: 'allow' }, 'page');
    answered.abort();
    expect(done.item.decision?.by).toBe('page');
  });

  it('settles at once, after announcing it, a request whose caller left before it was filed', () => {
    const book = new RequestBook(60_000);
    const events: string[] = [];
    book.on('added', () => events.push('added'));
    book.on('answered', (item) => events.push(`answered by ${item.settled?.by}`));
    book.submit({ source: 'hook', ...bash('true'), signal: AbortSignal.abort() });
    expect(events).toEqual(['added', 'answered by caller-left']);
    expect(book.pending()).toEqual([]);
  });
});

describe('a real app, whose callers leave while it is stopped', () => {
  it('drops from pending the requests of an http hook, a hook process and an approval server that went away', async () => {
    assertBuilt();
    const world = await makeWorld();
    const app = ccbellBackground(world, ['app', '--no-open']);
    const children: ChildProcess[] = [];
    try {
      const appId = (await app.waitFor(/app running: id (\d+_\d+)/, 15_000))[1]!;
      const port = Number((await app.waitFor(/page: http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      const record = readRunningApp(resolveInstance('default', world.env).pid_path);
      const pending = async () => {
        const run = await ccbell(world, ['pending', '--json']);
        expect(run.code, run.stderr).toBe(0);
        return JSON.parse(run.stdout) as ItemView[];
      };
      const permissionRequest = (command: string, session: string) =>
        JSON.stringify({
          hook_event_name: 'PermissionRequest',
          session_id: session,
          cwd: world.home,
          tool_name: 'Bash',
          tool_input: { command },
        });

      // 1. Claude Code's http hook: the connection stays open while it waits.
      const httpHook = connect({ host: '127.0.0.1', port });
      httpHook.on('error', () => undefined);
      const body = permissionRequest('rm -rf ./by-http', 'http');
      httpHook.write(
        `POST /hooks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${record?.hookToken}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      // 2. The command hook: a process asking over the bus.
      const hook = spawn(process.execPath, [cliPath, 'permission-request'], {
        env: world.env,
        stdio: 'pipe',
      });
      children.push(hook);
      hook.stdin.end(permissionRequest('rm -rf ./by-hook', 'hook'));
      // 3. The approval server, as Claude Code starts it and calls it.
      const server = spawn(process.execPath, [cliPath, 'approval-server'], {
        env: { ...world.env, CLAUDE_CODE_UI_INSTANCE_ID: appId },
        stdio: 'pipe',
      });
      children.push(server);
      for (const message of [
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'raw', version: '1' },
          },
        },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: {
            name: 'approval_prompt',
            arguments: {
              tool_name: 'Bash',
              input: { command: 'rm -rf ./by-server' },
              tool_use_id: 'toolu_x',
            },
          },
        },
      ])
        server.stdin.write(`${JSON.stringify(message)}\n`);

      const asked = ['rm -rf ./by-http', 'rm -rf ./by-hook', 'rm -rf ./by-server'];
      await eventually(async () => ((await pending()).length === 3 ? true : undefined));
      expect((await pending()).map((item) => item.input.command).sort()).toEqual(asked.sort());

      // The app stops; every caller goes away meanwhile; the app continues.
      app.child.kill('SIGSTOP');
      httpHook.destroy();
      const gone = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(gone);
      app.child.kill('SIGCONT');

      const started = Date.now();
      await eventually(async () => ((await pending()).length === 0 ? true : undefined), 5_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      await app.waitFor(/(settled: caller-left[\s\S]*){3}/, 2_000);
    } finally {
      app.child.kill('SIGCONT');
      app.child.kill('SIGTERM');
      await app.exited;
      for (const child of children) child.kill('SIGKILL');
      await rm(dirname(world.home), { recursive: true, force: true });
    }
  });
});
