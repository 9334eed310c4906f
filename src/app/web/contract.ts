// The page's contract with the server, in types only: web/app.ts imports them with
// `import type`, so the browser bundle gets no server code and both sides stay in step.
import type { FeedEntry, SessionInfo } from '../../core/index.js';
import type { AnswerMessage, ItemView } from '../../protocol/index.js';

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

/** POST /api/requests/:id/answer: the one answer shape every door uses. */
export type AnswerBody = AnswerMessage;
