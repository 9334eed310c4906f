// The app's memory of what its sessions did: the sessions it serves and a feed of their events,
// each entry labelled so that "which one needs me?" has an answer at a glance.
import type { EventName } from '../config/index.js';
import { describeWhat, type HookInput, saysMore } from '../events/index.js';
import { type SessionInfo, SessionTable } from './sessions.js';

/** One entry of the event feed: what a session did, when. */
export interface FeedEntry {
  at: number;
  /** The named instance whose app saw it. */
  instance: string;
  event: string;
  sessionId?: string;
  /** Project and branch: `api (main)` (the session id is `sessionId`). */
  label: string;
  /** What happened, as a notification would say it (the tool and command for a request). */
  detail?: string;
}

const FEED_LIMIT = 300;
const DETAIL_LENGTH = 200;

/** Sessions and their events, newest last; listeners hear each new entry. */
export class EventFeed {
  readonly sessions = new SessionTable();
  private readonly entries: FeedEntry[] = [];
  private readonly listeners = new Set<(entry: FeedEntry) => void>();

  constructor(private readonly instance: string) {}

  /** Records one event of a session (its input as Claude Code sent it). */
  record(event: EventName, input: HookInput | undefined): FeedEntry {
    const { instance } = this;
    const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
    const cwd = typeof input?.cwd === 'string' ? input.cwd : undefined;
    const session: SessionInfo | undefined = sessionId
      ? this.sessions.touch(sessionId, cwd, event === 'session_end')
      : undefined;
    // What this event says beyond its name: Claude's last words, the tool and command, the error.
    const specific = saysMore(event, input) ? describeWhat(event, input) : undefined;
    const detail =
      typeof input?.last_assistant_message === 'string' ? input.last_assistant_message : specific;
    const entry: FeedEntry = {
      at: Date.now(),
      instance,
      event,
      label: session?.label ?? 'unknown session',
      ...(sessionId ? { sessionId } : {}),
      ...(detail ? { detail: detail.slice(0, DETAIL_LENGTH) } : {}),
    };
    this.entries.push(entry);
    if (this.entries.length > FEED_LIMIT) this.entries.splice(0, this.entries.length - FEED_LIMIT);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /** The newest entries, oldest first. */
  list(): readonly FeedEntry[] {
    return this.entries;
  }

  /** Calls `listener` with each new entry until the returned function is called. */
  listen(listener: (entry: FeedEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
