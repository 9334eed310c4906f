// The one place hook input becomes a channel message: the fields templates name, and the
// default title and body (the desktop notification's words, src/events/describe.ts).
import type { ChannelMessage, MessageAction, MessageFields } from '../channels/types.js';
import type { EventName } from '../config/index.js';
import { describeEvent } from './describe.js';
import type { HookInput } from './input.js';
import { COMMAND_LABEL_LENGTH, gitBranch, projectOf, shortSession, summaryOf } from './labels.js';

/** Templates get at most this much of the last assistant message. */
const MESSAGE_FIELD_LENGTH = 1000;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** What a template can name for `event`, from its hook input; empty strings where unknown. */
export function messageFields(
  event: EventName,
  instance: string,
  input: HookInput | undefined,
  host = '',
): MessageFields {
  const cwd = text(input?.cwd);
  const tool = text(input?.tool_name);
  const toolInput = input?.tool_input;
  const command =
    tool && typeof toolInput === 'object' && toolInput !== null && !Array.isArray(toolInput)
      ? summaryOf(tool, toolInput as Record<string, unknown>, COMMAND_LABEL_LENGTH)
      : '';
  return {
    event,
    instance,
    project: projectOf(input) ?? '',
    branch: cwd ? (gitBranch(cwd) ?? '') : '',
    session: shortSession(input?.session_id) ?? '',
    tool,
    command,
    message: (text(input?.last_assistant_message) || text(input?.message)).slice(0, MESSAGE_FIELD_LENGTH),
    host,
  };
}

/** A message for every channel: fields, default title and body, and the app's link when known. */
export function buildMessage(
  event: EventName,
  instance: string,
  input: HookInput | undefined,
  options: { url?: string | undefined; host?: string; actions?: MessageAction[] | undefined } = {},
): ChannelMessage {
  const { title, body } = describeEvent(event, instance, input);
  const message: ChannelMessage = {
    fields: messageFields(event, instance, input, options.host),
    title,
    body,
  };
  if (options.url) message.url = options.url;
  if (options.actions?.length) message.actions = options.actions;
  return message;
}
