// Pushover: the messages API, form-encoded as its docs show; the message's link as its
// supplementary URL (Pushover has no action buttons).
import type { PushoverChannel } from '../config/index.js';
import { httpChannel } from './http-channel.js';
import { cut, titleAndBody } from './template.js';

export const pushover = httpChannel<PushoverChannel>((message, settings, secrets) => {
  const { title, body } = titleAndBody(message, settings);
  const form = new URLSearchParams({
    token: secrets.secret(settings.token),
    user: secrets.secret(settings.user),
    title: cut(title, 250),
    message: cut(body, 1024),
  });
  if (settings.priority !== undefined) form.set('priority', String(settings.priority));
  if (settings.sound) form.set('sound', settings.sound);
  if (message.url) form.set('url', message.url);
  const api = settings.apiUrl.replace(/\/+$/, '');
  return {
    url: `${api}/1/messages.json`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'ccbell' },
    body: form.toString(),
  };
});
