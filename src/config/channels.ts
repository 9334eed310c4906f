// The `channels` block of the config (issue 10): named ways of reaching the person beyond the
// sound and the desktop notification, their settings, and how each is checked. Secrets are
// references (`env:VAR`, `file:/absolute/path`), never inline, and are resolved only when a
// message is delivered (src/channels/secrets.ts); nothing here reads them.
import { EVENT_NAMES, type EventName } from './schema.js';

/** Channels every event may name without defining them. */
export const BUILTIN_CHANNELS = ['sound', 'desktop', 'terminal', 'speech'] as const;
/** The channel kinds delivered by an HTTP request. */
export const WEBHOOK_TYPES = ['ntfy', 'slack', 'discord', 'telegram', 'pushover', 'webhook'] as const;
export const CHANNEL_TYPES = [...WEBHOOK_TYPES, 'terminal', 'speech'] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** What a title or body template may name, `{project}` and so on (src/channels/types.ts MessageFields). */
export const TEMPLATE_FIELDS = [
  'instance',
  'project',
  'branch',
  'session',
  'tool',
  'command',
  'message',
  'event',
  'host',
] as const;
/** A generic webhook's body template may also name the message's title, body and link. */
export const WEBHOOK_BODY_FIELDS = [...TEMPLATE_FIELDS, 'title', 'body', 'url'] as const;
/** A placeholder: `{word}`. Any other brace is plain text. */
export const PLACEHOLDER = /\{([A-Za-z_]+)\}/g;

export const TERMINAL_KINDS = ['auto', 'bell', 'osc9', 'osc777', 'osc99', 'title'] as const;

/** At most `max` messages per `perSeconds` on one channel, across all hook processes. */
export interface RateLimit {
  max: number;
  perSeconds: number;
}
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, perSeconds: 60 };

/** A secret reference: `env:VAR` or `file:/absolute/path`. */
export type SecretRef = string;

/**
 * A channel's templates for one event, which win over the channel's own for that event: `title`
 * and `body` (a generic webhook's `body` is its JSON template, kept as `bodyTemplate`), or a
 * speech channel's `template`.
 */
export interface EventTemplates {
  title?: string;
  body?: string;
  bodyTemplate?: unknown;
  template?: string;
}
/** `templates` of a channel: per event name. */
export type TemplatesByEvent = Partial<Record<EventName, EventTemplates>>;

interface WebhookBase {
  /** Title template; default: the event's title (src/events/describe.ts). */
  title?: string;
  /** Body template; default: what happened (src/events/describe.ts). */
  body?: string;
  /** Per-event templates, most specific first: `templates.stop.body` over `body`. */
  templates?: TemplatesByEvent;
  rateLimit: RateLimit;
}
export interface NtfyChannel extends WebhookBase {
  type: 'ntfy';
  server: string;
  /** The topic, or a secret reference to it (on a public server, the topic is the password). */
  topic: string;
  token?: SecretRef;
  priority?: number;
  tags?: string[];
  click?: string;
}
export interface SlackChannel extends WebhookBase {
  type: 'slack';
  /** The incoming webhook URL: it embeds its secret, so it is a reference. */
  url: SecretRef;
}
export interface DiscordChannel extends WebhookBase {
  type: 'discord';
  url: SecretRef;
  username?: string;
}
export interface TelegramChannel extends WebhookBase {
  type: 'telegram';
  token: SecretRef;
  /** A chat id, or a reference to one. */
  chatId: string;
  apiUrl: string;
}
export interface PushoverChannel extends WebhookBase {
  type: 'pushover';
  token: SecretRef;
  user: SecretRef;
  apiUrl: string;
  priority?: number;
  sound?: string;
}
export interface WebhookChannel extends WebhookBase {
  type: 'webhook';
  /** The URL, or a reference to it (a URL with a token in it). */
  url: string;
  method: 'POST' | 'PUT';
  /** Header values; those whose name says credential are references. */
  headers: Record<string, string>;
  /** A JSON value whose strings are templates; default: every field, title, body. */
  bodyTemplate?: unknown;
}
export interface TerminalChannel {
  type: 'terminal';
  kind: (typeof TERMINAL_KINDS)[number];
}
export interface SpeechChannel {
  type: 'speech';
  template?: string;
  /** Per-event sentences: `templates.stop.template` over `template`. */
  templates?: TemplatesByEvent;
  voice?: string;
  rate?: number;
}
export type WebhookSettings =
  | NtfyChannel
  | SlackChannel
  | DiscordChannel
  | TelegramChannel
  | PushoverChannel
  | WebhookChannel;
export type ChannelSettings = WebhookSettings | TerminalChannel | SpeechChannel;

export function isWebhookType(type: string): type is WebhookType {
  return (WEBHOOK_TYPES as readonly string[]).includes(type);
}

export function isBuiltinChannel(name: string): name is (typeof BUILTIN_CHANNELS)[number] {
  return (BUILTIN_CHANNELS as readonly string[]).includes(name);
}

/** The placeholders a template names, in order. */
export function templatePlaceholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] as string);
}

type Json = Record<string, unknown>;
type Problems = { field: string; problem: string }[];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CHANNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ENV_REF = /^env:[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Header names that carry credentials: their values must be references. Matched loosely on
 * purpose (`X-Api-Key`, `X-Auth-Token`, `Authorization`, `Cookie`, `X-Hub-Signature`).
 */
export const SECRET_HEADER = /auth|token|key|secret|passw|cookie|signature|credential|session/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** Whether `value` is a well-formed secret reference. */
export function isSecretRef(value: string): boolean {
  if (ENV_REF.test(value)) return true;
  if (!value.startsWith('file:/')) return false;
  const path = value.slice(5);
  return !path.split('/').includes('..') && !path.includes('\0');
}

const SECRET_HINT = 'write it as env:VAR or file:/absolute/path, never inline';

/** Reads the fields of one channel kind, each pushing its own problem; a required one missing drops the channel. */
class FieldReader {
  ok = true;
  constructor(
    private readonly raw: Json,
    private readonly field: string,
    private readonly problems: Problems,
  ) {}

  private fail(key: string, problem: string, required: boolean) {
    this.problems.push({ field: `${this.field}.${key}`, problem });
    if (required) this.ok = false;
    return undefined;
  }

  /**
   * A secret: a reference only. Its value is never repeated in a problem. A bad one, even
   * optional, drops the channel: sending without the token the person meant to give (to a
   * public ntfy topic, say) would fail open.
   */
  secret(key: string, required: boolean): string | undefined {
    const value = this.raw[key];
    if (value === undefined)
      return required ? this.fail(key, `is required (${SECRET_HINT})`, true) : undefined;
    if (typeof value !== 'string' || value === '')
      return this.fail(key, `must be a string (${SECRET_HINT})`, true);
    if (isSecretRef(value)) return value;
    if (value.startsWith('env:') || value.startsWith('file:'))
      return this.fail(
        key,
        'is not a valid reference: env:NAME (letters, digits, _) or file:/absolute/path',
        true,
      );
    return this.fail(key, `is a secret: ${SECRET_HINT}`, true);
  }

  /** Plain text or a reference (a chat id, an ntfy topic). */
  textOrSecret(key: string, required: boolean, pattern?: RegExp, what?: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return required ? this.fail(key, 'is required', true) : undefined;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value !== 'string' || value === '')
      return this.fail(key, 'must be a non-empty string', required);
    if (value.startsWith('env:') || value.startsWith('file:')) {
      return isSecretRef(value)
        ? value
        : this.fail(key, 'is not a valid reference: env:NAME or file:/absolute/path', required);
    }
    if (pattern && !pattern.test(value)) return this.fail(key, `must be ${what}`, required);
    return value;
  }

  /** An http(s) URL given inline (a server, an API base, a click link). */
  url(key: string, required: boolean, fallback?: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return required ? this.fail(key, 'is required', true) : fallback;
    if (typeof value === 'string' && isHttpUrl(value)) return value;
    return this.fail(key, 'must be an http:// or https:// URL', required) ?? fallback;
  }

  /** A URL that may hold a secret: inline or a reference; never repeated in a problem. */
  urlOrSecret(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return this.fail(key, 'is required', true);
    if (typeof value === 'string' && (isSecretRef(value) || isHttpUrl(value))) return value;
    return this.fail(key, 'must be an http(s) URL, env:VAR or file:/absolute/path', true);
  }

  template(key: string, fields: readonly string[] = TEMPLATE_FIELDS): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.fail(key, 'must be a string', false);
    const problem = templateProblem(value, fields);
    return problem ? this.fail(key, problem, false) : value;
  }

  integer(key: string, min: number, max: number): number | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.fail(key, `must be a whole number from ${min} to ${max}`, false);
  }

  text(key: string, max = 200): string | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value !== '' && value.length <= max) return value;
    return this.fail(key, `must be a non-empty string of at most ${max} characters`, false);
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.fail(key, `must be one of ${values.join(', ')}`, false);
    return fallback;
  }

  rateLimit(): RateLimit {
    const value = this.raw.rateLimit;
    if (value === undefined) return { ...DEFAULT_RATE_LIMIT };
    const field = `${this.field}.rateLimit`;
    if (!isObject(value)) {
      this.problems.push({ field, problem: 'must be an object {max, perSeconds}' });
      return { ...DEFAULT_RATE_LIMIT };
    }
    const inner = new FieldReader(value, field, this.problems);
    for (const key of Object.keys(value))
      if (key !== 'max' && key !== 'perSeconds')
        this.problems.push({ field: `${field}.${key}`, problem: 'is not a known setting' });
    return {
      max: inner.integer('max', 1, 1000) ?? DEFAULT_RATE_LIMIT.max,
      perSeconds: inner.integer('perSeconds', 1, 86_400) ?? DEFAULT_RATE_LIMIT.perSeconds,
    };
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Why a template cannot be used (an unknown placeholder), undefined when it can. */
export function templateProblem(
  template: string,
  fields: readonly string[] = TEMPLATE_FIELDS,
): string | undefined {
  const unknown = templatePlaceholders(template).filter((name) => !fields.includes(name));
  if (unknown.length === 0) return undefined;
  return `unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')} (known: ${fields.map((f) => `{${f}}`).join(' ')})`;
}

/** Every template string inside a generic webhook's body template, with its JSON path. */
function bodyTemplateProblems(value: unknown, field: string, problems: Problems, depth = 0) {
  if (depth > 20) {
    problems.push({ field, problem: 'is nested too deeply' });
    return;
  }
  if (typeof value === 'string') {
    const problem = templateProblem(value, WEBHOOK_BODY_FIELDS);
    if (problem) problems.push({ field, problem });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries())
      bodyTemplateProblems(item, `${field}[${index}]`, problems, depth + 1);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value))
      bodyTemplateProblems(item, `${field}.${key}`, problems, depth + 1);
  }
}

const COMMON_KEYS = ['type', 'title', 'body', 'templates', 'rateLimit'];
const KEYS: Record<ChannelType, string[]> = {
  ntfy: [...COMMON_KEYS, 'server', 'topic', 'token', 'priority', 'tags', 'click'],
  slack: [...COMMON_KEYS, 'url'],
  discord: [...COMMON_KEYS, 'url', 'username'],
  telegram: [...COMMON_KEYS, 'token', 'chatId', 'apiUrl'],
  pushover: [...COMMON_KEYS, 'token', 'user', 'apiUrl', 'priority', 'sound'],
  webhook: [...COMMON_KEYS, 'url', 'method', 'headers'],
  terminal: ['type', 'kind'],
  speech: ['type', 'template', 'templates', 'voice', 'rate'],
};

function readHeaders(raw: unknown, field: string, problems: Problems): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  if (raw === undefined) return headers;
  if (!isObject(raw)) {
    problems.push({ field, problem: 'must be an object of header names to values' });
    return headers;
  }
  for (const [name, value] of Object.entries(raw)) {
    const at = `${field}.${name}`;
    if (!HEADER_NAME.test(name)) problems.push({ field: at, problem: 'is not a valid header name' });
    else if (typeof value !== 'string' || /[\r\n\0]/.test(value))
      problems.push({ field: at, problem: 'must be a one-line string' });
    else if (isSecretRef(value)) headers[name] = value;
    else if (value.startsWith('env:') || value.startsWith('file:'))
      problems.push({ field: at, problem: 'is not a valid reference: env:NAME or file:/absolute/path' });
    else if (SECRET_HEADER.test(name))
      problems.push({ field: at, problem: `names a credential: ${SECRET_HINT}` });
    else headers[name] = value;
  }
  return headers;
}

/**
 * A channel's `templates`: event names to that event's templates, checked as the channel's own
 * are (`title`, `body`; a generic webhook's `body` is JSON; speech's `template`). A bad entry is
 * a problem and is left out; the channel stays usable with its other templates.
 */
function readTemplates(
  raw: unknown,
  type: ChannelType,
  field: string,
  problems: Problems,
): TemplatesByEvent | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    problems.push({ field, problem: 'must be an object of event names to templates' });
    return undefined;
  }
  const keys = type === 'speech' ? ['template'] : ['title', 'body'];
  const templates: TemplatesByEvent = {};
  for (const [event, value] of Object.entries(raw)) {
    const at = `${field}.${event}`;
    if (!(EVENT_NAMES as readonly string[]).includes(event)) {
      problems.push({ field: at, problem: `is not an event (events: ${EVENT_NAMES.join(', ')})` });
      continue;
    }
    if (!isObject(value)) {
      problems.push({ field: at, problem: `must be an object with ${keys.join(' or ')}` });
      continue;
    }
    for (const key of Object.keys(value))
      if (!keys.includes(key)) problems.push({ field: `${at}.${key}`, problem: 'is not a known setting' });
    const read = new FieldReader(value, at, problems);
    const entry: EventTemplates = {};
    if (type === 'speech') {
      const template = read.template('template');
      if (template !== undefined) entry.template = template;
    } else {
      const title = read.template('title');
      if (title !== undefined) entry.title = title;
      if (type === 'webhook') {
        const before = problems.length;
        if (value.body !== undefined) bodyTemplateProblems(value.body, `${at}.body`, problems);
        if (value.body !== undefined && problems.length === before) entry.bodyTemplate = value.body;
      } else {
        const body = read.template('body');
        if (body !== undefined) entry.body = body;
      }
    }
    if (Object.keys(entry).length > 0) templates[event as EventName] = entry;
  }
  return Object.keys(templates).length > 0 ? templates : undefined;
}

/** Reads one channel definition; undefined when it cannot be used at all. */
function readChannel(raw: Json, field: string, problems: Problems): ChannelSettings | undefined {
  const type = raw.type;
  if (typeof type !== 'string' || !(CHANNEL_TYPES as readonly string[]).includes(type)) {
    problems.push({ field: `${field}.type`, problem: `must be one of ${CHANNEL_TYPES.join(', ')}` });
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (!KEYS[type as ChannelType].includes(key))
      problems.push({ field: `${field}.${key}`, problem: 'is not a known setting' });
  const read = new FieldReader(raw, field, problems);
  let channel: ChannelSettings | undefined;
  if (type === 'terminal') return { type, kind: read.oneOf('kind', TERMINAL_KINDS, 'auto') };
  if (type === 'speech') {
    const speech: SpeechChannel = { type };
    const template = read.template('template');
    const voice = read.text('voice', 100);
    const rate = read.integer('rate', 50, 500);
    if (template !== undefined) speech.template = template;
    if (voice !== undefined) speech.voice = voice;
    if (rate !== undefined) speech.rate = rate;
    const templates = readTemplates(raw.templates, type, `${field}.templates`, problems);
    if (templates) speech.templates = templates;
    return speech;
  }
  const base: WebhookBase = { rateLimit: read.rateLimit() };
  const title = read.template('title');
  // A generic webhook's `body` is a JSON template (below); every other kind's is a text template.
  const body = type === 'webhook' ? undefined : read.template('body');
  if (title !== undefined) base.title = title;
  if (body !== undefined) base.body = body;
  const templates = readTemplates(raw.templates, type as ChannelType, `${field}.templates`, problems);
  if (templates) base.templates = templates;
  switch (type) {
    case 'ntfy': {
      const ntfy: NtfyChannel = {
        ...base,
        type,
        server: read.url('server', false, 'https://ntfy.sh') as string,
        topic: read.textOrSecret(
          'topic',
          true,
          /^[-_A-Za-z0-9]{1,64}$/,
          'letters, digits, - and _ (at most 64)',
        ) as string,
      };
      const token = read.secret('token', false);
      const priority = read.integer('priority', 1, 5);
      const click = read.url('click', false);
      if (token) ntfy.token = token;
      if (priority !== undefined) ntfy.priority = priority;
      if (click) ntfy.click = click;
      if (raw.tags !== undefined) {
        const tags = raw.tags;
        if (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string' && /^[^,\s]{1,50}$/.test(tag)))
          ntfy.tags = tags as string[];
        else
          problems.push({ field: `${field}.tags`, problem: 'must be a list of words (no commas or spaces)' });
      }
      channel = ntfy;
      break;
    }
    case 'slack':
      channel = { ...base, type, url: read.secret('url', true) as string };
      break;
    case 'discord': {
      const discord: DiscordChannel = { ...base, type, url: read.secret('url', true) as string };
      const username = read.text('username', 80);
      if (username) discord.username = username;
      channel = discord;
      break;
    }
    case 'telegram':
      channel = {
        ...base,
        type,
        token: read.secret('token', true) as string,
        chatId: read.textOrSecret(
          'chatId',
          true,
          /^(-?\d{1,20}|@[A-Za-z0-9_]{4,64})$/,
          'a numeric chat id or @channelname',
        ) as string,
        apiUrl: read.url('apiUrl', false, 'https://api.telegram.org') as string,
      };
      break;
    case 'pushover': {
      const pushover: PushoverChannel = {
        ...base,
        type,
        token: read.secret('token', true) as string,
        user: read.secret('user', true) as string,
        apiUrl: read.url('apiUrl', false, 'https://api.pushover.net') as string,
      };
      const priority = read.integer('priority', -2, 1);
      const sound = read.text('sound', 40);
      if (priority !== undefined) pushover.priority = priority;
      if (sound) pushover.sound = sound;
      channel = pushover;
      break;
    }
    case 'webhook': {
      const webhook: WebhookChannel = {
        ...base,
        type,
        url: read.urlOrSecret('url') as string,
        method: read.oneOf('method', ['POST', 'PUT'] as const, 'POST'),
        headers: readHeaders(raw.headers, `${field}.headers`, problems),
      };
      if (raw.body !== undefined) {
        const before = problems.length;
        bodyTemplateProblems(raw.body, `${field}.body`, problems);
        if (problems.length === before) webhook.bodyTemplate = raw.body;
      }
      channel = webhook;
      break;
    }
  }
  return read.ok ? channel : undefined;
}

/**
 * Reads the `channels` block. Returns the usable channels, and every name defined (usable or
 * not), so that an event naming a broken channel is reported once, at the channel.
 */
export function readChannels(
  raw: unknown,
  problems: Problems,
): { channels: Record<string, ChannelSettings>; defined: Set<string> } {
  const channels: Record<string, ChannelSettings> = Object.create(null);
  const defined = new Set<string>();
  if (raw === undefined) return { channels, defined };
  if (!isObject(raw)) {
    problems.push({ field: 'channels', problem: 'must be an object of channel names to settings' });
    return { channels, defined };
  }
  for (const [name, value] of Object.entries(raw)) {
    const field = `channels.${name}`;
    if (!CHANNEL_NAME.test(name)) {
      problems.push({ field, problem: 'a channel name is letters, digits, - and _ (at most 64)' });
      continue;
    }
    if (name === 'sound' || name === 'desktop') {
      problems.push({ field, problem: `"${name}" is built in; set it up under events` });
      continue;
    }
    defined.add(name);
    if (!isObject(value)) {
      problems.push({ field, problem: 'must be an object with a "type"' });
      continue;
    }
    const channel = readChannel(value, field, problems);
    if (channel && isBuiltinChannel(name) && channel.type !== name) {
      problems.push({
        field: `${field}.type`,
        problem: `the channel named "${name}" must be of type "${name}"`,
      });
      continue;
    }
    if (channel) channels[name] = channel;
  }
  return { channels, defined };
}

/** Reads an event's `channels` list (names only; whether they exist is checked by checkChannelNames). */
export function readChannelList(raw: unknown, field: string, problems: Problems): string[] | undefined {
  if (!Array.isArray(raw) || !raw.every((name) => typeof name === 'string')) {
    problems.push({ field, problem: 'must be a list of channel names' });
    return undefined;
  }
  return [...new Set(raw as string[])];
}

/** Drops and reports the names in `list` that are neither built in nor defined. */
export function checkChannelNames(
  list: string[],
  defined: Set<string>,
  field: string,
  problems: Problems,
): string[] {
  return list.filter((name, index) => {
    if (isBuiltinChannel(name) || defined.has(name)) return true;
    const known = [...BUILTIN_CHANNELS, ...defined].join(', ');
    problems.push({
      field: `${field}[${index}]`,
      problem: `unknown channel "${name.slice(0, 60)}" (known: ${known})`,
    });
    return false;
  });
}
