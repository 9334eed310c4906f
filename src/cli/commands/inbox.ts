import { join } from 'node:path';
import { makeToken } from '../../app/web/security.js';
import { hostName } from '../../approval/route.js';
import { brokerSource, configuredBrokers } from '../../inbox/broker.js';
import { gatherInbox, type InboxSource } from '../../inbox/inbox.js';
import { localRuntimeIds, localSource } from '../../inbox/local.js';
import { startInboxServer } from '../../inbox/server.js';
import { type ParsedArgs, portFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { openInBrowser } from '../open-browser.js';

/**
 * `ccbell inbox [--json] [--port N] [--no-open]`: every running app's pending requests and recent
 * events, across the instances of this machine and, through the broker of any instance with a
 * `remote` block, the person's apps on other machines. --json prints them once; otherwise a page.
 */
export async function runInbox(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  const brokers = configuredBrokers(env).map((config) =>
    brokerSource(config, env, { host: hostName(env), isLocal: (id) => localRuntimeIds(env).has(id) }),
  );
  const sources: InboxSource[] = [localSource(env), ...brokers];
  const closeBrokers = () => Promise.all(brokers.map((broker) => broker.close()));
  if (args.flags.json) {
    context.stdout(`${JSON.stringify(await gatherInbox(sources), null, 2)}\n`);
    await closeBrokers();
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
  await Promise.all([server.close(), closeBrokers()]);
  return 0;
}
