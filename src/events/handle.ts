import type { LocalChannel } from '../channels/plan.js';
import { planChannels } from '../channels/plan.js';
import { speakMessage } from '../channels/speech.js';
import type { ChannelMessage, DeliveryRequest, InputDelivery, MessageAction } from '../channels/types.js';
import {
  type Config,
  EVENT_NAMES,
  type EventName,
  isQuietTime,
  type LoadedConfig,
  type ResolvedEvent,
  resolveEvent,
} from '../config/index.js';
import type { InstanceConfig } from '../instance/index.js';
import type { Logger } from '../log/index.js';
import {
  type DesktopNotification,
  desktopNotify,
  findPlayer,
  type Launch,
  NoPlayerError,
  type Player,
  paneInView,
  playSound,
  resolveSound,
  type TerminalPlace,
} from '../notify/index.js';
import { claimCooldown, hasRecentMark, LockTimeoutError, leaveMark } from '../state/index.js';
import { describeEvent } from './describe.js';
import type { HookInput } from './input.js';
import { buildMessage } from './message.js';
import { type TerminalOutput, terminalOutputFor } from './terminal.js';

/** Why an event made no sound; each is a deliberate choice of the person's config (exit 0). */
export type SuppressReason =
  | 'disabled'
  | 'event-disabled'
  | 'quiet-hours'
  | 'cooldown'
  | 'subagent'
  | 'after-stop'
  | 'same-dialog'
  | 'in-view';

/** Events that mean "a person must act now": never silenced as a subagent's progress. */
const NEEDS_YOU: ReadonlySet<EventName> = new Set<EventName>([
  'permission_prompt',
  'permission_request',
  'permission_denied',
  'stop_failure',
  'elicitation_dialog',
  'agent_needs_input',
]);

/**
 * A permission dialog fires PermissionRequest at once and Notification `permission_prompt`
 * about 6 s later when still open: a `permission_prompt` this soon after the session's
 * announced request is the same dialog.
 */
export const SAME_DIALOG_WINDOW_MS = 60_000;

export type Outcome =
  | {
      notified: false;
      reason: SuppressReason;
      /**
       * Only for a `permission_prompt` silenced as the same dialog when the request's terminal
       * output could not be handed to Claude Code (the app notified it while a hook waited for
       * a decision): the ring it is owed, and nothing else.
       */
      terminal?: TerminalOutput;
    }
  | {
      notified: true;
      settings: ResolvedEvent;
      /** The cooldown state stayed locked: notified without recording the firing. */
      unrecorded?: true;
      sound?: { file: string; player: Player; volume: number };
      /** No sound player on this machine (an SSH session): the caller's terminal rings instead. */
      noPlayer?: string;
      desktop?: 'shown' | 'skipped' | 'failed';
      /**
       * What the door hands Claude Code as `terminalSequence` (the terminal channel, or a bell
       * standing in for a missing player). Decided here, after every rule and the cooldown, so
       * the command hook and the app's http hook follow one verdict.
       */
      terminal?: TerminalOutput;
      /** Present when the event names channels beyond sound and desktop (issue 10). */
      channels?: {
        message: ChannelMessage;
        /** Webhook channels handed to `deliver`. */
        remote: string[];
        /** Terminal and speech channels: spoken here; the terminal's sequence is `terminal` below. */
        local: LocalChannel[];
      };
    };

/** Everything handling one event needs; the same whether it came by command hook or http hook. */
export interface EventContext {
  event: EventName;
  input?: HookInput | undefined;
  instance: InstanceConfig;
  loaded: LoadedConfig;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  bundledSoundsDir: string;
  platform?: NodeJS.Platform;
  now?: Date;
  /** A link shown in desktop notifications (the app's page). */
  url?: string;
  /** Buttons a channel may carry (the phone's Allow and Deny for a new request). */
  actions?: MessageAction[];
  /**
   * Set by a command hook that left its input unread: webhook channels then go to a helper that
   * reads the input from the stdin it inherits and builds the message itself, so the hook pays
   * for neither. Used only when `input` is undefined.
   */
  deliverFromStdin?: (request: InputDelivery) => void;
  /**
   * Schedules the process starts (player, desktop notification, speech, webhook hand-off) once
   * the verdict is in. The app's http door defers them past its response (`setImmediate`), so
   * Claude Code is answered before any process is spawned; default: at once.
   */
  defer?: (start: () => void) => void;
  /** How long to wait for the cooldown state's lock before notifying without recording. */
  stateLockWaitMs?: number;
  /**
   * Hands webhook channels their message: a detached `ccbell deliver` from a command hook, in
   * process in the app. Must return at once and never throw.
   */
  deliver?: (request: DeliveryRequest) => void;
  /**
   * Starts the sound player and speech programs: the app's launcher shell (src/notify/launcher.ts),
   * so its event loop never waits for a fork; default a direct spawn (a hook starts one).
   */
  launch?: Launch;
  /**
   * The door cannot hand Claude Code a terminal sequence (the app notifying a request that a
   * hook is waiting on for a decision): the outcome carries none, and a permission request
   * leaves its ring to the dialog's later permission_prompt.
   */
  noTerminalOutput?: boolean;
  /** What a click on the desktop notification runs (`ccbell focus`), when the session's terminal is known. */
  click?: DesktopNotification['click'];
  /** Where the session's terminal lives: with `quietWhenFocused`, its tmux pane is checked. */
  place?: TerminalPlace | undefined;
  /** How long the tmux check may take (tests); default PANE_CHECK_TIMEOUT_MS. */
  paneCheckTimeoutMs?: number;
}

/** The pure part of the rules: enabled, the event's settings, quiet hours. No files touched. */
export function decide(
  config: Config,
  event: EventName,
  now: Date,
  input?: HookInput,
): { go: false; reason: SuppressReason } | { go: true; settings: ResolvedEvent } {
  if (!config.enabled) return { go: false, reason: 'disabled' };
  const settings = resolveEvent(config, event);
  if (!settings.enabled) return { go: false, reason: 'event-disabled' };
  if (isQuietTime(config.quietHours, now)) return { go: false, reason: 'quiet-hours' };
  if (!config.subagents && isSubagentEvent(event, input)) return { go: false, reason: 'subagent' };
  if (event === 'idle_prompt' && !config.idleAfterStop && stopAlwaysSounds(config, now)) {
    return { go: false, reason: 'after-stop' };
  }
  return { go: true, settings };
}

/** A subagent's progress (its end, or any event its input marks with `agent_id`), not a need. */
function isSubagentEvent(event: EventName, input: HookInput | undefined): boolean {
  if (NEEDS_YOU.has(event)) return false;
  return event === 'subagent' || typeof input?.agent_id === 'string';
}

/**
 * An idle prompt comes only after a turn ended (Stop) and the person did not answer. When the
 * Stop surely sounded (on, no cooldown, not quiet), the idle prompt would be a second alert
 * for the same wait: decided from the config alone, so the Stop hook records nothing.
 */
function stopAlwaysSounds(config: Config, now: Date): boolean {
  const stop = resolveEvent(config, 'stop');
  return stop.enabled && stop.volume > 0 && stop.cooldown === 0 && !isQuietTime(config.quietHours, now);
}

/**
 * Whether handling `event` now reads the hook input (a cooldown kept per session, a desktop
 * notification's text); kept next to handleEvent, which it mirrors.
 */
export function eventNeedsInput(
  config: Config,
  event: EventName,
  now: Date,
  options: { webhooksReadTheirOwn?: boolean } = {},
): boolean {
  const verdict = decide(config, event, now);
  if (!verdict.go) return false;
  const { settings } = verdict;
  // The session id of a permission dialog's two hooks tells one dialog from two.
  if (event === 'permission_request' || event === 'permission_prompt') return true;
  // Any channel but the sound says something about the session (project, tool, command); so
  // does a terminal notification (a bare bell does not).
  // (Webhook channels need it only when their helper cannot read it itself: see deliverFromStdin.)
  const webhooks = options.webhooksReadTheirOwn ? new Set(planChannels(config, settings).remote) : undefined;
  if (settings.channels?.some((name) => name !== 'sound' && !webhooks?.has(name))) return true;
  const terminalNames =
    config.terminal !== undefined && config.terminal !== 'off' && config.terminal !== 'bell';
  return settings.desktop || terminalNames || (settings.cooldown > 0 && config.cooldownScope === 'session');
}

/** The cooldown key: per event (original ccbell), or per event and session when configured. */
export function cooldownKey(config: Config, event: EventName, input: HookInput | undefined): string {
  const session = typeof input?.session_id === 'string' ? input.session_id : '';
  return config.cooldownScope === 'session' && session ? `${event}:${session}` : event;
}

/** Cooldown entries are kept at least a day, and as long as the longest cooldown. */
const KEEP_COOLDOWN_ENTRIES_SECONDS = 24 * 60 * 60;

/** How long a cooldown entry can still matter under `config`: then the state may forget it. */
export function cooldownMemorySeconds(config: Config): number {
  let longest = KEEP_COOLDOWN_ENTRIES_SECONDS;
  for (const event of EVENT_NAMES) longest = Math.max(longest, resolveEvent(config, event).cooldown);
  return longest;
}

/**
 * Applies the instance's rules to one event and notifies through its channels. Throws typed
 * errors for real failures (a missing sound, a player setting that is not one); a suppressed
 * event is an outcome, and so is a machine with no player at all (`noPlayer`).
 */
export async function handleEvent(context: EventContext): Promise<Outcome> {
  return startEvent(context).done;
}

/** An event whose rules are applied and whose notifications are started. */
export interface StartedEvent {
  /** The verdict and everything but the desktop notification's result (`terminal` included). */
  outcome: Outcome;
  /** The same outcome once the desktop notification has ended (shown, skipped or failed). */
  done: Promise<Outcome>;
}

/**
 * handleEvent's synchronous part: the rules, the cooldown, and every channel started. A door
 * that must answer Claude Code before the desktop notification ends (the app's http hook) reads
 * `outcome` at once. Throws what handleEvent rejects with.
 */
export function startEvent(context: EventContext): StartedEvent {
  const { event, input, instance, loaded, logger } = context;
  const config = loaded.config;
  const now = context.now ?? new Date();
  const verdict = decide(config, event, now, input);
  if (!verdict.go) {
    logger.debug(`event=${event} suppressed: ${verdict.reason}`);
    return settledAt({ notified: false, reason: verdict.reason });
  }
  const { settings } = verdict;
  const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
  if (
    event === 'permission_prompt' &&
    sessionId &&
    hasRecentMark(instance.cache_dir, sessionId, 'dialog', SAME_DIALOG_WINDOW_MS, now.getTime())
  ) {
    logger.debug(`event=${event} suppressed: the session's permission request was announced`);
    const silenced: Outcome = { notified: false, reason: 'same-dialog' };
    if (hasRecentMark(instance.cache_dir, sessionId, 'dialog-ring', SAME_DIALOG_WINDOW_MS, now.getTime())) {
      // The request rang everything but the terminal: this hook hands over that ring alone.
      const request = resolveEvent(config, 'permission_request');
      const noPlayer = findPlayerOrNone(config, context.platform ?? process.platform, context.env);
      const terminal = terminalOutputFor(
        config,
        request,
        context.env,
        noPlayer instanceof NoPlayerError,
        () => buildMessage(event, instance.name, input),
      );
      if (terminal) silenced.terminal = terminal;
    }
    return settledAt(silenced);
  }
  // Before the cooldown: an event the person watched happen does not use up the next alert.
  if (
    config.quietWhenFocused &&
    context.place?.tmuxPane &&
    paneInView(context.place, context.env, context.paneCheckTimeoutMs)
  ) {
    logger.debug(`event=${event} suppressed: the session's tmux pane ${context.place.tmuxPane} is in view`);
    return settledAt({ notified: false, reason: 'in-view' });
  }
  const outcome: Outcome = { notified: true, settings };
  if (settings.cooldown > 0) {
    const key = cooldownKey(config, event, input);
    let claim: ReturnType<typeof claimCooldown> | undefined;
    try {
      claim = claimCooldown(instance.state_path, key, settings.cooldown, now.getTime(), {
        lockWaitMs: context.stateLockWaitMs,
        forgetAfterSeconds: cooldownMemorySeconds(config),
      });
    } catch (error) {
      // Other hooks kept the state locked past this one's patience (a burst of sessions on a
      // busy machine): a sound twice is better than a "needs you" lost, so notify unrecorded.
      if (!(error instanceof LockTimeoutError)) throw error;
      logger.warn(`event=${event} notifying without recording its cooldown (key ${key}): ${error.message}`);
      outcome.unrecorded = true;
    }
    if (claim && 'setAside' in claim) logger.warn(`state file was corrupt; kept it as ${claim.setAside}`);
    if (claim && 'unrecorded' in claim) {
      logger.warn(`event=${event} notified without cooldown: ${claim.unrecorded}`);
      outcome.unrecorded = true;
    }
    if (claim?.kind === 'cooling') {
      logger.debug(`event=${event} suppressed: cooldown (${claim.remainingSeconds}s left, key ${key})`);
      return settledAt({ notified: false, reason: 'cooldown' });
    }
  }

  if (event === 'permission_request' && sessionId)
    leaveMark(instance.cache_dir, sessionId, 'dialog', now.getTime());
  const platform = context.platform ?? process.platform;
  const plan = planChannels(config, settings);
  let built: ChannelMessage | undefined;
  const messageOnce = () => {
    built ??= buildMessage(event, instance.name, input, { url: context.url, actions: context.actions });
    return built;
  };
  const fire = context.defer ?? ((start: () => void) => start());
  if (plan.remote.length > 0 || plan.local.length > 0) {
    const message = messageOnce();
    outcome.channels = { message, remote: plan.remote, local: plan.local };
    // Webhooks first: a missing player below must not cost the phone its push.
    if (plan.remote.length > 0) {
      const { deliver, deliverFromStdin } = context;
      if (input === undefined && deliverFromStdin)
        fire(() => deliverFromStdin({ event, channels: plan.remote, inputOnStdin: true }));
      else if (deliver) fire(() => deliver({ message, channels: plan.remote }));
      else logger.warn(`event=${event} channels ${plan.remote.join(', ')}: no delivery here; skipped`);
    }
    // Speech is spoken from here, detached like a sound; the terminal channel is the door's
    // output (Claude Code writes a hook's terminalSequence: src/events/terminal.ts).
    for (const { name, settings: local } of plan.local) {
      if (local.type !== 'speech') continue;
      fire(() => {
        try {
          const spoken = speakMessage(local, message, {
            platform,
            env: context.env,
            onError: (error) => logger.warn(`channel ${name}: speech failed to start: ${error.message}`),
            ...(context.launch ? { launch: context.launch } : {}),
          });
          logger.debug(`event=${event} channel ${name} said "${spoken.text}" with ${spoken.program.name}`);
        } catch (error) {
          logger.warn(`channel ${name}: ${(error as Error).message}`);
        }
      });
    }
  }
  const desktop = plan.desktop
    ? new Promise<'shown' | 'skipped' | 'failed'>((resolve) =>
        fire(() => {
          const { title, body } = describeEvent(event, instance.name, input, config.label);
          desktopNotify({
            title,
            body,
            url: context.url,
            platform,
            env: context.env,
            click: context.click,
          })
            .catch((error) => {
              logger.warn(`desktop notification failed: ${(error as Error).message}`);
              return 'failed' as const;
            })
            .then(resolve);
        }),
      )
    : undefined;

  if (plan.sound && settings.sound && settings.volume > 0) {
    const file = resolveSound(settings.sound, context.bundledSoundsDir);
    const player = findPlayerOrNone(config, platform, context.env);
    if (player instanceof NoPlayerError) {
      // Over SSH, or on a server: no sound can play here, and the terminal channel stands in.
      outcome.noPlayer = player.message;
      logger.warn(`event=${event} not played: ${player.message}`);
    } else {
      fire(() =>
        playSound({
          player,
          file,
          volume: settings.volume,
          onError: (error) => logger.warn(`player ${player.path} failed to start: ${error.message}`),
          ...(context.launch ? { launch: context.launch } : {}),
        }),
      );
      outcome.sound = { file, player, volume: settings.volume };
      logger.debug(`event=${event} played ${file} with ${player.name} at volume ${settings.volume}`);
    }
  }
  const terminal = terminalOutputFor(
    config,
    settings,
    context.env,
    outcome.noPlayer !== undefined,
    messageOnce,
  );
  if (terminal && context.noTerminalOutput) {
    // Nobody hands this sequence to Claude Code: a request's ring is owed to its dialog's
    // permission_prompt (which stays silent otherwise, as the same dialog).
    if (event === 'permission_request' && sessionId)
      leaveMark(instance.cache_dir, sessionId, 'dialog-ring', now.getTime());
  } else if (terminal) outcome.terminal = terminal;
  const done = desktop
    ? desktop.then((result) => {
        outcome.desktop = result;
        return outcome;
      })
    : Promise.resolve(outcome);
  return { outcome, done };
}

/** A started event that was silenced: nothing left to wait for. */
function settledAt(outcome: Outcome): StartedEvent {
  return { outcome, done: Promise.resolve(outcome) };
}

/** The player for a sound, or the NoPlayerError saying none is here (other errors are thrown). */
function findPlayerOrNone(
  config: Config,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): Player | NoPlayerError {
  try {
    return findPlayer({ platform, pathEnv: env.PATH ?? '', preferred: config.player });
  } catch (error) {
    if (error instanceof NoPlayerError) return error;
    throw error;
  }
}
