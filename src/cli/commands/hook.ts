import { isAbsolute, join } from 'node:path';
import { EVENT_NAMES, type EventName, isEventName, type RemoteConfig } from '../../config/index.js';
import { routeHookInput } from '../../core/route.js';
import { UsageError } from '../../errors.js';
import { eventNeedsInput, type HookInput, readStdinHookInput, startEvent } from '../../events/index.js';
import { terminalHookOutput } from '../../events/terminal.js';
import type { InstanceConfig } from '../../instance/index.js';
import { canFocus, focusClick, placeFromEnv, type TerminalPlace } from '../../notify/index.js';
import { recordPlace } from '../../state/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { stateLockWaitMs } from '../hook-budget.js';
import { hookCodePaths } from '../hook-code-paths.js';
import { placeInstance, placeMatters } from '../hook-place.js';
import { hookStarts } from '../hook-starts.js';
import { openInstance } from '../instance-context.js';

/** Forwards the event to the app that launched this session, when there is one (lazy: rare path). */
async function tellApp(
  event: EventName,
  input: HookInput | undefined,
  instance: string,
  env: NodeJS.ProcessEnv,
  remote: RemoteConfig | undefined,
) {
  const { forwardEventToApp } = await import('../../approval/forward.js');
  return forwardEventToApp({ event, input, instance, env, ...(remote ? { remote } : {}) });
}

/**
 * Records where the session's terminal lives (tmux pane, kitty window…; docs/focus.md) when the
 * input names the session, and returns what a click on its notification runs: `ccbell focus`.
 */
function sessionPlace(
  instance: InstanceConfig,
  input: HookInput | undefined,
  place: TerminalPlace,
  context: CliContext,
) {
  const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
  if (!sessionId || !canFocus(place)) return undefined;
  recordPlace(instance.cache_dir, sessionId, place as Record<string, string>);
  return focusClick(place, {
    nodePath: process.execPath,
    cliPath: context.cliPath,
    instance: instance.name,
    sessionId,
  });
}

/**
 * How a hook run ended: exit 0 (a real failure throws), and when an event went through the
 * rules, the code paths it went down (the entry's code cache then covers them; a run that stayed
 * out writes no cache).
 */
export interface HookOutcome {
  code: number;
  codePaths?: string[];
}

/**
 * The hook handler: `ccbell [--instance NAME] [--config PATH] [EVENT]`. Reads Claude Code's
 * hook input from stdin (when the event is not given, or its handling uses the input), applies
 * the instance's rules and notifies. Exit 0 when notified or deliberately silent, 1 with one
 * stderr line on a real failure, never 2. Its stdout carries only `{"terminalSequence": …}`,
 * when the terminal channel is on or stands in for a missing sound player.
 */
export async function runHook(args: ParsedArgs, context: CliContext): Promise<HookOutcome> {
  // Under an app, the app's own hooks (marked --app-hook) handle the session; user-level copies stay quiet.
  if (context.env.CCBELL_APP_HOOKS && !args.flags['app-hook']) return { code: 0 };
  const [eventArg, extra] = args.positionals;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)} after the event`);
  if (eventArg !== undefined && !isEventName(eventArg)) {
    throw new UsageError(
      `unknown event or command ${JSON.stringify(eventArg.slice(0, 60))} (events: ${EVENT_NAMES.join(', ')}; see "ccbell --help")`,
    );
  }
  let opened = openInstance(args, context);
  const now = new Date();

  // Per-project settings (docs/projects.md): Claude Code starts a command hook in the session's
  // directory, so a few stat calls from our own cwd tell whether a project file or a `projects`
  // rule can matter; only then is the input read for its `cwd`, the session's own word.
  const ownCwd = process.cwd();
  const placed = placeMatters(opened, ownCwd, context.env);

  let input: HookInput | undefined;
  // Reading stdin costs a hook 0.5 ms under Claude Code, several elsewhere (readStdinHookInput):
  // a plain sound does without it. The debug line and an app's event feed want it too.
  const wantsInput =
    placed ||
    eventArg === undefined ||
    opened.loaded.config.debug ||
    Boolean(context.env.CLAUDE_CODE_UI_INSTANCE_ID) ||
    // A webhook's helper reads the input itself (from the stdin it inherits): not a reason here.
    eventNeedsInput(opened.loaded.config, eventArg, now, { webhooksReadTheirOwn: true });
  if (wantsInput) {
    const read = await readStdinHookInput(context.env);
    if (read.kind === 'json') input = read.input;
    else if (read.kind === 'invalid') opened.logger.warn(`${read.reason}; going on without it`);
  }
  if (placed) {
    const cwd = typeof input?.cwd === 'string' && isAbsolute(input.cwd) ? input.cwd : ownCwd;
    opened = placeInstance(opened, cwd, args, context);
  }
  const { instance, loaded, logger } = opened;

  let event: EventName | undefined = eventArg;
  if (!event) {
    if (input?.hook_event_name) {
      // The core's one reading of hook input, as the app's doors read it.
      event = routeHookInput(input).event;
      if (!event) {
        logger.debug(`hook event ${String(input.hook_event_name).slice(0, 40)} is not one ccbell handles`);
        return { code: 0 };
      }
    } else event = 'stop';
  }
  logger.debug(
    `instance=${instance.name} event=${event} session=${input?.session_id ?? '-'} cwd=${input?.cwd ?? '-'}`,
  );

  const place = placeFromEnv(context.env);
  const click = sessionPlace(instance, input, place, context);
  const forwarded = context.env.CLAUDE_CODE_UI_INSTANCE_ID
    ? tellApp(event, input, instance.name, context.env, loaded.config.remote).catch((error: Error) => {
        logger.warn(`could not reach the app: ${error.message}`);
      })
    : undefined;
  // The player, speech and a webhook's helper start in one spawn (src/cli/hook-starts.ts).
  const starts = hookStarts(context, instance.name, loaded.path, logger);
  const started = startEvent({
    event,
    input,
    instance,
    loaded,
    logger,
    env: context.env,
    bundledSoundsDir: join(context.packageRoot, 'sounds'),
    now,
    stateLockWaitMs: stateLockWaitMs(),
    launch: starts.launch,
    // Webhooks go out from a detached `ccbell deliver`, whose Node starts once this process is
    // gone: the hook returns at once and its helper never competes with it for a CPU.
    deliver: starts.deliver,
    ...(wantsInput ? {} : { deliverFromStdin: starts.deliver }),
    click,
    place,
  });
  starts.flush();
  const outcome = await started.done;
  await forwarded;
  // The terminal channel: Claude Code writes this to its terminal (hooks have none of their own).
  if (outcome.terminal) context.stdout(`${terminalHookOutput(outcome.terminal.sequence)}\n`);
  const run = {
    event,
    readInput: wantsInput,
    placed,
    toldApp: forwarded !== undefined,
    focus: click !== undefined,
    paneCheck: Boolean(loaded.config.quietWhenFocused && place.tmuxPane),
  };
  return { code: 0, codePaths: hookCodePaths(run, outcome) };
}
