// Door: Claude Code's http hooks, POSTed to the app's /hooks. The body is hook input; the
// response is the hook's JSON output (a PermissionRequest's decision, a terminal sequence, or nothing).
import type { Core } from '../../core/index.js';
import { hookReplyOf } from '../../core/index.js';
import type { HookInput } from '../../events/index.js';
import { hookDecisionOutput } from '../../protocol/index.js';

/**
 * One http hook's input; resolves with its JSON output. A PermissionRequest waits for its
 * decision (`signal` fires when Claude Code stops waiting); settled elsewhere, it answers `{}`.
 * Any other event that notifies carries `terminalSequence` when the event's notification gave
 * one (the same verdict as its sound: rules and cooldown): Claude Code writes it to its
 * terminal, as for a command hook.
 */
export async function httpHookResponse(
  core: Core,
  input: HookInput,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const outcome = await core.hookInput(input, signal);
  if (outcome.kind === 'notified')
    return outcome.terminalSequence ? { terminalSequence: outcome.terminalSequence } : {};
  if (outcome.kind !== 'closed') return {};
  const output = hookDecisionOutput(hookReplyOf(outcome.item), outcome.item.toolName);
  return output ? (JSON.parse(output) as Record<string, unknown>) : {};
}
