// Discord webhook: one message, title in bold, no mentions (a command text holding "@everyone"
// must not ping a server). The URL is the secret.
import type { DiscordChannel } from '../config/index.js';
import { httpChannel, JSON_HEADERS } from './http-channel.js';
import { cut, titleAndBody } from './template.js';

export const discord = httpChannel<DiscordChannel>((message, settings, secrets) => {
  const { title, body } = titleAndBody(message, settings);
  const payload: Record<string, unknown> = {
    content: cut(`**${title}**\n${body}`, 2000),
    allowed_mentions: { parse: [] },
  };
  if (settings.username) payload.username = settings.username;
  return {
    url: secrets.secret(settings.url),
    method: 'POST',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify(payload),
  };
});
