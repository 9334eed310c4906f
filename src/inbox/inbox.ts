// The inbox: one view of every app's pending requests and recent events, across instances (and,
// through a broker, machines). It is a client, never an owner: it asks each app what waits, and
// hands an answer to the app that owns the request, which alone decides.
import type { AnswerMessage, AnswerReply, FeedView, ItemView } from '../protocol/index.js';

/** One app as the inbox shows it. */
export interface InboxApp {
  /** Names the app among all sources: `<source>:<runtime id>`. */
  key: string;
  instance: string;
  runtimeId: string;
  /** The machine the app runs on ("" for this one). */
  host: string;
  /** Where its source reaches it: the local control channel, or the broker's control subject. */
  address: string;
  pending: ItemView[];
  /** Its newest events, newest last. */
  feed: FeedView[];
}

/** Where apps are found: the local bus, or a broker. */
export interface InboxSource {
  name: string;
  /** Every app this source can reach now, and why others could not be asked. */
  list(): Promise<{ apps: InboxApp[]; problems: string[] }>;
  /** Hands an answer to the app that owns request `id`. */
  answer(app: InboxApp, id: string, answer: AnswerMessage): Promise<AnswerReply>;
}

export interface InboxSnapshot {
  at: string;
  apps: InboxApp[];
  problems: string[];
}

/** How many events of each app the inbox keeps. */
export const INBOX_FEED_LENGTH = 20;

/** Asks every source at once; a source that fails is a problem line, not a failed inbox. */
export async function gatherInbox(sources: readonly InboxSource[]): Promise<InboxSnapshot> {
  const results = await Promise.allSettled(sources.map((source) => source.list()));
  const apps: InboxApp[] = [];
  const problems: string[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      apps.push(...result.value.apps);
      problems.push(...result.value.problems);
    } else problems.push(`${sources[index]!.name}: ${(result.reason as Error).message}`);
  });
  apps.sort((a, b) => a.host.localeCompare(b.host) || a.instance.localeCompare(b.instance));
  return { at: new Date().toISOString(), apps, problems };
}

/**
 * Finds the app `key` names and the source that reaches it, asking afresh: an answer goes only
 * to an app that is running now, and only the owner can match the request id.
 */
export async function answerInInbox(
  sources: readonly InboxSource[],
  key: string,
  id: string,
  answer: AnswerMessage,
): Promise<AnswerReply | { ok: false; reason: 'no-app' }> {
  const sourceName = key.slice(0, key.indexOf(':'));
  const source = sources.find((candidate) => candidate.name === sourceName);
  if (!source) return { ok: false, reason: 'no-app' };
  const { apps } = await source.list();
  const app = apps.find((candidate) => candidate.key === key);
  if (!app) return { ok: false, reason: 'no-app' };
  return source.answer(app, id, answer);
}
