import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import {
  appleScriptString,
  DesktopNotifyError,
  desktopNotify,
  escapeMarkup,
  notifySendArgs,
  osascriptArgs,
} from '../../src/notify/index.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ccbell-desktop-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

// A PATH directory holding one fake program with the given shell body.
function fakeBin(name: string, program: string, body: string): string {
  const dir = mkdtempSync(path.join(root, `${name}-`));
  writeFileSync(path.join(dir, program), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

describe('argv builders', () => {
  it('builds notify-send argv with app name, end of options and an escaped body', () => {
    expect(notifySendArgs('-x "t"', 'a < b && c > d')).toEqual([
      '--app-name=ccbell',
      '--',
      '-x "t"',
      'a &lt; b &amp;&amp; c &gt; d',
    ]);
  });

  it('puts the URL on its own line in the body', () => {
    expect(notifySendArgs('t', 'body', 'http://127.0.0.1:9/x?a=1&b=2').at(-1)).toBe(
      'body\nhttp://127.0.0.1:9/x?a=1&amp;b=2',
    );
    expect(notifySendArgs('t', '', 'http://h/').at(-1)).toBe('http://h/');
  });

  it('escapes AppleScript strings: quotes, backslashes, line breaks, control characters', () => {
    expect(appleScriptString('plain')).toBe('"plain"');
    expect(appleScriptString('say "hi"')).toBe('"say \\"hi\\""');
    expect(appleScriptString('C:\\dir\\')).toBe('"C:\\\\dir\\\\"');
    expect(appleScriptString('a\nb\r\nc\td\u0007e')).toBe('"a\\nb\\nc\\tde"');
    // An attempt to close the string and run a command stays inside the literal.
    expect(appleScriptString('" & (do shell script "id") & "')).toBe(
      '"\\" & (do shell script \\"id\\") & \\""',
    );
  });

  it('builds one osascript statement passed as an argument, never through a shell', () => {
    expect(osascriptArgs('Need "you"', 'line1\nline2', 'http://h/')).toEqual([
      '-e',
      'display notification "line1\\nline2\\nhttp://h/" with title "Need \\"you\\""',
    ]);
  });

  it('escapes markup', () => {
    expect(escapeMarkup('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
  });
});

describe('desktopNotify', () => {
  it('skips on Linux without a session bus, even when notify-send exists', async () => {
    const out = path.join(root, 'never.txt');
    const bin = fakeBin('nobus', 'notify-send', `echo "$@" > '${out}'`);
    const runtime = mkdtempSync(path.join(root, 'runtime-'));
    const result = await desktopNotify({
      title: 't',
      body: 'b',
      platform: 'linux',
      env: { PATH: bin, XDG_RUNTIME_DIR: runtime },
    });
    expect(result).toBe('skipped');
    expect(existsSync(out)).toBe(false);
  });

  it('skips when notify-send is not on PATH', async () => {
    const empty = mkdtempSync(path.join(root, 'empty-'));
    const result = await desktopNotify({
      title: 't',
      body: 'b',
      platform: 'linux',
      env: { PATH: empty, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    expect(result).toBe('skipped');
  });

  it('skips on Windows', async () => {
    expect(await desktopNotify({ title: 't', body: 'b', platform: 'win32', env: {} })).toBe('skipped');
  });

  it('runs notify-send with argv and the given env when $XDG_RUNTIME_DIR/bus exists', async () => {
    const out = path.join(root, 'argv.txt');
    const bin = fakeBin(
      'bus',
      'notify-send',
      `for a in "$@"; do printf '%s|' "$a"; done > '${out}'; echo "$MARK" >> '${out}'`,
    );
    const runtime = mkdtempSync(path.join(root, 'runtime-'));
    mkdirSync(path.join(runtime, 'bus')); // stands in for the socket: only its existence counts
    const result = await desktopNotify({
      title: 'It’s "done"',
      body: 'x; rm -rf ~ $(id)',
      url: 'http://127.0.0.1:1/s',
      platform: 'linux',
      env: { PATH: bin, XDG_RUNTIME_DIR: runtime, MARK: 'env-ok' },
    });
    expect(result).toBe('shown');
    expect(readFileSync(out, 'utf8')).toBe(
      '--app-name=ccbell|--|It’s "done"|x; rm -rf ~ $(id)\nhttp://127.0.0.1:1/s|env-ok\n',
    );
  });

  it('rejects with the notifier’s exit status and last stderr line', async () => {
    const bin = fakeBin('fail', 'notify-send', 'echo "first" >&2; echo "GDBus.Error: no server" >&2; exit 3');
    const promise = desktopNotify({
      title: 't',
      body: 'b',
      platform: 'linux',
      env: { PATH: bin, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
    });
    await expect(promise).rejects.toBeInstanceOf(DesktopNotifyError);
    await expect(promise).rejects.toBeInstanceOf(EnvironmentError);
    await expect(promise).rejects.toThrow('notify-send failed (exit 3): GDBus.Error: no server');
  });

  it('kills a notifier that hangs, within the time bound', async () => {
    const pidFile = path.join(root, 'hang.pid');
    const bin = fakeBin('hang', 'notify-send', `echo $$ > '${pidFile}'; exec sleep 30`);
    const started = Date.now();
    const promise = desktopNotify({
      title: 't',
      body: 'b',
      platform: 'linux',
      env: { PATH: `${bin}:${process.env.PATH}`, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
      timeoutMs: 300,
    });
    await expect(promise).rejects.toThrow(/did not finish within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(); // gone
  });

  it('runs osascript on macOS with the statement as one argument', async () => {
    const out = path.join(root, 'osa.txt');
    const bin = fakeBin('osa', 'osascript', `for a in "$@"; do printf '%s|' "$a"; done > '${out}'`);
    const result = await desktopNotify({
      title: 'T "q"',
      body: 'B\\',
      platform: 'darwin',
      env: { PATH: bin },
    });
    expect(result).toBe('shown');
    expect(readFileSync(out, 'utf8')).toBe('-e|display notification "B\\\\" with title "T \\"q\\""|');
  });
});
