// A hook event forwarded to the app that launched the session (`ClaudeCodeUIEvent_<id>`): the
// command hook's way into the app's feed, and into settling what the session has moved past.
import { type EventName, isEventName } from '../config/index.js';
import { boundedString, describe, ProtocolError, plainObject, toolInput } from './fields.js';

/** What the app receives on its event channel for each hook event. */
export interface AppEventMessage {
  /** ccbell's event name (`stop`, `permission_request`, …). */
  readonly event: EventName;
  /** The named instance of the hook that sent it. */
  readonly instance: string;
  /** Claude Code's hook input, whole, when there was one. */
  readonly input?: Record<string, unknown>;
  /** When the hook sent it (ms since the epoch). */
  readonly sent_at: number;
}

/** Checks an event message; throws a ProtocolError naming the fault. */
export function parseAppEventMessage(value: unknown): AppEventMessage {
  const record = plainObject(value, '');
  const event = boundedString(record.event, 'event', 40);
  if (!isEventName(event))
    throw new ProtocolError('event', `is not a ccbell event (${JSON.stringify(event)})`);
  const instance = boundedString(record.instance, 'instance', 64);
  if (typeof record.sent_at !== 'number' || !Number.isFinite(record.sent_at)) {
    throw new ProtocolError('sent_at', `must be a number, got ${describe(record.sent_at)}`);
  }
  return {
    event,
    instance,
    sent_at: record.sent_at,
    ...(record.input === undefined ? {} : { input: toolInput(record.input, 'input') }),
  };
}
