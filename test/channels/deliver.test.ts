// Each webhook kind against a local receiver: method, path, headers and body; the message's
// actions; a failing channel reported with its name, host and status; no secret in the log.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChannelMessage, deliverToChannels } from '../../src/channels/index.js';
import { validateConfig } from '../../src/config/index.js';
import { openLogger } from '../../src/log/index.js';
import { type Receiver, startReceiver } from './receiver.js';

const SECRET = 'tk_s3cr3t-value-7f3a9';
const root = mkdtempSync(join(tmpdir(), 'ccbell-channels-'));
const logPath = join(root, 'ccbell.log');
const secretFile = join(root, 'token');
writeFileSync(secretFile, `  ${SECRET}\n`);
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => receiver.reset());

const message: ChannelMessage = {
  fields: {
    event: 'permission_request',
    instance: 'work',
    project: 'shop',
    branch: 'main',
    session: 'abcd1234',
    tool: 'Bash',
    command: 'git push origin main',
    message: '',
    host: '',
  },
  title: 'ccbell work: shop (main) · abcd1234',
  body: 'Allow Bash: git push origin main',
  url: 'http://127.0.0.1:9/page',
  actions: [
    { label: 'Allow', url: 'https://example.test/a/allow-cap', method: 'POST', decision: 'allow' },
    { label: 'Deny', url: 'https://example.test/a/deny-cap', method: 'POST', decision: 'deny' },
  ],
};

const env = { NTFY_TOKEN: SECRET, HOOK_URL: '', CHAT: '-100123' };

async function deliver(channels: Record<string, unknown>, msg = message) {
  const { config, problems } = validateConfig({ channels });
  expect(problems).toEqual([]);
  const logger = openLogger(logPath, true);
  return deliverToChannels(
    { message: msg, channels: Object.keys(channels) },
    {
      config,
      cacheDir: join(root, 'cache'),
      logger,
      env: { ...env, HOOK_URL: `${receiver.url}/hooks/T0/B0/${SECRET}` },
      http: { backoffMs: 10 },
    },
  );
}

describe('webhook kinds', () => {
  it('ntfy: JSON to the server root, token as bearer, priority, tags, click, actions as http actions', async () => {
    const [report] = await deliver({
      phone: {
        type: 'ntfy',
        server: `${receiver.url}/`,
        topic: 'ccbell-test',
        token: `file:${secretFile}`,
        priority: 4,
        tags: ['bell'],
        title: '{project} needs you',
      },
    });
    expect(report).toMatchObject({
      channel: 'phone',
      type: 'ntfy',
      outcome: 'delivered',
      status: 200,
      host: receiver.host,
    });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/' });
    expect(req!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body)).toEqual({
      topic: 'ccbell-test',
      title: 'shop needs you',
      message: 'Allow Bash: git push origin main',
      priority: 4,
      tags: ['bell'],
      click: 'http://127.0.0.1:9/page',
      actions: [
        {
          action: 'http',
          label: 'Allow',
          url: 'https://example.test/a/allow-cap',
          method: 'POST',
          clear: true,
        },
        {
          action: 'http',
          label: 'Deny',
          url: 'https://example.test/a/deny-cap',
          method: 'POST',
          clear: true,
        },
      ],
    });
  });

  it('ntfy: a topic from the environment, no token, no actions', async () => {
    const { actions: _, ...plain } = message;
    const [report] = await deliver(
      { phone: { type: 'ntfy', server: receiver.url, topic: 'env:CHAT' } },
      plain,
    );
    expect(report?.outcome).toBe('delivered');
    const body = JSON.parse(receiver.requests[0]!.body);
    expect(body.topic).toBe('-100123');
    expect(body.actions).toBeUndefined();
    expect(receiver.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('slack: the secret URL from the environment, mrkdwn text escaped', async () => {
    const [report] = await deliver({
      team: { type: 'slack', url: 'env:HOOK_URL', body: '{tool} <{command}> & more' },
    });
    expect(report).toMatchObject({ outcome: 'delivered', host: receiver.host });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: `/hooks/T0/B0/${SECRET}` });
    expect(JSON.parse(req!.body)).toEqual({
      text: '*ccbell work: shop (main) · abcd1234*\nBash &lt;git push origin main&gt; &amp; more',
    });
  });

  it('discord: content with the title in bold, mentions off, username', async () => {
    await deliver({ chat: { type: 'discord', url: 'env:HOOK_URL', username: 'ccbell' } });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: `/hooks/T0/B0/${SECRET}` });
    expect(JSON.parse(req!.body)).toEqual({
      content: '**ccbell work: shop (main) · abcd1234**\nAllow Bash: git push origin main',
      allowed_mentions: { parse: [] },
      username: 'ccbell',
    });
  });

  it('telegram: sendMessage under the bot token, actions as an inline keyboard of URL buttons', async () => {
    await deliver({
      tg: { type: 'telegram', token: 'env:NTFY_TOKEN', chatId: 'env:CHAT', apiUrl: receiver.url },
    });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: `/bot${SECRET}/sendMessage` });
    expect(JSON.parse(req!.body)).toEqual({
      chat_id: '-100123',
      text: 'ccbell work: shop (main) · abcd1234\nAllow Bash: git push origin main',
      disable_web_page_preview: true,
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Allow', url: 'https://example.test/a/allow-cap' },
            { text: 'Deny', url: 'https://example.test/a/deny-cap' },
          ],
        ],
      },
    });
  });

  it('pushover: the messages API, form-encoded, with the link', async () => {
    await deliver({
      po: {
        type: 'pushover',
        token: 'env:NTFY_TOKEN',
        user: `file:${secretFile}`,
        apiUrl: receiver.url,
        priority: 1,
      },
    });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/1/messages.json' });
    expect(req!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({
      token: SECRET,
      user: SECRET,
      title: 'ccbell work: shop (main) · abcd1234',
      message: 'Allow Bash: git push origin main',
      priority: '1',
      url: 'http://127.0.0.1:9/page',
    });
  });

  it('webhook: method, headers (a credential from a reference) and a body template', async () => {
    await deliver({
      ci: {
        type: 'webhook',
        url: `${receiver.url}/ccbell?x=1`,
        method: 'PUT',
        headers: { Authorization: 'env:NTFY_TOKEN', 'X-Source': 'ccbell' },
        body: { text: '{project}: {command}', meta: { event: '{event}', n: 3, list: ['{title}'] } },
      },
    });
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'PUT', path: '/ccbell?x=1' });
    expect(req!.headers).toMatchObject({
      authorization: SECRET,
      'x-source': 'ccbell',
      'content-type': 'application/json',
    });
    expect(JSON.parse(req!.body)).toEqual({
      text: 'shop: git push origin main',
      meta: { event: 'permission_request', n: 3, list: ['ccbell work: shop (main) · abcd1234'] },
    });
  });

  it('per-event templates win for their event; the channel`s own and the defaults for the others', async () => {
    const channels = {
      team: {
        type: 'slack',
        url: 'env:HOOK_URL',
        body: '{tool} in {project}',
        templates: { stop: { title: '{project} is done', body: '{message}' } },
      },
      ci: {
        type: 'webhook',
        url: `${receiver.url}/ci`,
        templates: { permission_request: { body: { ask: '{project}: {command}', title: '{title}' } } },
      },
    };
    const stop: ChannelMessage = {
      fields: { ...message.fields, event: 'stop', tool: '', command: '', message: 'All tests pass' },
      title: 'ccbell work: shop (main) · abcd1234',
      body: 'Claude finished and waits for you',
    };
    await deliver(channels, stop);
    await deliver(channels, message);
    const sent = (path: string) =>
      receiver.requests.filter((r) => r.path.startsWith(path)).map((r) => JSON.parse(r.body));
    expect(sent('/hooks')).toEqual([
      { text: '*shop is done*\nAll tests pass' },
      { text: '*ccbell work: shop (main) · abcd1234*\nBash in shop' },
    ]);
    expect(sent('/ci')).toEqual([
      expect.objectContaining({ event: 'stop', body: 'Claude finished and waits for you' }),
      { ask: 'shop: git push origin main', title: 'ccbell work: shop (main) · abcd1234' },
    ]);
  });

  it('webhook: by default every field, the title, body, link and actions', async () => {
    await deliver({ ci: { type: 'webhook', url: receiver.url } });
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({
      ...message.fields,
      title: message.title,
      body: message.body,
      url: message.url,
      actions: message.actions,
    });
  });
});

describe('failures', () => {
  it('reports a 4xx at once, with name, type, host and status in the log and no secret anywhere', async () => {
    receiver.script({ status: 403 });
    const [report] = await deliver({
      team: { type: 'slack', url: 'env:HOOK_URL' },
    });
    expect(report).toMatchObject({ outcome: 'failed', status: 403, attempts: 1, host: receiver.host });
    const log = readFileSync(logPath, 'utf8');
    expect(log).toContain(`channel team (slack, ${receiver.host}): failed with status 403`);
    expect(log).not.toContain(SECRET);
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('names an unset variable or unreadable file, sends nothing', async () => {
    const reports = await deliver({
      a: { type: 'ntfy', server: receiver.url, topic: 't', token: 'env:NOT_SET_ANYWHERE' },
      b: { type: 'slack', url: `file:${join(root, 'missing')}` },
    });
    expect(reports.map((r) => r.reason)).toEqual([
      'environment variable NOT_SET_ANYWHERE is not set or empty',
      `secret file ${join(root, 'missing')} cannot be read (ENOENT)`,
    ]);
    expect(receiver.requests).toEqual([]);
  });

  it('a resolved URL that is not one is refused without repeating it', async () => {
    const { config } = validateConfig({ channels: { s: { type: 'slack', url: 'env:BAD' } } });
    const [report] = await deliverToChannels(
      { message, channels: ['s'] },
      {
        config,
        cacheDir: join(root, 'cache'),
        logger: openLogger(logPath, true),
        env: { BAD: `nope-${SECRET}` },
      },
    );
    expect(report).toMatchObject({
      outcome: 'failed',
      reason: 'the configured URL is not a valid http(s) URL',
    });
    expect(readFileSync(logPath, 'utf8')).not.toContain(SECRET);
  });

  it('a network error is retried, then reported with its code', async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const [report] = await deliver({ dead: { type: 'webhook', url } });
    expect(report).toMatchObject({ outcome: 'failed', attempts: 4 });
    expect(report?.reason).toMatch(/^network error \(ECONNREFUSED\) after 4 attempts$/);
  });
});
