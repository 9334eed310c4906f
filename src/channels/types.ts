// The contract every channel shares: what the core hands a channel, and what a channel can carry.
// A channel is one way of reaching the person (sound, desktop, terminal, speech, a webhook).
import type { EventName } from '../config/schema.js';

/** What a template can name; every field is plain text, empty when unknown. */
export interface MessageFields {
  event: EventName;
  instance: string;
  /** The project: the folder, else the repository name. */
  project: string;
  branch: string;
  /** A short session id (first 8 characters). */
  session: string;
  tool: string;
  /** The first 80 characters of the request's command or path. */
  command: string;
  /** The last assistant message, when the hook input has one. */
  message: string;
  /** Where the session runs (a host name); empty for this machine. */
  host: string;
}

/** A button a channel may show (ntfy actions, Telegram inline keyboard): one call, then done. */
export interface MessageAction {
  label: string;
  /** The full URL the button calls; it carries its own one-time capability. */
  url: string;
  method: 'POST' | 'GET';
  /** The decision the button stands for, for channels that style Allow and Deny apart. */
  decision?: 'allow' | 'deny';
}

/** One notification, ready for any channel. */
export interface ChannelMessage {
  fields: MessageFields;
  title: string;
  body: string;
  /** A link to open (the app's page, a notification's click URL). */
  url?: string;
  /** Present only for a permission request the app can take answers for. */
  actions?: MessageAction[];
}

/** What a door hands delivery: one message, and the names of the channels it goes to. */
export interface DeliveryRequest {
  message: ChannelMessage;
  /** Names from the config's `channels` block (webhook kinds). */
  channels: string[];
}

/**
 * A delivery whose message the helper builds itself: the hook left its input unread (reading it
 * would cost the hook its stream), and the helper reads it from the stdin it inherits.
 */
export interface InputDelivery {
  event: EventName;
  channels: string[];
  inputOnStdin: true;
}

/** How one channel's delivery of one message ended. Holds nothing secret: it is logged. */
export interface DeliveryReport {
  channel: string;
  type: string;
  outcome: 'delivered' | 'failed' | 'rate-limited' | 'not-connected';
  /** The host the request went to (never the path or query: they may hold a secret). */
  host?: string;
  /** The last HTTP status, when a response came. */
  status?: number;
  /** Requests made (1 + retries). */
  attempts?: number;
  /** Why it failed, in words that hold no secret. */
  reason?: string;
}

/** What delivery may use besides the message and the channel's settings. */
export interface DeliveryContext {
  /** The channel's name in the config. */
  name: string;
  env: NodeJS.ProcessEnv;
  /** Retry and timeout bounds (tests shorten them); defaults in src/channels/http.ts. */
  http?: import('./http.js').HttpOptions;
}

/** One channel kind: turns a message into a delivery, never throws (failures are reports). */
export interface ChannelModule<Settings> {
  deliver(message: ChannelMessage, settings: Settings, context: DeliveryContext): Promise<DeliveryReport>;
}
