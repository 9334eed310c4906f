// The app's web server from the outside, with raw HTTP requests whose every header the test
// chooses: the token, the Host, the Origin, the bearer of http hooks, the response headers.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { cookieName, makeToken } from '../../src/app/web/security.js';
import { startWebServer, type WebServer } from '../../src/app/web/server.js';
import { loadConfig } from '../../src/config/index.js';
import { resolveInstance } from '../../src/instance/index.js';
import { openLogger } from '../../src/log/index.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let root: string;
let app: RunningApp;
let web: WebServer;
let port: number;
let host: string;
let origin: string;
let cookie: string;
const pageToken = makeToken();
const hookToken = makeToken();
/** Every reply the tests saw, for the checks that hold for all of them. */
const replies: Reply[] = [];

/** One raw HTTP request to the server; `headers` are sent exactly as given (Host included). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  options: { stream?: boolean; noHost?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: options.noHost ? headers : { host, ...headers },
        setHost: !options.noHost,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          // An event stream never ends by itself: the first event is enough.
          if (options.stream && text.includes('\n\n')) res.destroy();
        });
        let finished = false;
        const done = () => {
          if (finished) return;
          finished = true;
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body: text };
          // Node itself answers a request with no Host (400, before the server's code runs).
          if (!options.noHost) replies.push(reply);
          resolve(reply);
        };
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const withCookie = (headers: Record<string, string> = {}) => ({
  cookie: `${cookieName(port)}=${pageToken}`,
  ...headers,
});

/** Files a request straight into the app's book, as the approval server would. */
function fileRequest(command: string): string {
  return app.book.submit({
    source: 'prompt-tool',
    toolName: 'Bash',
    input: { command },
    toolUseId: `toolu_${command}`,
  }).item.id;
}

const answerBody = (behavior = 'allow') => JSON.stringify({ behavior });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ccbell-web-security-'));
  const home = join(root, 'home');
  const busDir = join(root, 'bus');
  const assetsDir = join(root, 'assets');
  const emptyBin = join(root, 'bin');
  await mkdir(join(home, '.claude'), { recursive: true });
  await mkdir(busDir, { mode: 0o700 });
  await mkdir(assetsDir);
  await mkdir(emptyBin);
  await writeFile(join(assetsDir, 'index.html'), '<!doctype html><title>page</title>');
  await writeFile(join(assetsDir, 'app.js'), 'export {};');
  await writeFile(join(assetsDir, 'app.css'), 'body{}');
  // No players on PATH and no desktop bus: notifications stay silent.
  const env: NodeJS.ProcessEnv = { HOME: home, PATH: emptyBin, CCBELL_BUS_DIR: busDir };
  const instance = resolveInstance('default', env);
  const loaded = loadConfig(instance.config_path);
  app = await startApp({
    instance,
    loaded,
    logger: openLogger(instance.log_path, false),
    env,
    busDir,
    bundledSoundsDir: join(root, 'sounds'),
  });
  web = await startWebServer({
    app,
    instance: instance.name,
    pageToken,
    hookToken,
    assetsDir,
    soundsDir: join(root, 'sounds'),
  });
  port = web.port;
  host = `127.0.0.1:${port}`;
  origin = `http://127.0.0.1:${port}`;
  cookie = `${cookieName(port)}=${pageToken}`;
});

afterAll(async () => {
  await web?.close();
  await app?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('web server: the page and its API need the token', () => {
  it('refuses every path without a token, saying nothing about the app', async () => {
    const id = fileRequest('echo secret-command');
    for (const path of [
      '/',
      '/api/state',
      '/api/events',
      '/assets/app.js',
      '/assets/app.css',
      '/sounds/permission_request.wav',
    ]) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(401);
      expect(reply.headers['set-cookie'], path).toBeUndefined();
      expect(reply.body).not.toContain(app.identity.id);
      expect(reply.body).not.toContain('secret-command');
      expect(reply.body).not.toContain(id);
      expect(reply.headers['content-type']).not.toMatch(/event-stream/);
    }
    app.answer(id, { behavior: 'deny' }, 'cli');
  });

  it('refuses a wrong token in the URL or the cookie, and a token of the right length that differs', async () => {
    const wrong = makeToken();
    expect((await send('GET', `/?token=${wrong}`)).status).toBe(401);
    expect((await send('GET', '/?token=')).status).toBe(401);
    expect((await send('GET', `/?token=${pageToken}x`)).status).toBe(401);
    const viaCookie = await send('GET', '/api/state', { cookie: `${cookieName(port)}=${wrong}` });
    expect(viaCookie.status).toBe(401);
    expect(viaCookie.body).not.toContain(app.identity.id);
    // The cookie of another port's app does not count either.
    expect((await send('GET', '/api/state', { cookie: `${cookieName(port + 1)}=${pageToken}` })).status).toBe(
      401,
    );
    // Nor does the page token as a bearer.
    expect((await send('GET', '/api/state', { authorization: `Bearer ${pageToken}` })).status).toBe(401);
  });

  it('swaps the URL token for an HttpOnly, SameSite=Strict cookie, which then opens the page and its API', async () => {
    const reply = await send('GET', `/?token=${pageToken}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    const parts = setCookie[0]!.split(';').map((part) => part.trim());
    expect(parts[0]).toBe(cookie);
    expect(parts).toContain('HttpOnly');
    expect(parts).toContain('SameSite=Strict');
    expect(parts).toContain('Path=/');
    // A session cookie: it goes when the browser does.
    expect(parts.some((part) => /^(expires|max-age)=/i.test(part))).toBe(false);

    const page = await send('GET', '/', withCookie());
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const state = await send('GET', '/api/state', withCookie());
    expect(state.status).toBe(200);
    expect(JSON.parse(state.body).runtime_id).toBe(app.identity.id);
    const events = await send('GET', '/api/events', withCookie(), undefined, { stream: true });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events.body).toMatch(/^retry: \d+\nevent: state\ndata: \{/);
  });
});

describe('web server: only the loopback Host (DNS rebinding)', () => {
  const foreign = () => [
    `evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `localhost.evil.example:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
  ];

  it('refuses a foreign Host even with the right cookie, URL token or bearer', async () => {
    const id = fileRequest('echo rebinding');
    for (const badHost of foreign()) {
      const state = await send('GET', '/api/state', withCookie({ host: badHost }));
      expect(state.status, badHost).toBe(421);
      expect(state.body).not.toContain(app.identity.id);
      expect(state.body).not.toContain('rebinding');
      const login = await send('GET', `/?token=${pageToken}`, { host: badHost });
      expect(login.status, badHost).toBe(421);
      expect(login.headers['set-cookie']).toBeUndefined();
      const answer = await send(
        'POST',
        `/api/requests/${id}/answer`,
        withCookie({ host: badHost, origin: `http://${badHost}`, 'content-type': 'application/json' }),
        answerBody(),
      );
      expect(answer.status, badHost).toBe(421);
      const hook = await send(
        'POST',
        '/hooks',
        { host: badHost, authorization: `Bearer ${hookToken}`, 'content-type': 'application/json' },
        JSON.stringify({ hook_event_name: 'Stop', session_id: 'rebind' }),
      );
      expect(hook.status, badHost).toBe(421);
    }
    // No Host at all is refused too.
    const bare = await send('GET', '/api/state', withCookie(), undefined, { noHost: true });
    expect(bare.status).toBeGreaterThanOrEqual(400);
    expect(bare.body).not.toContain(app.identity.id);
    expect(app.book.get(id)?.decision).toBeUndefined();
    expect(app.feed.some((entry) => entry.sessionId === 'rebind')).toBe(false);
    // localhost with the right port is the loopback too.
    expect((await send('GET', '/api/state', withCookie({ host: `localhost:${port}` }))).status).toBe(200);
    app.answer(id, { behavior: 'deny' }, 'cli');
  });
});

describe('web server: answers need the page own Origin', () => {
  it('refuses a foreign Origin, a missing Origin, a form post and a missing cookie; the request stays pending', async () => {
    const id = fileRequest('echo csrf-target');
    const path = `/api/requests/${id}/answer`;
    const json = { 'content-type': 'application/json' };
    const attempts: [string, Record<string, string>, string][] = [
      ['foreign origin', withCookie({ ...json, origin: 'http://evil.example' }), answerBody()],
      ['rebinding origin', withCookie({ ...json, origin: `http://127.0.0.1.nip.io:${port}` }), answerBody()],
      ['other port', withCookie({ ...json, origin: `http://127.0.0.1:${port + 1}` }), answerBody()],
      ['https origin', withCookie({ ...json, origin: `https://127.0.0.1:${port}` }), answerBody()],
      ['null origin', withCookie({ ...json, origin: 'null' }), answerBody()],
      ['no origin', withCookie(json), answerBody()],
      [
        'form post',
        withCookie({ origin, 'content-type': 'application/x-www-form-urlencoded' }),
        'behavior=allow',
      ],
      ['text post', withCookie({ origin, 'content-type': 'text/plain' }), answerBody()],
      ['no cookie', { ...json, origin }, answerBody()],
      ['hook bearer', { ...json, origin, authorization: `Bearer ${hookToken}` }, answerBody()],
    ];
    for (const [what, headers, body] of attempts) {
      const reply = await send('POST', path, headers, body);
      expect(reply.status, what).toBeGreaterThanOrEqual(400);
      expect(reply.status, what).toBeLessThan(500);
      expect(reply.body, what).not.toContain('"ok":true');
    }
    expect(app.book.get(id)?.decision).toBeUndefined();
    const state = JSON.parse((await send('GET', '/api/state', withCookie())).body) as {
      requests: { id: string; decision?: unknown }[];
    };
    expect(state.requests.find((item) => item.id === id)).toBeDefined();
    expect(state.requests.find((item) => item.id === id)?.decision).toBeUndefined();

    // The page's own answer goes through: the refusals above were not for some other reason.
    const ok = await send(
      'POST',
      path,
      withCookie({ ...json, origin }),
      JSON.stringify({ behavior: 'deny', message: 'no' }),
    );
    expect(ok.status).toBe(200);
    expect(app.book.get(id)?.decision).toMatchObject({ behavior: 'deny', message: 'no', by: 'page' });
    const again = await send('POST', path, withCookie({ ...json, origin }), answerBody());
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body)).toMatchObject({
      reason: 'already answered',
      request: { decision: { by: 'page' } },
    });
  });

  it('refuses a foreign Origin on reads too', async () => {
    const reply = await send('GET', '/api/state', withCookie({ origin: 'http://evil.example' }));
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain(app.identity.id);
  });
});

describe('web server: http hooks need their bearer token', () => {
  const stop = (sessionId: string) =>
    JSON.stringify({ hook_event_name: 'Stop', session_id: sessionId, cwd: '/tmp/hook-project' });

  it('refuses no bearer, a wrong one, the page token, and the page cookie', async () => {
    const json = { 'content-type': 'application/json' };
    const attempts: [string, Record<string, string>][] = [
      ['none', json],
      ['wrong', { ...json, authorization: `Bearer ${makeToken()}` }],
      ['page token', { ...json, authorization: `Bearer ${pageToken}` }],
      ['page cookie', withCookie(json)],
      ['basic', { ...json, authorization: `Basic ${Buffer.from(`x:${hookToken}`).toString('base64')}` }],
      ['token only', { ...json, authorization: hookToken }],
    ];
    for (const [what, headers] of attempts) {
      const reply = await send('POST', '/hooks', headers, stop(`bad-${what}`));
      expect(reply.status, what).toBe(401);
    }
    expect(app.feed.some((entry) => entry.sessionId?.startsWith('bad-'))).toBe(false);
    const ok = await send('POST', '/hooks', { ...json, authorization: `Bearer ${hookToken}` }, stop('good'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({});
    expect(app.feed.some((entry) => entry.sessionId === 'good' && entry.event === 'stop')).toBe(true);
  });
});

describe('web server: headers and address', () => {
  it('sends the strict CSP (and its companions) on every reply, errors included, and never CORS headers', async () => {
    // A CORS preflight from a foreign page gets no permission either.
    await send('OPTIONS', '/api/requests/abc/answer', {
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    await send('GET', '/assets/app.js', withCookie());
    await send('GET', '/nowhere', withCookie());
    expect(replies.length).toBeGreaterThan(40);
    for (const reply of replies) {
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      for (const name of Object.keys(reply.headers)) expect(name).not.toMatch(/^access-control-/);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const reachable = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port, timeout: 2_000 });
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('timeout', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    // Bound to 0.0.0.0 it would also answer on the rest of 127/8, on ::1 and on every interface.
    expect(await reachable('127.0.0.2')).toBe(false);
    expect(await reachable('::1')).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal)
      .map((info) => info!.address.split('%')[0]!);
    for (const address of external) expect(await reachable(address), address).toBe(false);
    expect(web.url).toBe(`http://127.0.0.1:${port}/?token=${pageToken}`);
  });
});
