// The terminal channel on the hook path (command hook and http hook alike): which sequence, if
// any, one notified event hands back to Claude Code as `terminalSequence`. Pure; handleEvent
// puts it in its outcome, and the door prints it (src/cli) or puts it in the http response (src/app).
import { planChannels } from '../channels/plan.js';
import { BELL, detectTerminal, type TerminalKind, terminalSequence } from '../channels/terminal.js';
import type { ChannelMessage } from '../channels/types.js';
import type { Config, ResolvedEvent } from '../config/index.js';

/** What the terminal channel hands Claude Code for one notified event. */
export interface TerminalOutput {
  kind: TerminalKind;
  /** The bytes for `terminalSequence`. */
  sequence: string;
}

/**
 * The kind the config asks for this event, or undefined when the terminal stays out of it: a
 * terminal channel in the event's `channels` list first, else the instance-wide `terminal`
 * setting; with no player (`fallback`), at least a bell.
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
 * The terminal output of an event that passed every rule (on/off, quiet hours, subagents,
 * cooldown, the same dialog): handleEvent is the only caller, so both doors follow its verdict.
 * `message` is asked for only when the kind shows words (a bell names nothing, and reads no
 * `.git/HEAD` for a branch).
 */
export function terminalOutputFor(
  config: Config,
  settings: ResolvedEvent,
  env: NodeJS.ProcessEnv,
  fallback: boolean,
  message: () => ChannelMessage,
): TerminalOutput | undefined {
  const kind = terminalKindFor(config, env, fallback, settings);
  if (!kind) return undefined;
  return { kind, sequence: kind === 'bell' ? BELL : terminalSequence(kind, message()) };
}

/** A hook's stdout JSON that carries only a terminal sequence (and so decides nothing). */
export function terminalHookOutput(sequence: string): string {
  return JSON.stringify({ terminalSequence: sequence });
}
