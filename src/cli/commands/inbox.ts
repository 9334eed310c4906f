import { join } from 'node:path';
import { makeToken } from '../../app/web/security.js';
import { gatherInbox, type InboxSource } from '../../inbox/inbox.js';
import { localSource } from '../../inbox/local.js';
import { startInboxServer } from '../../inbox/server.js';
import { type ParsedArgs, portFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { openInBrowser } from '../open-browser.js';

/**
 * `ccbell inbox [--json] [--port N] [--no-open]`: every running app's pending requests and recent
 * events, across the instances of this machine. --json prints them once; otherwise a page.
 */
export async function runInbox(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  const sources: InboxSource[] = [localSource(env)];
  if (args.flags.json) {
    context.stdout(`${JSON.stringify(await gatherInbox(sources), null, 2)}\n`);
    return 0;
  }
  const server = await startInboxServer({
    sources,
    pageToken: makeToken(),
    port: portFlag(args, { allowAny: true }) ?? 0,
    assetsDir: join(context.packageRoot, 'dist', 'web'),
    log: (line) => context.stderr(`[ccbell inbox] ${line}\n`),
  });
  context.stderr(`[ccbell inbox] page: ${server.url}\n`);
  if (args.flags['no-open'] !== true) openInBrowser(server.url, env);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGHUP', resolve);
  });
  await server.close();
  return 0;
}
