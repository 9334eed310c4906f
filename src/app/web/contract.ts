// The page's contract with the server, in types only: web/app.ts imports them with
// `import type`, so the browser bundle gets no server code and both sides stay in step.
import type { FeedEntry } from '../app.js';
import type { ItemView } from '../protocol.js';
import type { SessionInfo } from '../sessions.js';

export type { FeedEntry, SessionInfo };

/** A request as the page shows it: the tools' view plus the session's label. */
export type PageItem = ItemView & { label: string };

/** GET /api/state, and the `state` event sent first on every (re)connection. */
export interface Snapshot {
  instance: string;
  runtime_id: string;
  sessions: SessionInfo[];
  requests: PageItem[];
  feed: FeedEntry[];
}

/** POST /api/requests/:id/answer. */
export interface AnswerBody {
  behavior: 'allow' | 'deny';
  message?: string;
  updated_input?: Record<string, unknown>;
  /** "Always allow this for the session". */
  always?: boolean;
}
