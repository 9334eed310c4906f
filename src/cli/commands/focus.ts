import { spawn } from 'node:child_process';
import { UsageError } from '../../errors.js';
import { openLogger } from '../../log/index.js';
import {
  CLICK_WAIT_MS,
  checkedPlace,
  type FocusResult,
  focusPlace,
  notifySendClickArgs,
} from '../../notify/index.js';
import { readPlace } from '../../state/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/** Runs the notifier with a default action and waits; true when the person clicked it. */
function waitForClick(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, notifySendClickArgs(args), { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < 1000) stdout += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), CLICK_WAIT_MS);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    // notify-send --wait prints the invoked action's key ("default") and exits when it closes.
    child.on('close', () => {
      clearTimeout(timer);
      resolve(stdout.split('\n').some((line) => line.trim() === 'default'));
    });
  });
}

const describe = (result: FocusResult) =>
  `${result.ok ? 'ok  ' : 'FAIL'} ${[result.step.command, ...result.step.args].join(' ')}${result.detail ? `: ${result.detail}` : ''}`;

/**
 * `ccbell focus --session ID [--instance NAME]`: brings the session's terminal forward (tmux
 * pane, kitty window, WezTerm pane, X11 window; docs/focus.md) from the place its hooks
 * recorded. With `--click -- NOTIFIER ARGS…` (started detached by a hook) it first shows the
 * notification with a default action and focuses only when that is clicked.
 */
export async function runFocus(args: ParsedArgs, context: CliContext): Promise<number> {
  const session = stringFlag(args, 'session');
  if (!session) throw new UsageError('focus needs --session ID');
  const instance = selectedInstance(args, context);
  const logger = openLogger(instance.log_path, false);
  if (args.flags.click) {
    const [command, ...rest] = args.rest;
    if (!command) throw new UsageError('focus --click needs the notifier after "--"');
    if (!(await waitForClick(command, rest, context.env))) return 0;
  }
  const record = readPlace(instance.cache_dir, session);
  if (!record) {
    const problem = `no terminal recorded for session ${session.slice(0, 40)}`;
    logger.warn(`focus: ${problem}`);
    if (!args.flags.click) context.stderr(`ccbell: ${problem}\n`);
    return 1;
  }
  const results = await focusPlace(checkedPlace(record), context.env);
  for (const result of results) {
    if (!result.ok) logger.debug(`focus: ${describe(result)}`);
    if (!args.flags.click) context.stdout(`${describe(result)}\n`);
  }
  return results.some((result) => result.ok) ? 0 : 1;
}
