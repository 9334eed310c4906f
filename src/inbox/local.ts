// The inbox's local source: every instance registered on this machine whose app is running,
// asked over the local bus's control channel.
import { channelsFor } from '../approval/identity.js';
import { busDirectory, request } from '../bus/index.js';
import { messageOf } from '../errors.js';
import { listInstances, readRunningApp } from '../instance/index.js';
import { parseAnswerReply, parseStatusReply } from '../protocol/index.js';
import { INBOX_FEED_LENGTH, type InboxApp, type InboxSource } from './inbox.js';

/** An app that does not answer within this is listed as a problem, not waited for. */
const ASK_TIMEOUT_MS = 1500;

export function localSource(env: NodeJS.ProcessEnv): InboxSource {
  const dir = busDirectory(env);
  return {
    name: 'local',
    async list() {
      const apps: InboxApp[] = [];
      const problems: string[] = [];
      await Promise.all(
        listInstances(env).map(async (instance) => {
          const record = readRunningApp(instance.pid_path);
          if (!record) return;
          try {
            const reply = await request(
              channelsFor(record.runtimeId).control,
              { op: 'status' },
              { timeoutMs: ASK_TIMEOUT_MS, dir },
            );
            const status = parseStatusReply(reply);
            // The PID file names the instance; an app claiming another name is not shown as it.
            if (status.instance !== instance.name || status.runtime_id !== record.runtimeId) {
              problems.push(`instance "${instance.name}": its app answered as "${status.instance}"`);
              return;
            }
            apps.push({
              key: `local:${record.runtimeId}`,
              instance: instance.name,
              runtimeId: record.runtimeId,
              host: '',
              address: channelsFor(record.runtimeId).control,
              pending: status.pending,
              feed: status.feed.slice(-INBOX_FEED_LENGTH),
            });
          } catch (error) {
            problems.push(`instance "${instance.name}": ${messageOf(error)}`);
          }
        }),
      );
      return { apps, problems };
    },
    async answer(app, id, answer) {
      const reply = await request(
        app.address,
        { op: 'answer', id, answer, by: 'inbox' },
        { timeoutMs: ASK_TIMEOUT_MS * 2, dir },
      );
      return parseAnswerReply(reply);
    },
  };
}

/** The runtime ids of the apps running on this machine now (by their instances' PID files). */
export function localRuntimeIds(env: NodeJS.ProcessEnv): Set<string> {
  const ids = new Set<string>();
  for (const instance of listInstances(env)) {
    const record = readRunningApp(instance.pid_path);
    if (record) ids.add(record.runtimeId);
  }
  return ids;
}
