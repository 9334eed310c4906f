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
