import { join } from 'node:path';
import { EVENT_NAMES, type EventName, isEventName, type RemoteConfig } from '../../config/index.js';
import { routeHookInput } from '../../core/route.js';
import { UsageError } from '../../errors.js';
import { eventNeedsInput, type HookInput, handleEvent, readHookInput } from '../../events/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { stateLockWaitMs } from '../hook-budget.js';
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
 * How a hook run ended: exit 0 (a real failure throws), and whether an event went through the
 * rules (the entry writes its code cache after such a run, not after one that stayed out).
 */
export interface HookOutcome {
  code: number;
  handled: boolean;
}

/**
 * The hook handler: `ccbell [--instance NAME] [--config PATH] [EVENT]`. Reads Claude Code's
 * hook input from stdin (when the event is not given, or its handling uses the input), applies
 * the instance's rules and notifies. Exit 0 when notified or deliberately silent, 1 with one
 * stderr line on a real failure, never 2.
 */
export async function runHook(args: ParsedArgs, context: CliContext): Promise<HookOutcome> {
  // Under an app, the app's own hooks (marked --app-hook) handle the session; user-level copies stay quiet.
  if (context.env.CCBELL_APP_HOOKS && !args.flags['app-hook']) return { code: 0, handled: false };
  const [eventArg, extra] = args.positionals;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)} after the event`);
  if (eventArg !== undefined && !isEventName(eventArg)) {
    throw new UsageError(
      `unknown event or command ${JSON.stringify(eventArg.slice(0, 60))} (events: ${EVENT_NAMES.join(', ')}; see "ccbell --help")`,
    );
  }
  const { instance, loaded, logger } = openInstance(args, context);
  const now = new Date();

  let input: HookInput | undefined;
  // Reading stdin costs a hook a socket and a stream (several ms of a ~10 ms budget): a plain
  // sound does without it. The debug line and an app's event feed want it too.
  const wantsInput =
    eventArg === undefined ||
    loaded.config.debug ||
    Boolean(context.env.CLAUDE_CODE_UI_INSTANCE_ID) ||
    eventNeedsInput(loaded.config, eventArg, now);
  if (wantsInput) {
    const read = await readHookInput();
    if (read.kind === 'json') input = read.input;
    else if (read.kind === 'invalid') logger.warn(`${read.reason}; going on without it`);
  }

  let event: EventName | undefined = eventArg;
  if (!event) {
    if (input?.hook_event_name) {
      // The core's one reading of hook input, as the app's doors read it.
      event = routeHookInput(input).event;
      if (!event) {
        logger.debug(`hook event ${String(input.hook_event_name).slice(0, 40)} is not one ccbell handles`);
        return { code: 0, handled: false };
      }
    } else event = 'stop';
  }
  logger.debug(
    `instance=${instance.name} event=${event} session=${input?.session_id ?? '-'} cwd=${input?.cwd ?? '-'}`,
  );

  const forwarded = context.env.CLAUDE_CODE_UI_INSTANCE_ID
    ? tellApp(event, input, instance.name, context.env, loaded.config.remote).catch((error: Error) => {
        logger.warn(`could not reach the app: ${error.message}`);
      })
    : undefined;
  await handleEvent({
    event,
    input,
    instance,
    loaded,
    logger,
    env: context.env,
    bundledSoundsDir: join(context.packageRoot, 'sounds'),
    now,
    stateLockWaitMs: stateLockWaitMs(),
  });
  await forwarded;
  return { code: 0, handled: true };
}
