// The terminal channel on the hook path (command hook and http hook alike): which sequence, if
// any, one notified event hands back to Claude Code as `terminalSequence`. Pure; the caller
// prints it (src/cli) or puts it in the http response (src/app).
import type { Config, EventName } from '../config/index.js';
import { decide, type HookInput } from '../events/index.js';
import { eventMessage } from './event-message.js';
import { BELL, detectTerminal, type TerminalKind, terminalSequence } from './terminal.js';

export interface TerminalForEventOptions {
  /** The named instance, for the message's title. */
  instance: string;
  /** No sound player was found: the terminal stands in for the sound, with at least a bell. */
  fallback?: boolean;
  now?: Date;
}

/**
 * The kind the config asks for this event, or undefined when the terminal stays out of it. Once
 * `events.X.channels` lands, this is where "the event's channels include terminal" is read.
 */
export function terminalKindFor(
  config: Config,
  env: NodeJS.ProcessEnv,
  fallback = false,
): TerminalKind | undefined {
  const setting = config.terminal ?? 'off';
  if (setting === 'off') return fallback ? 'bell' : undefined;
  return setting === 'auto' ? detectTerminal(env) : setting;
}

/**
 * The `terminalSequence` for one event, or undefined. Call it after the event was notified (it
 * passed the rules and its cooldown); it applies the pure rules (on/off, quiet hours, subagents)
 * again, so a caller that has no outcome (the app's http door) cannot ring in quiet hours.
 */
export function terminalSequenceForEvent(
  config: Config,
  event: EventName,
  input: HookInput | undefined,
  env: NodeJS.ProcessEnv,
  options: TerminalForEventOptions,
): string | undefined {
  if (!decide(config, event, options.now ?? new Date(), input).go) return undefined;
  const kind = terminalKindFor(config, env, options.fallback);
  if (!kind) return undefined;
  // A bell names nothing: no message (and no read of .git/HEAD for its branch).
  if (kind === 'bell') return BELL;
  return terminalSequence(kind, eventMessage(event, options.instance, input));
}

/** A hook's stdout JSON that carries only a terminal sequence (and so decides nothing). */
export function terminalHookOutput(sequence: string): string {
  return JSON.stringify({ terminalSequence: sequence });
}
