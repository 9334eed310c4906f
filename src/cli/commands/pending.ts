import { askApp } from '../../app/client.js';
import { parsePendingReply } from '../../protocol/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/** `ccbell pending [--instance NAME] [--json]`: the requests the instance's app is waiting on. */
export async function runPending(args: ParsedArgs, context: CliContext): Promise<number> {
  const instance = selectedInstance(args, context);
  const pending = parsePendingReply(await askApp(instance, context.env, { op: 'pending' }));
  if (args.flags.json) {
    context.stdout(`${JSON.stringify(pending, null, 2)}\n`);
    return 0;
  }
  if (pending.length === 0) context.stdout(`no pending requests in instance "${instance.name}"\n`);
  for (const item of pending) {
    const where = [item.place, item.host && `on ${item.host}`, item.session_id?.slice(0, 8)]
      .filter(Boolean)
      .join(' · ');
    context.stdout(
      `${item.id}  ${item.tool_name} (${item.risk})  ${item.summary}${where ? `  [${where}]` : ''}\n`,
    );
  }
  return 0;
}
