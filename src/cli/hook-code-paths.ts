// The words a hook run gives the code cache (src/cli/code-cache.ts) for the code paths it went
// down. A run down a path the cache lacks writes the cache again, covering it, so each path costs
// one write per Node version, after which its functions come compiled. Coarse on purpose: a word
// stands for code that only some runs reach (a project file, a cooldown, a channel kind), not
// for what a run's data was.
import type { EventName } from '../config/index.js';
import type { Outcome } from '../events/index.js';

/** What the hook did on its way to the outcome. */
export interface HookRun {
  event: EventName;
  /** It read its input from stdin. */
  readInput: boolean;
  /** A project file or `projects` rule placed it (docs/projects.md). */
  placed: boolean;
  /** It told the app that launched its session. */
  toldApp: boolean;
  /** A click on its notification focuses the session's terminal. */
  focus: boolean;
  /** It asked tmux whether the session's pane is in view. */
  paneCheck: boolean;
}

/** The code paths of one hook run, as short words. */
export function hookCodePaths(run: HookRun, outcome: Outcome): string[] {
  const paths = [`event:${run.event}`];
  if (run.readInput) paths.push('input');
  if (run.placed) paths.push('project');
  if (run.toldApp) paths.push('app');
  if (run.focus) paths.push('focus');
  if (run.paneCheck) paths.push('pane-check');
  if (!outcome.notified) {
    paths.push(`quiet:${outcome.reason}`);
    if (outcome.terminal) paths.push('terminal');
    return paths;
  }
  if (outcome.settings.cooldown > 0) paths.push('cooldown');
  if (outcome.sound) paths.push('sound');
  if (outcome.noPlayer !== undefined) paths.push('no-player');
  if (outcome.desktop !== undefined) paths.push('desktop');
  if (outcome.terminal) paths.push('terminal');
  if (outcome.channels) {
    if (outcome.channels.remote.length > 0) paths.push('webhook');
    for (const channel of outcome.channels.local) paths.push(`channel:${channel.settings.type}`);
  }
  return paths;
}
