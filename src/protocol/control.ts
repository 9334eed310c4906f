// The control channel: short-lived tools (`ccbell pending`, `ccbell answer`, the inbox later)
// asking an app what waits and answering it. One parser per message, used by both ends.
import { type AnswerMessage, parseAnswer } from './answer.js';
import { boundedString, describe, ProtocolError, plainObject } from './fields.js';

/** Who answered through the control channel. */
export type ControlAnswerer = 'cli' | 'page' | 'inbox';

export type ControlRequest =
  | { readonly op: 'status' }
  | { readonly op: 'pending' }
  | {
      readonly op: 'answer';
      readonly id: string;
      readonly answer: AnswerMessage;
      readonly by: ControlAnswerer;
    };

/** A request as tools show it: plain JSON, times as ISO strings. */
export interface ItemView {
  id: string;
  tool_name: string;
  input: Record<string, unknown>;
  risk: string;
  summary: string;
  /** Where it waits: project and branch, e.g. `api (main)`. */
  place?: string;
  session_id?: string;
  cwd?: string;
  /** The machine the request came from, when it is not the app's own (issue 12). */
  host?: string;
  sources: string[];
  created_at: string;
  decision?: {
    behavior: 'allow' | 'deny';
    message?: string;
    updatedInput?: Record<string, unknown>;
    sessionRule?: string;
    by: string;
    at: string;
  };
  /** Settled without a decision of ccbell's: answered in Claude Code, or every caller left. */
  settled?: { by: string; at: string };
}

export type AnswerReply =
  | { ok: true; item: ItemView }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'already-answered'; item: ItemView };

const REQUEST_ID = /^[0-9a-f]{1,32}$/;

/** Checks a control request; throws a ProtocolError naming the fault. */
export function parseControlRequest(value: unknown): ControlRequest {
  const record = plainObject(value, '');
  switch (record.op) {
    case 'status':
    case 'pending':
      return { op: record.op };
    case 'answer': {
      const id = boundedString(record.id, 'id', 32, REQUEST_ID);
      const by = record.by === 'page' || record.by === 'inbox' ? record.by : 'cli';
      return { op: 'answer', id, answer: parseAnswer(record.answer, 'answer'), by };
    }
    default:
      throw new ProtocolError('op', `must be "status", "pending" or "answer", got ${describe(record.op)}`);
  }
}

/** Checks one item view (a reply's part); throws a ProtocolError naming the fault. */
export function parseItemView(value: unknown, field = 'item'): ItemView {
  const record = plainObject(value, field);
  for (const name of ['id', 'tool_name', 'risk', 'summary', 'created_at']) {
    if (typeof record[name] !== 'string') throw new ProtocolError(`${field}.${name}`, 'must be a string');
  }
  if (!Array.isArray(record.sources)) throw new ProtocolError(`${field}.sources`, 'must be a list');
  plainObject(record.input, `${field}.input`);
  return record as unknown as ItemView;
}

/** Checks the reply to `pending`. */
export function parsePendingReply(value: unknown): ItemView[] {
  const record = plainObject(value, '');
  if (!Array.isArray(record.pending)) throw new ProtocolError('pending', 'must be a list');
  return record.pending.map((item, index) => parseItemView(item, `pending[${index}]`));
}

/** Checks the reply to `answer`. */
export function parseAnswerReply(value: unknown): AnswerReply {
  const record = plainObject(value, '');
  if (record.ok === true) return { ok: true, item: parseItemView(record.item) };
  if (record.reason === 'unknown') return { ok: false, reason: 'unknown' };
  if (record.reason === 'already-answered') {
    return { ok: false, reason: 'already-answered', item: parseItemView(record.item) };
  }
  throw new ProtocolError(
    'reason',
    `must be "unknown" or "already-answered", got ${describe(record.reason)}`,
  );
}

/** One feed entry as the control channel carries it (the app's EventFeed entry). */
export interface FeedView {
  at: number;
  instance: string;
  event: string;
  sessionId?: string;
  label: string;
  detail?: string;
}

/** The reply to `status`: who the app is, and what it knows now. */
export interface StatusReply {
  instance: string;
  runtime_id: string;
  pending: ItemView[];
  feed: FeedView[];
}

/** Checks the reply to `status` (the inbox's view of one app); throws a ProtocolError naming the fault. */
export function parseStatusReply(value: unknown): StatusReply {
  const record = plainObject(value, '');
  const instance = boundedString(record.instance, 'instance', 64);
  const runtimeId = boundedString(record.runtime_id, 'runtime_id', 64, /^\d+_\d+$/);
  if (!Array.isArray(record.pending)) throw new ProtocolError('pending', 'must be a list');
  if (!Array.isArray(record.feed)) throw new ProtocolError('feed', 'must be a list');
  const feed = record.feed.map((entry, index) => {
    const field = `feed[${index}]`;
    const view = plainObject(entry, field);
    if (typeof view.at !== 'number') throw new ProtocolError(`${field}.at`, 'must be a number');
    for (const name of ['event', 'label'])
      if (typeof view[name] !== 'string') throw new ProtocolError(`${field}.${name}`, 'must be a string');
    return view as unknown as FeedView;
  });
  return {
    instance,
    runtime_id: runtimeId,
    pending: record.pending.map((item, index) => parseItemView(item, `pending[${index}]`)),
    feed,
  };
}

/**
 * An app's answer on its user's discovery subject (`ccbell.<user>._discover`, issue 12): who it
 * is and where to ask it. An inbox gathers these, then asks each app's control subject.
 */
export interface DiscoveryReply {
  instance: string;
  runtime_id: string;
  host: string;
  /** The app's control subject: `pending`, `answer`, `status` go there. */
  control: string;
  /** How many requests wait on it now. */
  pending: number;
}

/** Checks one discovery reply; throws a ProtocolError naming the fault. */
export function parseDiscoveryReply(value: unknown): DiscoveryReply {
  const record = plainObject(value, '');
  const text = (name: string, max: number) => boundedString(record[name], name, max);
  const pending = record.pending;
  if (typeof pending !== 'number' || !Number.isInteger(pending) || pending < 0)
    throw new ProtocolError('pending', `must be a count, got ${describe(pending)}`);
  return {
    instance: text('instance', 64),
    runtime_id: text('runtime_id', 40),
    host: text('host', 255),
    control: text('control', 512),
    pending,
  };
}
