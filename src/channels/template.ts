// Internal: fills `{project}`-style placeholders. Templates were checked when the config was
// read (src/config/channels.ts), so an unknown placeholder here is left as it is written.
import { type EventTemplates, PLACEHOLDER, type TemplatesByEvent } from '../config/index.js';
import type { ChannelMessage } from './types.js';

/** The values a template may name: the message's fields, and for webhook bodies its title, body and link. */
export function templateValues(message: ChannelMessage): Record<string, string> {
  return { ...message.fields, title: message.title, body: message.body, url: message.url ?? '' };
}

/** `template` with each known `{name}` replaced by its value (plain text, no escaping). */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

/** A JSON template: every string inside `template` rendered, everything else kept. */
export function renderJsonTemplate(template: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof template === 'string') return renderTemplate(template, values);
  if (Array.isArray(template)) return template.map((item) => renderJsonTemplate(item, values));
  if (typeof template === 'object' && template !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) out[key] = renderJsonTemplate(value, values);
    return out;
  }
  return template;
}

/** A channel's templates for the message's event (`templates.stop`), when it has some. */
export function eventTemplates(
  message: ChannelMessage,
  settings: { templates?: TemplatesByEvent },
): EventTemplates | undefined {
  const templates = settings.templates;
  const event = message.fields.event;
  return templates && Object.hasOwn(templates, event) ? templates[event] : undefined;
}

/**
 * The title and body a channel sends, the most specific template first: the channel's template
 * for this event, then its own `title`/`body`, then the message's defaults.
 */
export function titleAndBody(
  message: ChannelMessage,
  settings: { title?: string; body?: string; templates?: TemplatesByEvent },
) {
  const values = templateValues(message);
  const forEvent = eventTemplates(message, settings);
  const title = forEvent?.title ?? settings.title;
  const body = forEvent?.body ?? settings.body;
  return {
    title: title !== undefined ? renderTemplate(title, values) : message.title,
    body: body !== undefined ? renderTemplate(body, values) : message.body,
  };
}

/** `text` cut to `max` characters (by code point), with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
