import { askApp } from '../../app/client.js';
import type { ItemView } from '../../app/protocol.js';
import { EnvironmentError, UsageError } from '../../errors.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

type Reply =
  | { ok: true; item: ItemView }
  | { ok: false; reason: 'unknown' | 'already-answered'; item?: ItemView };

/** `ccbell answer REQUEST_ID allow|deny [--message TEXT] [--instance NAME]`: answers from any terminal. */
export async function runAnswer(args: ParsedArgs, context: CliContext): Promise<number> {
  const [id, behavior, extra] = args.positionals;
  if (!id || (behavior !== 'allow' && behavior !== 'deny') || extra !== undefined) {
    throw new UsageError('usage: ccbell answer REQUEST_ID allow|deny [--message TEXT] [--instance NAME]');
  }
  const instance = selectedInstance(args, context);
  const message = stringFlag(args, 'message');
  const reply = (await askApp(instance, context.env, {
    op: 'answer',
    id,
    behavior,
    by: 'cli',
    ...(message ? { message } : {}),
  })) as Reply;
  if (reply.ok) {
    context.stdout(
      `${behavior === 'allow' ? 'allowed' : 'denied'} request ${id} (${reply.item.tool_name}: ${reply.item.summary})\n`,
    );
    return 0;
  }
  if (reply.reason === 'unknown')
    throw new UsageError(
      `no request ${JSON.stringify(id)} in instance "${instance.name}" (see "ccbell pending")`,
    );
  const decision = reply.item?.decision;
  throw new EnvironmentError(
    `request ${id} was already answered: ${decision?.behavior ?? '?'} by ${decision?.by ?? '?'}`,
  );
}
