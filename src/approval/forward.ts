// Internal to src/approval, but imported directly (not through index.ts) by the hook handler: it
// must not load the MCP SDK on the hot hook path. Forwards one hook event to the event feed of the
// app that launched the session (`ClaudeCodeUIEvent_<id>`), fire and forget.
import { busDirectory, post } from '../bus/index.js';
import type { EventName, RemoteConfig } from '../config/index.js';
// Direct imports, not the protocol barrel: this file is on the hook path.
import { APPROVAL_MAX_FRAME_BYTES } from '../protocol/approval.js';
import type { AppEventMessage } from '../protocol/events.js';
import { channelsFor, runtimeIdFromEnv } from './identity.js';
import { sessionRemote, subjectsOf } from './route.js';

/**
 * Posts a hook event to the app named by CLAUDE_CODE_UI_INSTANCE_ID in `env`. Resolves with how
 * many observers got it (0 when no id is set or no app listens); a malformed id throws.
 */
export async function forwardEventToApp(options: {
  event: EventName;
  input: unknown;
  instance: string;
  env: NodeJS.ProcessEnv;
  /** The instance's broker: with no app on this machine, the event is published there (issue 12). */
  remote?: RemoteConfig;
}): Promise<{ delivered: number; channel: string | undefined }> {
  const id = runtimeIdFromEnv(options.env);
  if (id === undefined) return { delivered: 0, channel: undefined };
  const channel = channelsFor(id).events;
  const message: AppEventMessage = {
    event: options.event,
    instance: options.instance,
    ...(options.input === undefined ? {} : { input: options.input as Record<string, unknown> }),
    sent_at: Date.now(),
  };
  const delivery = await post(channel, message, {
    dir: busDirectory(options.env),
    maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
  });
  if (delivery.delivered > 0) return { delivered: delivery.delivered, channel };
  // Nobody here: the app may be on another machine. The NATS client is loaded only now.
  const subject = subjectsOf(options.remote, options.instance, id)?.events;
  const remote = subject ? sessionRemote(options.remote, options.env, 'hook') : undefined;
  if (!remote || !subject) return { delivered: 0, channel };
  try {
    const published = await remote.post(subject, message, { maxFrameBytes: APPROVAL_MAX_FRAME_BYTES });
    return { delivered: published.delivered, channel: subject };
  } finally {
    await remote.close();
  }
}
