// The inbox page's rules are the app page's: loopback Host, the token (then a cookie), the page's
// own Origin for answers; and an answer goes to the app its key names, nowhere else.
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, makeToken } from '../../src/app/web/security.js';
import type { InboxApp, InboxSource } from '../../src/inbox/inbox.js';
import { type InboxServer, startInboxServer } from '../../src/inbox/server.js';
import type { AnswerMessage, ItemView } from '../../src/protocol/index.js';
import { repoRoot } from '../e2e/support/claude.js';

const item = (id: string): ItemView => ({
  id,
  tool_name: 'Bash',
  input: { command: 'make' },
  risk: 'medium',
  summary: 'make',
  sources: ['hook'],
  created_at: new Date().toISOString(),
});
const answered: Array<{ app: string; id: string; answer: AnswerMessage }> = [];
const apps: InboxApp[] = [
  {
    key: 'local:1_1',
    instance: 'work',
    runtimeId: '1_1',
    host: '',
    address: 'c1',
    pending: [item('aaaa0001')],
    feed: [],
  },
  {
    key: 'local:2_2',
    instance: 'personal',
    runtimeId: '2_2',
    host: '',
    address: 'c2',
    pending: [item('bbbb0002')],
    feed: [],
  },
];
const source: InboxSource = {
  name: 'local',
  list: async () => ({ apps, problems: [] }),
  answer: async (app, id, answer) => {
    answered.push({ app: app.key, id, answer });
    const owned = app.pending.find((candidate) => candidate.id === id);
    return owned ? { ok: true, item: owned } : { ok: false, reason: 'unknown' };
  },
};

let server: InboxServer;
const token = makeToken();
let origin: string;
let cookie: string;

beforeAll(async () => {
  server = await startInboxServer({
    sources: [source],
    pageToken: token,
    assetsDir: join(repoRoot, 'dist', 'web'),
  });
  origin = `http://127.0.0.1:${server.port}`;
  cookie = `${cookieName(server.port)}=${token}`;
});
afterAll(() => server.close());

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method,
          path,
          headers: { host: `127.0.0.1:${server.port}`, ...headers },
          agent: false,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const answer = (body: unknown, headers: Record<string, string> = {}) =>
  send(
    'POST',
    '/api/answer',
    { cookie, origin, 'content-type': 'application/json', ...headers },
    JSON.stringify(body),
  );

describe('inbox page', () => {
  it('swaps the token for a cookie, and wants it on everything else', async () => {
    const first = await send('GET', `/?token=${token}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    expect((await send('GET', '/?token=nope')).status).toBe(401);
    expect((await send('GET', '/api/inbox')).status).toBe(401);
    const inbox = await send('GET', '/api/inbox', { cookie });
    expect(inbox.status).toBe(200);
    expect(JSON.parse(inbox.body).apps.map((app: InboxApp) => app.instance)).toEqual(['personal', 'work']);
    expect((await send('GET', '/', { cookie })).body).toContain('ccbell inbox');
    expect(String(inbox.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('refuses a foreign Host, a foreign or missing Origin', async () => {
    expect((await send('GET', '/api/inbox', { cookie, host: 'evil.example:80' })).status).toBe(421);
    expect(
      (
        await answer(
          { app: 'local:1_1', id: 'aaaa0001', answer: { behavior: 'allow' } },
          { origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    const noOrigin = await send('POST', '/api/answer', { cookie, 'content-type': 'application/json' }, '{}');
    expect(noOrigin.status).toBe(403);
    expect(answered).toEqual([]);
  });

  it('routes an answer to the app its key names, and names bad input', async () => {
    expect((await answer({ app: 'local:1_1', id: 'aaaa0001', answer: { behavior: 'allow' } })).status).toBe(
      200,
    );
    // Personal's id under work's key: work does not own it.
    expect((await answer({ app: 'local:1_1', id: 'bbbb0002', answer: { behavior: 'deny' } })).status).toBe(
      404,
    );
    expect((await answer({ app: 'local:9_9', id: 'aaaa0001', answer: { behavior: 'allow' } })).status).toBe(
      404,
    );
    expect(answered.map(({ app, id }) => `${app}/${id}`)).toEqual([
      'local:1_1/aaaa0001',
      'local:1_1/bbbb0002',
    ]);
    const bad = await answer({ app: 'local:1_1', id: 'aaaa0001', answer: { behavior: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/answer\.behavior/);
    expect((await answer({ app: '../x', id: 'aaaa0001', answer: { behavior: 'allow' } })).status).toBe(400);
  });
});
