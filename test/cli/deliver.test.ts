// Webhook channels from a real hook run (the built CLI): delivered by a detached `ccbell deliver`
// after the hook exited 0; the message in the helper's environment, not its argv; a failing channel
// never fails the hook and its secret never reaches the log; the rate limit holds across
// processes; quiet hours silence every channel.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDetachedDelivery } from '../../src/channels/detached.js';
import { type Receiver, startReceiver } from '../channels/receiver.js';
import { assertBuilt, clockFromNow, makeSandbox, type Sandbox, sleep } from './support.js';

beforeAll(assertBuilt);

const SECRET = 'sk-hook-secret-91c2e';
let receiver: Receiver;
let sandbox: Sandbox;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  receiver.reset();
  sandbox?.cleanup();
});

const stopInput = (cwd: string) =>
  JSON.stringify({
    session_id: 'abcdef12-3456',
    cwd,
    hook_event_name: 'Stop',
    last_assistant_message: 'All 42 tests pass.',
  });

function setUp(config: Record<string, unknown>) {
  sandbox = makeSandbox();
  sandbox.write('home/.claude/ccbell.config.json', JSON.stringify(config));
  return sandbox;
}

const logOf = (box: Sandbox) => readFileSync(join(box.claudeDir, 'ccbell.log'), 'utf8');

async function waitForLog(box: Sandbox, text: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let log = '';
    try {
      log = logOf(box);
    } catch {}
    if (log.includes(text) || Date.now() > deadline) return log;
    await sleep(25);
  }
}

describe('webhook channels from a command hook', () => {
  it('returns at once; a detached helper delivers after the hook exited 0', async () => {
    const box = setUp({
      debug: true,
      channels: {
        ci: {
          type: 'webhook',
          url: `${receiver.url}/in`,
          headers: { Authorization: 'env:CI_TOKEN' },
          body: { text: '{project}: {message}', session: '{session}' },
        },
      },
      events: { stop: { channels: ['sound', 'ci'] } },
    });
    // The receiver answers late: the hook must not wait for it.
    receiver.script({ status: 200, delayMs: 3000 });
    const project = join(box.root, 'shop');
    box.write('shop/.keep', '');
    const run = await box.run(['stop'], { input: stopInput(project), env: { CI_TOKEN: SECRET } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.ms).toBeLessThan(2500);
    const [request] = await receiver.waitFor(1);
    expect(request).toMatchObject({ method: 'POST', path: '/in' });
    expect(request!.headers.authorization).toBe(SECRET);
    expect(JSON.parse(request!.body)).toEqual({ text: 'shop: All 42 tests pass.', session: 'abcdef12' });
    // The sound is still played: "sound" is in the list.
    expect(await box.waitForPlays(1)).toHaveLength(1);
    // The helper logs its outcome once the late answer came (and before the sandbox goes).
    expect(await waitForLog(box, 'delivered (200)')).toContain(
      `channel ci (webhook, ${receiver.host}): delivered (200) event=stop`,
    );
  });

  it('leaves the input to the helper when nothing else wants it: the helper reads it from its stdin', async () => {
    // No debug, no cooldown, no desktop: only the webhook wants the input, and the hook does not
    // read it (a stream would cost it); the helper inherits stdin and builds the message itself.
    const box = setUp({
      channels: {
        ci: { type: 'webhook', url: `${receiver.url}/own`, body: { text: '{project}: {message}' } },
      },
      events: { stop: { channels: ['sound', 'ci'] } },
    });
    const project = join(box.root, 'garden');
    box.write('garden/.keep', '');
    const run = await box.run(['stop'], { input: stopInput(project) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [request] = (await receiver.waitFor(1)).filter((r) => r.path === '/own');
    expect(JSON.parse(request!.body)).toEqual({ text: 'garden: All 42 tests pass.' });
  });

  it('a failing channel leaves the hook at 0, and its log line holds name, host, status, no secret', async () => {
    const box = setUp({
      debug: true,
      channels: { team: { type: 'slack', url: 'env:SLACK_URL' } },
      events: { stop: { channels: ['team'] } },
    });
    receiver.script({ status: 404 });
    const run = await box.run(['stop'], {
      input: stopInput(box.root),
      env: { SLACK_URL: `${receiver.url}/services/${SECRET}` },
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const log = await waitForLog(box, 'failed with status 404');
    expect(log).toContain(`channel team (slack, ${receiver.host}): failed with status 404: HTTP 404`);
    expect(log).not.toContain(SECRET);
    expect(receiver.requests[0]!.path).toBe(`/services/${SECRET}`);
    // "sound" is not in the list: no sound.
    await sleep(200);
    expect(box.plays()).toEqual([]);
  });

  it('a missing player does not cost the webhook its message', async () => {
    const box = setUp({
      channels: { ci: { type: 'webhook', url: `${receiver.url}/x` } },
      events: { stop: { channels: ['sound', 'ci'] }, agent_completed: { channels: ['ci'] } },
    });
    // No player on PATH: the sound fails as it does today (the terminal channel's fallback is
    // issue 10's other half), but the webhook was handed off first.
    const stop = await box.run(['stop'], { input: stopInput(box.root), env: { PATH: box.nodeBin } });
    expect(stop.code).not.toBe(2);
    // Without "sound" in the list, no player is looked for: exit 0.
    const idle = await box.run(['agent_completed'], {
      input: stopInput(box.root),
      env: { PATH: box.nodeBin },
    });
    expect(idle).toMatchObject({ code: 0, stderr: '' });
    expect(await receiver.waitFor(2)).toHaveLength(2);
  });

  it('a PermissionRequest hook with no app notifies the webhook too, printing no decision', async () => {
    const box = setUp({
      channels: { ci: { type: 'webhook', url: `${receiver.url}/pr` } },
      events: { permission_request: { channels: ['ci'] } },
    });
    const input = JSON.stringify({
      session_id: 'abcdef12-3456',
      cwd: join(box.root, 'shop'),
      hook_event_name: 'PermissionRequest',
      tool_name: 'Bash',
      tool_input: { command: 'git push' },
    });
    const run = await box.run(['permission-request'], { input });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const [request] = await receiver.waitFor(1);
    expect(JSON.parse(request!.body)).toMatchObject({
      event: 'permission_request',
      project: 'shop',
      command: 'git push',
      body: 'Allow Bash: git push',
    });
  });

  it('in quiet hours no channel is used', async () => {
    const box = setUp({
      quietHours: { start: clockFromNow(-60), end: clockFromNow(60) },
      channels: { ci: { type: 'webhook', url: `${receiver.url}/x` } },
      events: { stop: { channels: ['sound', 'ci'] } },
    });
    const run = await box.run(['stop'], { input: stopInput(box.root) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    await sleep(1000);
    expect(receiver.requests).toEqual([]);
    expect(box.plays()).toEqual([]);
  });
});

describe('ccbell deliver', () => {
  const request = (text: string) =>
    JSON.stringify({
      message: {
        fields: {
          event: 'stop',
          instance: 'default',
          project: 'p',
          branch: '',
          session: '',
          tool: '',
          command: text,
          message: '',
          host: '',
        },
        title: 't',
        body: 'b',
      },
      channels: ['ci'],
    });

  it('holds the rate limit across processes: four at once, two sent, one drop logged', async () => {
    const box = setUp({
      channels: {
        ci: { type: 'webhook', url: `${receiver.url}/rate`, rateLimit: { max: 2, perSeconds: 60 } },
      },
    });
    const runs = await Promise.all(
      [1, 2, 3, 4].map((i) => box.run(['deliver'], { input: request(`run ${i}`) })),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    await sleep(300);
    // Only this test's messages: a detached helper of an earlier test may still arrive late.
    expect(receiver.requests.filter((r) => r.path === '/rate')).toHaveLength(2);
    expect(logOf(box).match(/dropping until the window frees/g)).toHaveLength(1);
  });

  it('refuses what is not a delivery request, sending nothing', async () => {
    const box = setUp({ channels: { ci: { type: 'webhook', url: `${receiver.url}/r` } } });
    const run = await box.run(['deliver'], { input: '{"message": {"fields": 1}, "channels": ["ci"]}' });
    expect(run).toMatchObject({ code: 0 });
    expect(logOf(box)).toContain('deliver: message.fields is missing; nothing sent');
    expect(receiver.requests).toEqual([]);
  });
});

/** Stands in for the hook: a process that lives until `end()` kills it (and it is gone). */
function standInHook() {
  const hook = spawn('sleep', ['30'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => hook.on('exit', resolve));
  return {
    pid: hook.pid as number,
    end: async () => {
      hook.kill();
      await exited;
    },
  };
}

async function waitForFile(path: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path) && Date.now() < deadline) await sleep(10);
}

/** A helper run by /bin/sh in place of Node, for `ccbell deliver`'s usual arguments. */
const helperRun = (cliPath: string, errors: Error[]) => ({
  execPath: '/bin/sh',
  cliPath,
  instance: 'work',
  configPath: '/tmp/c.json',
  request: { event: 'stop' as const, channels: ['ci'], inputOnStdin: true as const },
  env: { PATH: '/usr/bin:/bin' },
  onError: (error: Error) => errors.push(error),
});

describe('startDetachedDelivery', () => {
  it('passes the message in its environment, never in argv, and starts it at a lower priority', async () => {
    sandbox = makeSandbox([]);
    const out = join(sandbox.root, 'out');
    const script = sandbox.write(
      'fake-cli.sh',
      `echo "$@" > '${out}.argv'; sleep 0.2; nice > '${out}.nice'; printf '%s\\n' "$CCBELL_DELIVERY" > '${out}.tmp' && mv '${out}.tmp' '${out}.stdin'\n`,
    );
    chmodSync(script, 0o755);
    const errors: Error[] = [];
    startDetachedDelivery({
      execPath: '/bin/sh',
      cliPath: script,
      instance: 'work',
      configPath: '/tmp/c.json',
      request: {
        message: {
          fields: {
            event: 'stop',
            instance: 'work',
            project: 'p',
            branch: '',
            session: '',
            tool: 'Bash',
            command: 'echo SECRETISH',
            message: '',
            host: '',
          },
          title: 't',
          body: 'b',
        },
        channels: ['ci'],
      },
      env: { PATH: '/usr/bin:/bin' },
      onError: (error) => errors.push(error),
    });
    const deadline = Date.now() + 3000;
    let stdin = '';
    while (Date.now() < deadline) {
      try {
        stdin = readFileSync(`${out}.stdin`, 'utf8');
        if (stdin.endsWith('\n')) break;
      } catch {}
      await sleep(20);
    }
    expect(readFileSync(`${out}.argv`, 'utf8').trim()).toBe('deliver --instance work --config /tmp/c.json');
    expect(JSON.parse(stdin).message.fields.command).toBe('echo SECRETISH');
    expect(Number(readFileSync(`${out}.nice`, 'utf8'))).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });

  it('with afterExitOf, starts the helper only once that process is gone', async () => {
    sandbox = makeSandbox([]);
    const out = join(sandbox.root, 'started');
    const script = sandbox.write('fake-cli.sh', `echo "$@" > '${out}'\n`);
    chmodSync(script, 0o755);
    const hook = standInHook();
    const errors: Error[] = [];
    startDetachedDelivery({ ...helperRun(script, errors), afterExitOf: hook.pid });
    await sleep(400);
    expect(existsSync(out)).toBe(false);
    await hook.end();
    await waitForFile(out);
    // Its own arguments only: the pid it waited for is not passed on.
    expect(readFileSync(out, 'utf8').trim()).toBe('deliver --instance work --config /tmp/c.json');
    expect(errors).toEqual([]);
  });

  it('with alsoStart, starts those programs at once at the normal priority, the helper after, lowered', async () => {
    sandbox = makeSandbox([]);
    const helperOut = join(sandbox.root, 'helper');
    const programOut = join(sandbox.root, 'program');
    const helper = sandbox.write(
      'fake-cli.sh',
      `nice > '${helperOut}.tmp' && mv '${helperOut}.tmp' '${helperOut}'\n`,
    );
    const program = sandbox.write(
      'fake player.sh',
      `#!/bin/sh\n{ nice; printf '%s|' "$@"; } > '${programOut}.tmp' && mv '${programOut}.tmp' '${programOut}'\n`,
    );
    chmodSync(helper, 0o755);
    chmodSync(program, 0o755);
    const hook = standInHook();
    const errors: Error[] = [];
    startDetachedDelivery({
      ...helperRun(helper, errors),
      afterExitOf: hook.pid,
      alsoStart: [{ file: program, args: ['--volume=0.5', "it's a $(file).wav"] }],
    });
    await waitForFile(programOut);
    const [niceness, args] = readFileSync(programOut, 'utf8').split('\n');
    expect(args).toBe("--volume=0.5|it's a $(file).wav|");
    // The player keeps the priority it would have had: this process's.
    expect(Number(niceness)).toBe(getPriority());
    await sleep(300);
    expect(existsSync(helperOut)).toBe(false);
    await hook.end();
    await waitForFile(helperOut);
    expect(Number(readFileSync(helperOut, 'utf8'))).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });
});
