// The one reader of what `ccbell deliver` gets on stdin: a delivery request, checked field by
// field (it crossed a process boundary), never cast.
import { EVENT_NAMES, type EventName, TEMPLATE_FIELDS } from '../config/index.js';
import type {
  ChannelMessage,
  DeliveryRequest,
  InputDelivery,
  MessageAction,
  MessageFields,
} from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max ? value : undefined;

/** The request in `value`, or why it is not one. */
export function parseDeliveryRequest(value: unknown): DeliveryRequest | InputDelivery | string {
  if (isObject(value) && value.inputOnStdin === true) {
    const { event, channels } = value;
    if (!Array.isArray(channels) || channels.length > 50 || !channels.every((name) => str(name, 64)))
      return 'channels must be a list of names';
    if (!(EVENT_NAMES as readonly string[]).includes(event as string)) return 'event is not an event';
    return { event: event as EventName, channels: channels as string[], inputOnStdin: true };
  }
  if (!isObject(value) || !isObject(value.message)) return 'not a delivery request';
  const { message, channels } = value;
  if (!Array.isArray(channels) || channels.length > 50 || !channels.every((name) => str(name, 64)))
    return 'channels must be a list of names';
  if (!isObject(message.fields)) return 'message.fields is missing';
  const fields: Record<string, string> = {};
  for (const key of TEMPLATE_FIELDS) {
    const field = str(message.fields[key] ?? '', 4000);
    if (field === undefined) return `message.fields.${key} must be a string`;
    fields[key] = field;
  }
  if (!(EVENT_NAMES as readonly string[]).includes(fields.event as string))
    return 'message.fields.event is not an event';
  const title = str(message.title, 4000);
  const body = str(message.body, 8000);
  if (title === undefined || body === undefined) return 'message.title and message.body must be strings';
  const parsed: ChannelMessage = {
    fields: fields as unknown as MessageFields & { event: EventName },
    title,
    body,
  };
  if (message.url !== undefined) {
    const url = str(message.url, 2000);
    if (url === undefined) return 'message.url must be a string';
    parsed.url = url;
  }
  if (message.actions !== undefined) {
    if (!Array.isArray(message.actions) || message.actions.length > 10)
      return 'message.actions must be a list';
    const actions: MessageAction[] = [];
    for (const action of message.actions) {
      if (!isObject(action)) return 'an action must be an object';
      const label = str(action.label, 100);
      const url = str(action.url, 2000);
      if (!label || !url || (action.method !== 'POST' && action.method !== 'GET'))
        return 'an action needs label, url, method';
      const item: MessageAction = { label, url, method: action.method };
      if (action.decision === 'allow' || action.decision === 'deny') item.decision = action.decision;
      actions.push(item);
    }
    parsed.actions = actions;
  }
  return { message: parsed, channels: channels as string[] };
}
