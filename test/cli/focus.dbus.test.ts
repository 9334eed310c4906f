// Click-to-focus as a person gets it: a hook for a session in tmux pane B (pane A active) shows
// a desktop notification through dunst on a private D-Bus and Xvfb; the test clicks it the way
// dunst does (dunstctl action: the notification's default action), and tmux then shows pane B.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/notify/index.js';
import { assertBuilt, makeSandbox, type Sandbox } from './support.js';

const NEEDED = ['dbus-daemon', 'Xvfb', 'dunst', 'dunstctl', 'notify-send', 'tmux'];
const missing =
  process.platform === 'linux'
    ? NEEDED.filter((b) => !findOnPath(b, process.env.PATH ?? '', 'linux'))
    : NEEDED;
const run = promisify(execFile);
const started: ChildProcess[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv, stdio: ('ignore' | 'pipe')[]) {
  const child = spawn(command, args, { env, stdio });
  started.push(child);
  child.on('error', () => {});
  return child;
}

function firstLine(stream: Readable, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what}: nothing within 10 s`)), 10_000);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.slice(0, text.indexOf('\n')).trim());
      }
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

describe.skipIf(missing.length > 0)('a click on the notification focuses the session (dunst, tmux)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let sandbox: Sandbox;
  let socket: string;
  const tmux = async (...args: string[]) =>
    (await run('tmux', ['-S', socket, ...args], { env, timeout: 5000 })).stdout.trim();
  const dunstctl = async (...args: string[]) =>
    (await run('dunstctl', args, { env, timeout: 5000 })).stdout.trim();

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'ccbell-focus-'));
    const busConfig = path.join(dir, 'bus.conf');
    writeFileSync(
      busConfig,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path=${path.join(dir, 'bus')}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
    );
    const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir };
    const bus = start('dbus-daemon', ['--config-file', busConfig, '--nofork', '--print-address=1'], base, [
      'ignore',
      'pipe',
      'ignore',
    ]);
    const xvfb = start('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], base, [
      'ignore',
      'ignore',
      'ignore',
      'pipe',
    ]);
    const [address, display] = await Promise.all([
      firstLine(bus.stdout!, 'dbus-daemon address'),
      firstLine(xvfb.stdio[3] as Readable, 'Xvfb display'),
    ]);
    env = { ...base, DBUS_SESSION_BUS_ADDRESS: address, DISPLAY: `:${display}` };
    const rc = path.join(dir, 'dunstrc');
    // A long timeout: the notification stays until the test clicks it.
    writeFileSync(rc, '[global]\n    history_length = 50\n[urgency_normal]\n    timeout = 60\n');
    start('dunst', ['-config', rc], env, ['ignore', 'ignore', 'ignore']);
    await until('dunst on the bus', async () =>
      (await dunstctl('is-paused')) === 'false' ? true : undefined,
    );
    socket = path.join(dir, 'tmux.sock');
    await tmux('-f', '/dev/null', 'new-session', '-d', '-x', '80', '-y', '24', '-s', 'work');
    sandbox = makeSandbox();
    sandbox.write(
      'home/.claude/ccbell.config.json',
      JSON.stringify({ events: { stop: { desktop: true, volume: 0 } } }),
    );
  }, 30_000);

  afterAll(async () => {
    if (socket) await tmux('kill-server').catch(() => {});
    for (const child of started.reverse()) child.kill('SIGTERM');
    sandbox?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('brings pane B forward while pane A was active', async () => {
    const paneA = await tmux('display', '-p', '-t', 'work', '#{pane_id}');
    const paneB = await tmux('split-window', '-d', '-P', '-F', '#{pane_id}', '-t', 'work');
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneA);

    const session = 'a1b2c3d4-0000-4000-8000-000000000001';
    const hook = await sandbox.run([], {
      input: JSON.stringify({ session_id: session, cwd: sandbox.home, hook_event_name: 'Stop' }),
      env: {
        PATH: `${sandbox.bin}:${sandbox.nodeBin}:${process.env.PATH}`,
        DBUS_SESSION_BUS_ADDRESS: env.DBUS_SESSION_BUS_ADDRESS,
        DISPLAY: env.DISPLAY,
        TMUX: `${socket},1,0`,
        TMUX_PANE: paneB,
      },
    });
    expect(hook, hook.stderr).toMatchObject({ code: 0, stderr: '' });
    // The hook returned before the click: the helper that waits for it runs detached.
    expect(hook.ms).toBeLessThan(5000);
    await until('the notification on screen', async () =>
      Number(await dunstctl('count', 'displayed')) > 0 ? true : undefined,
    );
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneA);
    // What a left click does in dunst's default config: the notification's default action.
    await dunstctl('action', '0');
    await until('pane B active', async () =>
      (await tmux('display', '-p', '#{pane_id}')) === paneB ? true : undefined,
    );
  });
});
