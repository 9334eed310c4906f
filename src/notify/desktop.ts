// Internal: the desktop-notification channel. Linux goes through notify-send (freedesktop
// notifications over the session D-Bus), macOS through osascript. Programs get argv, never a
// shell string, and every run is bounded so a stuck notifier cannot hold a hook up.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { shellWord } from './launcher.js';
import { findOnPath } from './players.js';
import { spawn } from './spawn.js';

/** How long a notifier may run before it is killed. */
export const DESKTOP_TIMEOUT_MS = 2000;

/** What desktopNotify needs; `env` is the environment the notifier runs with. */
export interface DesktopNotification {
  title: string;
  body: string;
  /** A link for the notification. No notifier here can open it on click, so it goes in the body. */
  url?: string | undefined;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Kill the notifier after this long; default DESKTOP_TIMEOUT_MS. */
  timeoutMs?: number;
  /**
   * What a click on the notification runs: `ccbell focus --session …` (argv, program first).
   * Linux: a detached copy of it shows the notification with a default action and waits for the
   * click, so the hook returns at once. macOS: terminal-notifier's -execute, when installed.
   */
  click?: { command: string; args: string[]; macBundle?: string | undefined } | undefined;
}

/** How long the detached helper waits for a click before it gives up (the notification stays). */
export const CLICK_WAIT_MS = 30 * 60 * 1000;

/** notify-send's argv with a default action, for the helper that waits for the click. */
export function notifySendClickArgs(args: readonly string[]): string[] {
  return ['--action=default=Focus', '--wait', ...args];
}

/** The terminal-notifier argv (after the program) for a notification whose click focuses. */
export function terminalNotifierArgs(
  title: string,
  body: string,
  click: NonNullable<DesktopNotification['click']>,
  url?: string,
): string[] {
  const args = ['-title', title, '-message', bodyWithUrl(body, url) || ' ', '-group', 'ccbell'];
  args.push('-execute', [click.command, ...click.args].map(shellWord).join(' '));
  if (click.macBundle) args.push('-activate', click.macBundle);
  return args;
}

/** The notifier ran but failed, or did not finish in time; carries its exit status and stderr. */
export class DesktopNotifyError extends EnvironmentError {
  override name = 'DesktopNotifyError';
}

/**
 * Escapes text for the body of a freedesktop notification: servers that advertise body-markup
 * (GNOME, KDE, dunst, mako, xfce) parse it as a small HTML subset, so a hook message such as
 * `a < b && c` would otherwise be mangled or dropped.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `text` as an AppleScript string literal: backslashes and quotes escaped, line breaks and tabs
 * as AppleScript's \n \r \t, other control characters dropped.
 */
export function appleScriptString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}

function hasSessionBus(env: NodeJS.ProcessEnv): boolean {
  if (env.DBUS_SESSION_BUS_ADDRESS) return true;
  const runtime = env.XDG_RUNTIME_DIR;
  return Boolean(runtime && path.isAbsolute(runtime) && existsSync(path.join(runtime, 'bus')));
}

function bodyWithUrl(body: string, url: string | undefined): string {
  return url ? (body ? `${body}\n${url}` : url) : body;
}

/** The notify-send argv (after the program) for a notification. */
export function notifySendArgs(title: string, body: string, url?: string): string[] {
  // `--` ends the options, so a title or body starting with "-" stays text. The URL goes into
  // the body: clickable actions need `notify-send --action … --wait`, which blocks until the
  // notification closes, and servers differ in whether they linkify; a visible URL always works
  // (dunst also offers it in its context menu).
  return ['--app-name=ccbell', '--', title, escapeMarkup(bodyWithUrl(body, url))];
}

/** The osascript argv (after the program) for a notification. */
export function osascriptArgs(title: string, body: string, url?: string): string[] {
  // `display notification` has no link support; the URL is shown in the text.
  const script = `display notification ${appleScriptString(bodyWithUrl(body, url))} with title ${appleScriptString(title)}`;
  return ['-e', script];
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 2000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new DesktopNotifyError(`${path.basename(command)} could not start: ${error.message}`, {
          cause: error,
        }),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new DesktopNotifyError(`${path.basename(command)} did not finish within ${timeoutMs} ms; killed`),
        );
      } else if (code === 0) {
        resolve();
      } else {
        const detail = stderr.trim().split('\n').slice(-1)[0] ?? '';
        const status = code === null ? `killed by ${signal}` : `exit ${code}`;
        reject(
          new DesktopNotifyError(
            `${path.basename(command)} failed (${status})${detail ? `: ${detail}` : ''}`,
          ),
        );
      }
    });
  });
}

/**
 * Shows a desktop notification. Resolves 'skipped' when this machine cannot show one (no
 * session bus or no notify-send on Linux, an unsupported platform); rejects with
 * DesktopNotifyError when the notifier fails or overruns its time.
 */
export async function desktopNotify(options: DesktopNotification): Promise<'shown' | 'skipped'> {
  const { title, body, url, platform, env } = options;
  const timeoutMs = options.timeoutMs ?? DESKTOP_TIMEOUT_MS;
  const pathEnv = env.PATH ?? '';
  if (platform === 'darwin') {
    const notifier = options.click ? findOnPath('terminal-notifier', pathEnv, platform) : undefined;
    if (notifier && options.click) {
      await run(notifier, terminalNotifierArgs(title, body, options.click, url), env, timeoutMs);
      return 'shown';
    }
    const osascript = findOnPath('osascript', pathEnv, platform) ?? '/usr/bin/osascript';
    await run(osascript, osascriptArgs(title, body, url), env, timeoutMs);
    return 'shown';
  }
  if (platform === 'win32') return 'skipped';
  if (!hasSessionBus(env)) return 'skipped';
  const notifySend = findOnPath('notify-send', pathEnv, platform);
  if (!notifySend) return 'skipped';
  if (options.click) {
    // The helper runs notify-send with --action and --wait, and on a click the focus steps.
    const { command, args } = options.click;
    const child = spawn(
      command,
      [...args, '--click', '--', notifySend, ...notifySendArgs(title, body, url)],
      {
        env,
        detached: true,
        stdio: 'ignore',
      },
    );
    child.on('error', () => {});
    child.unref();
    return 'shown';
  }
  await run(notifySend, notifySendArgs(title, body, url), env, timeoutMs);
  return 'shown';
}
