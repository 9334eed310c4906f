// Internal: whether the person is looking at a session's tmux pane (peon-ping #255), for the
// optional `quietWhenFocused`. One `tmux display` on the session's own server, an argument
// array, bounded: a hung tmux never holds a hook up, it only means "not in view".

import type { TerminalPlace } from './focus.js';
import { findOnPath } from './players.js';
import { spawnSync } from './spawn.js';

/** How long the tmux query may take; past it the pane counts as not in view. */
export const PANE_CHECK_TIMEOUT_MS = 300;

/** `tmux display`'s argv: the pane's flags, read from the recorded server's socket. */
export function paneInViewArgs(place: Required<Pick<TerminalPlace, 'tmuxPane'>> & TerminalPlace): string[] {
  return [
    ...(place.tmuxSocket ? ['-S', place.tmuxSocket] : []),
    'display',
    '-p',
    '-t',
    place.tmuxPane,
    '#{pane_active} #{window_active} #{session_attached}',
  ];
}

/** Reads `tmux display`'s answer: the pane active, its window active, a client attached. */
export function paneInViewFrom(output: string): boolean {
  const match = /^1 1 (\d+)\s*$/.exec(output);
  return match !== null && Number(match[1]) > 0;
}

/**
 * Whether `place`'s tmux pane is the active pane of the active window of a session a client is
 * attached to: the person most likely sees it. False when there is no pane, no tmux, an error,
 * or no answer within `timeoutMs`. Synchronous, so that the event's verdict (and the terminal
 * sequence an http hook's response carries) is decided in one go; it runs only with
 * `quietWhenFocused` on, and a hung tmux costs at most `timeoutMs`.
 */
export function paneInView(
  place: TerminalPlace,
  env: NodeJS.ProcessEnv,
  timeoutMs: number = PANE_CHECK_TIMEOUT_MS,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const pane = place.tmuxPane;
  if (!pane) return false;
  const tmux = findOnPath('tmux', env.PATH ?? '', platform);
  if (!tmux) return false;
  const run = spawnSync(tmux, paneInViewArgs({ ...place, tmuxPane: pane }), {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 4096,
  });
  return run.status === 0 && typeof run.stdout === 'string' && paneInViewFrom(run.stdout);
}
