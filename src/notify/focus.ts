// Internal: click-to-focus. Where a session's terminal lives, read from the environment a hook
// runs in, and the commands that bring it forward: tmux, kitty, WezTerm, the X11 window, the
// macOS app. Every command is an argv array (never a shell), every value is checked first.
import { findOnPath } from './players.js';
import { spawn } from './spawn.js';

/** Where a session's terminal lives; each field is optional and checked when read. */
export interface TerminalPlace {
  /** tmux's server socket (first field of $TMUX) and the session's pane ($TMUX_PANE, `%3`). */
  tmuxSocket?: string;
  tmuxPane?: string;
  /** kitty's window id and remote-control address. */
  kittyWindow?: string;
  kittyListenOn?: string;
  weztermPane?: string;
  /** The X11 window of the terminal ($WINDOWID, decimal). */
  x11Window?: string;
  termProgram?: string;
  /** macOS: the terminal app's bundle id ($__CFBundleIdentifier). */
  macBundle?: string;
}

// Checks that keep a value from being read as an option or a different target.
const CHECKS: Record<keyof TerminalPlace, RegExp> = {
  tmuxSocket: /^\/[^\0]{1,1000}$/,
  tmuxPane: /^%\d{1,9}$/,
  kittyWindow: /^\d{1,9}$/,
  kittyListenOn: /^(?:unix|tcp):[^\0\s]{1,1000}$/,
  weztermPane: /^\d{1,9}$/,
  x11Window: /^(?:\d{1,12}|0x[0-9a-fA-F]{1,10})$/,
  termProgram: /^[A-Za-z0-9._ -]{1,64}$/,
  macBundle: /^[A-Za-z0-9.-]{1,200}$/,
};

/** Keeps only the fields that pass their check: a record from a file is not trusted blindly. */
export function checkedPlace(raw: Readonly<Record<string, string>>): TerminalPlace {
  const place: TerminalPlace = {};
  for (const key of Object.keys(CHECKS) as (keyof TerminalPlace)[]) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (typeof value === 'string' && CHECKS[key].test(value)) place[key] = value;
  }
  return place;
}

/** The place of the terminal a process with `env` runs in. */
export function placeFromEnv(env: NodeJS.ProcessEnv): TerminalPlace {
  return checkedPlace({
    ...(env.TMUX ? { tmuxSocket: env.TMUX.split(',')[0] ?? '' } : {}),
    ...(env.TMUX_PANE ? { tmuxPane: env.TMUX_PANE } : {}),
    ...(env.KITTY_WINDOW_ID ? { kittyWindow: env.KITTY_WINDOW_ID } : {}),
    ...(env.KITTY_LISTEN_ON ? { kittyListenOn: env.KITTY_LISTEN_ON } : {}),
    ...(env.WEZTERM_PANE ? { weztermPane: env.WEZTERM_PANE } : {}),
    ...(env.WINDOWID ? { x11Window: env.WINDOWID } : {}),
    ...(env.TERM_PROGRAM ? { termProgram: env.TERM_PROGRAM } : {}),
    ...(env.__CFBundleIdentifier ? { macBundle: env.__CFBundleIdentifier } : {}),
  });
}

/** One command of a focus: a program and its arguments. */
export interface FocusStep {
  command: string;
  args: string[];
}

/**
 * The commands that bring `place` forward, in order: first the terminal's window (X11, macOS
 * app), then the tab or pane inside it (kitty, WezTerm), then the tmux pane. `has` says whether
 * a program is installed (wmctrl is preferred to xdotool).
 */
export function focusSteps(
  place: TerminalPlace,
  platform: NodeJS.Platform,
  has: (program: string) => boolean,
): FocusStep[] {
  const steps: FocusStep[] = [];
  if (platform === 'darwin' && place.macBundle) {
    steps.push({
      command: 'osascript',
      args: ['-e', `tell application id "${place.macBundle}" to activate`],
    });
  }
  if (platform !== 'darwin' && place.x11Window) {
    if (has('wmctrl')) steps.push({ command: 'wmctrl', args: ['-i', '-a', place.x11Window] });
    else if (has('xdotool'))
      steps.push({ command: 'xdotool', args: ['windowactivate', String(Number(place.x11Window))] });
  }
  if (place.kittyWindow) {
    steps.push({
      command: 'kitten',
      args: [
        '@',
        ...(place.kittyListenOn ? ['--to', place.kittyListenOn] : []),
        'focus-window',
        '--match',
        `id:${place.kittyWindow}`,
      ],
    });
  }
  if (place.weztermPane) {
    steps.push({ command: 'wezterm', args: ['cli', 'activate-pane', '--pane-id', place.weztermPane] });
  }
  if (place.tmuxPane) {
    const server = place.tmuxSocket ? ['-S', place.tmuxSocket] : [];
    // The window and pane first (these work with no client attached), then the client is
    // switched to the pane's session (fails harmlessly when none is attached).
    for (const verb of ['select-window', 'select-pane', 'switch-client'])
      steps.push({ command: 'tmux', args: [...server, verb, '-t', place.tmuxPane] });
  }
  return steps;
}

/** What running one step did. */
export interface FocusResult {
  step: FocusStep;
  ok: boolean;
  detail?: string;
}

/** How long one focus command may run. */
const STEP_TIMEOUT_MS = 3000;

function runStep(step: FocusStep, path: string, env: NodeJS.ProcessEnv): Promise<FocusResult> {
  return new Promise((resolve) => {
    const child = spawn(path, step.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < 500) stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ step, ok: false, detail: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ step, ok: code === 0, ...(code === 0 ? {} : { detail: stderr.trim() || `exit ${code}` }) });
    });
  });
}

/**
 * Brings `place` forward: runs its steps one after another (a failed one does not stop the
 * next: switch-client fails with no client, the window step without a window manager).
 */
export async function focusPlace(
  place: TerminalPlace,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<FocusResult[]> {
  const pathEnv = env.PATH ?? '';
  const has = (program: string) => findOnPath(program, pathEnv, platform) !== undefined;
  const results: FocusResult[] = [];
  for (const step of focusSteps(place, platform, has)) {
    const path = findOnPath(step.command, pathEnv, platform);
    if (!path) {
      results.push({ step, ok: false, detail: `${step.command} is not installed` });
      continue;
    }
    results.push(await runStep(step, path, env));
  }
  return results;
}

/** Whether `place` says anything a focus step can use. */
export function canFocus(place: TerminalPlace): boolean {
  return Boolean(
    place.tmuxPane || place.kittyWindow || place.weztermPane || place.x11Window || place.macBundle,
  );
}

/**
 * What a click on a session's desktop notification runs: `ccbell focus` for the session, which
 * reads the recorded place (src/state/places.ts). Undefined when nothing can be focused.
 */
export function focusClick(
  place: TerminalPlace,
  target: { nodePath: string; cliPath: string; instance: string; sessionId: string },
): { command: string; args: string[]; macBundle?: string | undefined } | undefined {
  if (!canFocus(place)) return undefined;
  return {
    command: target.nodePath,
    args: [target.cliPath, 'focus', '--instance', target.instance, '--session', target.sessionId],
    macBundle: place.macBundle,
  };
}
