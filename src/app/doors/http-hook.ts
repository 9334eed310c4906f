// Door: Claude Code's http hooks, POSTed to the app's /hooks. The body is hook input; the
// response is the hook's JSON output (a PermissionRequest's decision, a terminal sequence, or nothing).
import type { EventName } from '../../config/index.js';
import type { Core } from '../../core/index.js';
import { hookReplyOf } from '../../core/index.js';
import type { HookInput } from '../../events/index.js';
import { hookDecisionOutput } from '../../protocol/index.js';

/** The terminal channel's sequence for a notified event (src/channels/terminal-hook.ts), if any. */
export type TerminalSequenceOf = (event: EventName, input: HookInput) => string | undefined;

/**
 * One http hook's input; resolves with its JSON output. A PermissionRequest waits for its
 * decision (`signal` fires when Claude Code stops waiting); settled elsewhere, it answers `{}`.
 * Any other event that notifies carries `terminalSequence` when the terminal channel gives one:
 * Claude Code writes it to its terminal, as for a command hook.
 */
export async function httpHookResponse(
  core: Core,
  input: HookInput,
  signal?: AbortSignal,
  terminalSequenceOf?: TerminalSequenceOf,
): Promise<Record<string, unknown>> {
  const outcome = await core.hookInput(input, signal);
  if (outcome.kind === 'notified') {
    const sequence = terminalSequenceOf?.(outcome.event, input);
    return sequence ? { terminalSequence: sequence } : {};
  }
  if (outcome.kind !== 'closed') return {};
  const output = hookDecisionOutput(hookReplyOf(outcome.item), outcome.item.toolName);
  return output ? (JSON.parse(output) as Record<string, unknown>) : {};
}
