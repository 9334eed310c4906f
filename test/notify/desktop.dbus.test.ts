// desktopNotify against a real notification server: a private D-Bus session bus, Xvfb, and
// dunst on both; the notification is read back from dunst's history.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopNotifyError, desktopNotify, findOnPath } from '../../src/notify/index.js';

const NEEDED = ['dbus-daemon', 'dbus-send', 'Xvfb', 'dunst', 'dunstctl', 'notify-send'];
const missing =
  process.platform === 'linux'
    ? NEEDED.filter((b) => !findOnPath(b, process.env.PATH ?? '', 'linux'))
    : NEEDED;

const run = promisify(execFile);

// Every process this file starts, so afterAll can stop them all whatever failed.
const started: ChildProcess[] = [];

function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: ('ignore' | 'pipe')[],
): ChildProcess {
  const child = spawn(command, args, { env, stdio });
  started.push(child);
  child.on('error', () => {}); // reported through the readiness checks instead
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

// The first line a process writes on a stream (D-Bus prints its address, Xvfb its display).
function firstLine(stream: Readable, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what}: nothing within ${timeoutMs} ms`)), timeoutMs);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      const newline = text.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, newline).trim());
      }
    });
    stream.on('end', () => reject(new Error(`${what}: stream ended before a line`)));
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`, { cause: last });
}

interface Shown {
  id: number;
  appname: string;
  summary: string;
  body: string;
}

function unescapeMarkup(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe.skipIf(missing.length > 0)(
  'desktopNotify on a real notification server (dunst, private D-Bus)',
  () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;

    async function dunstctl(...args: string[]): Promise<string> {
      const { stdout } = await run('dunstctl', args, { env, timeout: 5000 });
      return stdout;
    }

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'ccbell-dbus-'));
      // A session bus of our own: no service files, so nothing is auto-started on it.
      const busConfig = path.join(dir, 'bus.conf');
      writeFileSync(
        busConfig,
        `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${path.join(dir, 'bus')}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
      );
      const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir };
      const bus = start('dbus-daemon', ['--config-file', busConfig, '--nofork', '--print-address=1'], base, [
        'ignore',
        'pipe',
        'ignore',
      ]);
      // Xvfb picks a free display number itself and writes it on fd 3.
      const xvfb = start(
        'Xvfb',
        ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'],
        base,
        ['ignore', 'ignore', 'ignore', 'pipe'],
      );
      const [address, display] = await Promise.all([
        firstLine(bus.stdout!, 'dbus-daemon address'),
        firstLine(xvfb.stdio[3] as Readable, 'Xvfb display'),
      ]);
      expect(address).toMatch(/^unix:path=/);
      expect(display).toMatch(/^\d+$/);
      env = { ...base, DBUS_SESSION_BUS_ADDRESS: address, DISPLAY: `:${display}` };
    }, 30_000);

    afterAll(async () => {
      await Promise.all(started.reverse().map(stop));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('rejects when the bus has no notification server', async () => {
      const promise = desktopNotify({ title: 't', body: 'b', platform: 'linux', env });
      await expect(promise).rejects.toBeInstanceOf(DesktopNotifyError);
      await expect(promise).rejects.toThrow(/notify-send failed/);
    });

    describe('with dunst running', () => {
      beforeAll(async () => {
        const rc = path.join(dir, 'dunstrc');
        writeFileSync(rc, '[global]\n    history_length = 50\n    markup = full\n');
        start('dunst', ['-config', rc], env, ['ignore', 'ignore', 'ignore']);
        await until('dunst on the bus', async () =>
          (await dunstctl('is-paused')).trim() === 'false' ? true : undefined,
        );
      }, 30_000);

      async function shownAfter(notify: () => Promise<unknown>): Promise<Shown> {
        const before = Number(await dunstctl('count', 'history'));
        await notify();
        // It is on screen now; closing it moves it into the history dunstctl can list.
        await until('notification displayed', async () =>
          Number(await dunstctl('count', 'displayed')) > 0 ? true : undefined,
        );
        await dunstctl('close-all');
        return until('notification in history', async () => {
          const history = JSON.parse(await dunstctl('history')) as {
            data: Record<string, { data: string | number }>[][];
          };
          const entries = history.data[0] ?? [];
          if (entries.length <= before) return undefined;
          const latest = entries.reduce((a, b) => (Number(b.id!.data) > Number(a.id!.data) ? b : a));
          return {
            id: Number(latest.id!.data),
            appname: String(latest.appname!.data),
            summary: String(latest.summary!.data),
            body: String(latest.body!.data),
          };
        });
      }

      it('shows title and body under the app name ccbell', async () => {
        let result: string | undefined;
        const shown = await shownAfter(async () => {
          result = await desktopNotify({
            title: 'ccbell [work] needs you',
            body: 'Claude is waiting for your input in ~/src/app',
            platform: 'linux',
            env,
          });
        });
        expect(result).toBe('shown');
        expect(shown).toMatchObject({
          appname: 'ccbell',
          summary: 'ccbell [work] needs you',
          body: 'Claude is waiting for your input in ~/src/app',
        });
      });

      it('keeps quotes, markup characters, leading dashes and line breaks as text, with the URL', async () => {
        const title = '-v "Bash" & <b>rm</b> \\ it’s';
        const body = "Allow `a < b && c > d`?\n--help $(id) 'quoted'";
        const url = 'http://127.0.0.1:7777/approve?id=1&x=2';
        const shown = await shownAfter(() => desktopNotify({ title, body, url, platform: 'linux', env }));
        expect(shown.appname).toBe('ccbell');
        expect(shown.summary).toBe(title);
        expect(unescapeMarkup(shown.body)).toBe(`${body}\n${url}`);
      });
    });
  },
);
