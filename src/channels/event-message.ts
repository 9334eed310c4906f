// Internal until the channel dispatch lands: one event's ChannelMessage, built from the hook
// input with the labels every other surface uses (project, branch, session, tool, command).
import type { EventName } from '../config/index.js';
import {
  COMMAND_LABEL_LENGTH,
  describeEvent,
  gitBranch,
  type HookInput,
  projectOf,
  shortSession,
  summaryOf,
} from '../events/index.js';
import type { ChannelMessage } from './types.js';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The message a channel shows for `event` of `instance`; fields are empty when the input lacks them. */
export function eventMessage(
  event: EventName,
  instance: string,
  input: HookInput | undefined,
): ChannelMessage {
  const cwd = text(input?.cwd);
  const tool = text(input?.tool_name);
  const toolInput = input?.tool_input;
  const command =
    tool && typeof toolInput === 'object' && toolInput !== null && !Array.isArray(toolInput)
      ? summaryOf(tool, toolInput as Record<string, unknown>, COMMAND_LABEL_LENGTH)
      : '';
  const { title, body } = describeEvent(event, instance, input);
  return {
    fields: {
      event,
      instance,
      project: projectOf(input) ?? '',
      branch: cwd ? (gitBranch(cwd) ?? '') : '',
      session: shortSession(input?.session_id) ?? '',
      tool,
      command,
      message: text(input?.last_assistant_message),
      host: '',
    },
    title,
    body,
  };
}
