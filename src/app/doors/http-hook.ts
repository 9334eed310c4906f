// Door: Claude Code's http hooks, POSTed to the app's /hooks. The body is hook input; the
// response is the hook's JSON output (a PermissionRequest's decision, else nothing).
import type { Core } from '../../core/index.js';
import { hookReplyOf } from '../../core/index.js';
import type { HookInput } from '../../events/index.js';
import { hookDecisionOutput } from '../../protocol/index.js';

/**
 * One http hook's input; resolves with its JSON output. A PermissionRequest waits for its
 * decision (`signal` fires when Claude Code stops waiting); settled elsewhere, it answers `{}`.
 */
export async function httpHookResponse(
  core: Core,
  input: HookInput,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const outcome = await core.hookInput(input, signal);
  if (outcome.kind !== 'closed') return {};
  const output = hookDecisionOutput(hookReplyOf(outcome.item), outcome.item.toolName);
  return output ? (JSON.parse(output) as Record<string, unknown>) : {};
}
