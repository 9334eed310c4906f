// Slack incoming webhook: one mrkdwn text, title in bold. The URL is the secret.
import type { SlackChannel } from '../config/index.js';
import { httpChannel, JSON_HEADERS } from './http-channel.js';
import { cut, titleAndBody } from './template.js';

// Slack's mrkdwn reads &, < and > as markup (links, mentions): escaped as its docs say.
const escapeMrkdwn = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const slack = httpChannel<SlackChannel>((message, settings, secrets) => {
  const { title, body } = titleAndBody(message, settings);
  const text = cut(`*${escapeMrkdwn(title)}*\n${escapeMrkdwn(body)}`, 3000);
  return {
    url: secrets.secret(settings.url),
    method: 'POST',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ text }),
  };
});
