// The core every door calls: hook input in; a notification, an approval request, a settlement
// or nothing out. Behind it the approvals desk (requests, rules, answers, settling) and the
// event feed (sessions and what they did). No sockets, processes or terminal in here.

export {
  type AnsweredBy,
  type AnswerResult,
  type ApprovalItem,
  type Decision,
  type IncomingRequest,
  isClosed,
  RequestBook,
  type RequestSource,
  type SettledBy,
} from './book.js';
/** The core and the ports it works through. */
export { Core, type CoreOptions, type CorePorts, type HookOutcome, type NotifyResult } from './core.js';
/** The approvals desk and its book of requests. */
export { type Answerer, ApprovalDesk, type DeskOptions } from './desk.js';
/** Sessions and the event feed. */
export { EventFeed, type FeedEntry } from './feed.js';
/** Reading hook input: what it asks, notifies and settles. */
export { type ApprovalAsk, type Route, routeHookInput, type Settlement } from './route.js';
export { type SessionInfo, SessionTable, sessionLabel } from './sessions.js';
/** Requests as plain JSON for tools and the page. */
export { hookReplyOf, viewOf } from './views.js';
