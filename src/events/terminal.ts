// The terminal channel on the hook path (command hook and http hook alike): which sequence, if
// any, one notified event hands back to Claude Code as `terminalSequence`. Pure; the caller
// prints it (src/cli) or puts it in the http response (src/app).
import { planChannels } from '../channels/plan.js';
import { BELL, detectTerminal, type TerminalKind, terminalSequence } from '../channels/terminal.js';
import type { Config, EventName, ResolvedEvent } from '../config/index.js';
import { decide } from './handle.js';
import type { HookInput } from './input.js';
import { buildMessage } from './message.js';

export interface TerminalForEventOptions {
  /** The named instance, for the message's title. */
  instance: string;
  /** No sound player was found: the terminal stands in for the sound, with at least a bell. */
  fallback?: boolean;
  now?: Date;
}

/**
 * The kind the config asks for this event, or undefined when the terminal stays out of it: a
 * terminal channel in the event's `channels` list first, else the instance-wide `terminal`
 * setting; with no player, at least a bell.
 */
export function terminalKindFor(
  config: Config,
  env: NodeJS.ProcessEnv,
  fallback = false,
  settings?: ResolvedEvent,
): TerminalKind | undefined {
  const listed = settings
    ? planChannels(config, settings).local.find((c) => c.settings.type === 'terminal')
    : undefined;
  if (listed?.settings.type === 'terminal') {
    const kind = listed.settings.kind;
    return kind === 'auto' ? detectTerminal(env) : kind;
  }
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
  const verdict = decide(config, event, options.now ?? new Date(), input);
  if (!verdict.go) return undefined;
  const kind = terminalKindFor(config, env, options.fallback, verdict.settings);
  if (!kind) return undefined;
  // A bell names nothing: no message (and no read of .git/HEAD for its branch).
  if (kind === 'bell') return BELL;
  return terminalSequence(kind, buildMessage(event, options.instance, input));
}

/** A hook's stdout JSON that carries only a terminal sequence (and so decides nothing). */
export function terminalHookOutput(sequence: string): string {
  return JSON.stringify({ terminalSequence: sequence });
}
