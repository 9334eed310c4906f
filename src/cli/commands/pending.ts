import { askApp } from '../../app/client.js';
import type { ItemView } from '../../app/protocol.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/** `ccbell pending [--instance NAME] [--json]`: the requests the instance's app is waiting on. */
export async function runPending(args: ParsedArgs, context: CliContext): Promise<number> {
  const instance = selectedInstance(args, context);
  const reply = (await askApp(instance, context.env, { op: 'pending' })) as { pending: ItemView[] };
  if (args.flags.json) {
    context.stdout(`${JSON.stringify(reply.pending, null, 2)}\n`);
    return 0;
  }
  if (reply.pending.length === 0) context.stdout(`no pending requests in instance "${instance.name}"\n`);
  for (const item of reply.pending) {
    context.stdout(
      `${item.id}  ${item.tool_name} (${item.risk})  ${item.summary}${item.cwd ? `  [${item.cwd}]` : ''}\n`,
    );
  }
  return 0;
}
