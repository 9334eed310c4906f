// A generic JSON webhook: the configured method, headers (references resolved) and a body
// template whose strings name the message's fields; by default every field, title and body.
import type { WebhookChannel } from '../config/index.js';
import { httpChannel, JSON_HEADERS } from './http-channel.js';
import { eventTemplates, renderJsonTemplate, templateValues } from './template.js';
import type { ChannelMessage } from './types.js';

/** The body sent when the channel has no body template. */
export function defaultWebhookBody(message: ChannelMessage): Record<string, unknown> {
  return {
    ...message.fields,
    title: message.title,
    body: message.body,
    ...(message.url ? { url: message.url } : {}),
    ...(message.actions?.length ? { actions: message.actions } : {}),
  };
}

export const webhook = httpChannel<WebhookChannel>((message, settings, secrets) => {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  for (const [name, value] of Object.entries(settings.headers))
    headers[name.toLowerCase()] = secrets.maybe(value);
  // The event's own body template first (`templates.stop.body`), then the channel's.
  const template = eventTemplates(message, settings)?.bodyTemplate ?? settings.bodyTemplate;
  const body =
    template === undefined
      ? defaultWebhookBody(message)
      : renderJsonTemplate(template, templateValues(message));
  return { url: secrets.maybe(settings.url), method: settings.method, headers, body: JSON.stringify(body) };
});
