// The inbox's broker source: every app of the person's user on the NATS broker (issue 12), on
// any machine, found by asking the user's discovery subject and then each app's control subject.
import { discoverySubject, remoteTransport } from '../bus/index.js';
import type { RemoteConfig } from '../config/index.js';
import { loadConfig } from '../config/index.js';
import { messageOf } from '../errors.js';
import { listInstances } from '../instance/index.js';
import { parseAnswerReply, parseDiscoveryReply, parseStatusReply } from '../protocol/index.js';
import { INBOX_FEED_LENGTH, type InboxApp, type InboxSource } from './inbox.js';

/** How long the inbox listens for apps answering the discovery subject. */
const DISCOVERY_WAIT_MS = 500;
const ASK_TIMEOUT_MS = 2000;

/** The distinct brokers (url and user) the instances of this machine are configured with. */
export function configuredBrokers(env: NodeJS.ProcessEnv): RemoteConfig[] {
  const seen = new Map<string, RemoteConfig>();
  for (const instance of listInstances(env)) {
    const remote = loadConfig(instance.config_path).config.remote;
    if (remote) seen.set(`${remote.user}@${remote.url.join(',')}`, remote);
  }
  return [...seen.values()];
}

/**
 * The apps on one broker. `isLocal` names apps the local source already shows (an app serving
 * both the local bus and the broker), which are left out here.
 */
export function brokerSource(
  config: RemoteConfig,
  env: NodeJS.ProcessEnv,
  options: { host: string; isLocal(runtimeId: string): boolean },
): InboxSource & { close(): Promise<void> } {
  const transport = remoteTransport({ config, env, mode: 'long', name: `ccbell inbox@${options.host}` });
  const name = 'broker';
  return {
    name,
    async list() {
      const apps: InboxApp[] = [];
      const problems: string[] = [];
      const replies = await transport.gather(
        discoverySubject(config.user),
        {},
        { maxWaitMs: DISCOVERY_WAIT_MS },
      );
      await Promise.all(
        replies.map(async (reply) => {
          let found: ReturnType<typeof parseDiscoveryReply>;
          try {
            found = parseDiscoveryReply(reply);
          } catch (error) {
            problems.push(`broker: an app answered discovery with ${messageOf(error)}`);
            return;
          }
          if (found.host === options.host && options.isLocal(found.runtime_id)) return;
          try {
            const status = parseStatusReply(
              await transport.request(found.control, { op: 'status' }, { timeoutMs: ASK_TIMEOUT_MS }),
            );
            apps.push({
              key: `${name}:${found.runtime_id}`,
              instance: found.instance,
              runtimeId: found.runtime_id,
              host: found.host === options.host ? '' : found.host,
              address: found.control,
              pending: status.pending,
              feed: status.feed.slice(-INBOX_FEED_LENGTH),
            });
          } catch (error) {
            problems.push(`${found.instance}@${found.host}: ${messageOf(error)}`);
          }
        }),
      );
      return { apps, problems };
    },
    async answer(app, id, answer) {
      const reply = await transport.request(
        app.address,
        { op: 'answer', id, answer, by: 'inbox' },
        { timeoutMs: ASK_TIMEOUT_MS },
      );
      return parseAnswerReply(reply);
    },
    close: () => transport.close(),
  };
}
