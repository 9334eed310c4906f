// ntfy (https://ntfy.sh or a server of one's own): JSON publishing to the server's root, with
// priority, tags, a click link, and the message's actions as ntfy `http` actions.
import type { NtfyChannel } from '../config/index.js';
import { httpChannel, JSON_HEADERS } from './http-channel.js';
import { titleAndBody } from './template.js';

/** ntfy shows at most three action buttons. */
const MAX_ACTIONS = 3;

export const ntfy = httpChannel<NtfyChannel>((message, settings, secrets) => {
  const { title, body } = titleAndBody(message, settings);
  const payload: Record<string, unknown> = { topic: secrets.maybe(settings.topic), title, message: body };
  if (settings.priority !== undefined) payload.priority = settings.priority;
  if (settings.tags?.length) payload.tags = settings.tags;
  const click = settings.click ?? message.url;
  if (click) payload.click = click;
  if (message.actions?.length) {
    payload.actions = message.actions.slice(0, MAX_ACTIONS).map((action) => ({
      action: 'http',
      label: action.label,
      url: action.url,
      method: action.method,
      clear: true,
    }));
  }
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (settings.token) {
    const token = secrets.secret(settings.token);
    // An access token (tk_…) is a bearer; "user:password" is basic auth.
    headers.authorization = token.includes(':')
      ? `Basic ${Buffer.from(token).toString('base64')}`
      : `Bearer ${token}`;
  }
  const server = settings.server.endsWith('/') ? settings.server : `${settings.server}/`;
  return { url: server, method: 'POST', headers, body: JSON.stringify(payload) };
});
