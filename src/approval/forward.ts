// Internal to src/approval, but imported directly (not through index.ts) by the hook handler: it
// must not load the MCP SDK on the hot hook path. Forwards one hook event to the event feed of the
// app that launched the session (`ClaudeCodeUIEvent_<id>`), fire and forget.
import { busDirectory, post } from '../bus/index.js';
import { channelsFor, runtimeIdFromEnv } from './identity.js';
import { APPROVAL_MAX_FRAME_BYTES } from './protocol.js';

/** What the app receives on its event channel for each hook event. */
export interface AppEventMessage {
  /** ccbell's event name (`stop`, `permission_request`, …). */
  readonly event: string;
  /** The named instance of the hook that sent it. */
  readonly instance: string;
  /** Claude Code's hook input, whole, when there was one. */
  readonly input?: unknown;
  /** When the hook sent it (ms since the epoch). */
  readonly sent_at: number;
}

/**
 * Posts a hook event to the app named by CLAUDE_CODE_UI_INSTANCE_ID in `env`. Resolves with how
 * many observers got it (0 when no id is set or no app listens); a malformed id throws.
 */
export async function forwardEventToApp(options: {
  event: string;
  input: unknown;
  instance: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ delivered: number; channel: string | undefined }> {
  const id = runtimeIdFromEnv(options.env);
  if (id === undefined) return { delivered: 0, channel: undefined };
  const channel = channelsFor(id).events;
  const message: AppEventMessage = {
    event: options.event,
    instance: options.instance,
    ...(options.input === undefined ? {} : { input: options.input }),
    sent_at: Date.now(),
  };
  const delivery = await post(channel, message, {
    dir: busDirectory(options.env),
    maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
  });
  return { delivered: delivery.delivered, channel };
}
