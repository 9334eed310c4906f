// The app's web server from the outside, with raw HTTP requests whose every header the test
// chooses: the token, the Host, the Origin, the bearer of http hooks, the response headers.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { httpHookResponse } from '../../src/app/doors/http-hook.js';
import { cookieName, makeToken } from '../../src/app/web/security.js';
import { startWebServer, type WebServer } from '../../src/app/web/server.js';
import { MAX_TOOL_CALL_BYTES, MAX_TOOL_CALL_DEPTH } from '../../src/approval/index.js';
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
  return app.core.desk.book.submit({
    source: 'prompt-tool',
    toolName: 'Bash',
    input: { command },
    toolUseId: `toolu_${command}`,
  }).item.id;
}

const answerBody = (behavior = 'allow') => JSON.stringify({ behavior });

/** A raw TCP client: what it received, how much it wrote, and when the server closed it. */
interface RawClient {
  socket: Socket;
  received: () => string;
  /** Resolves with the ms from connecting until the connection closed. */
  closed: Promise<number>;
  /** Writes `data` in chunks, honouring backpressure, until done or closed; resolves with bytes written. */
  pour(data: Buffer, chunkBytes?: number): Promise<number>;
  /** Writes one byte every `everyMs` until closed. */
  drip(everyMs: number): void;
}

function rawClient(toPort = port): RawClient {
  const socket = connect({ host: '127.0.0.1', port: toPort });
  const started = Date.now();
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return {
    socket,
    received: () => text,
    closed,
    async pour(data, chunkBytes = 64 * 1024) {
      let written = 0;
      while (written < data.length && !socket.destroyed) {
        const chunk = data.subarray(written, written + chunkBytes);
        written += chunk.length;
        if (!socket.write(chunk)) {
          await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
        }
      }
      return written;
    },
    drip(everyMs) {
      const timer = setInterval(() => {
        if (!socket.destroyed) socket.write('a');
      }, everyMs);
      socket.on('close', () => clearInterval(timer));
    },
  };
}

/** Nested arrays `depth` deep: tiny on the wire, ruinous for a recursive parser or printer. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

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
    core: app.core,
    runtimeId: app.identity.id,
    onHook: (input, signal) => httpHookResponse(app.core, input, signal),
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
    app.core.desk.answer(id, { behavior: 'deny' }, 'cli');
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
    expect(app.core.desk.book.get(id)?.decision).toBeUndefined();
    expect(app.core.feed.list().some((entry) => entry.sessionId === 'rebind')).toBe(false);
    // localhost with the right port is the loopback too.
    expect((await send('GET', '/api/state', withCookie({ host: `localhost:${port}` }))).status).toBe(200);
    app.core.desk.answer(id, { behavior: 'deny' }, 'cli');
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
    expect(app.core.desk.book.get(id)?.decision).toBeUndefined();
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
    expect(app.core.desk.book.get(id)?.decision).toMatchObject({
      behavior: 'deny',
      message: 'no',
      by: 'page',
    });
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
    expect(app.core.feed.list().some((entry) => entry.sessionId?.startsWith('bad-'))).toBe(false);
    const ok = await send('POST', '/hooks', { ...json, authorization: `Bearer ${hookToken}` }, stop('good'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({});
    expect(app.core.feed.list().some((entry) => entry.sessionId === 'good' && entry.event === 'stop')).toBe(
      true,
    );
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

describe('web server: page answers are bounded before they are parsed', () => {
  const answer = (id: string, body: string) =>
    send(
      'POST',
      `/api/requests/${id}/answer`,
      withCookie({ origin, 'content-type': 'application/json' }),
      body,
    );

  it('refuses an updated_input 5000 levels deep with 400, and the page state stays whole', async () => {
    const id = fileRequest('echo deep-answer');
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const reply = await answer(id, `{"behavior":"allow","updated_input":${deep}}`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toBe(
      `body is JSON nested deeper than ${MAX_TOOL_CALL_DEPTH} levels`,
    );
    expect(app.core.desk.book.get(id)?.decision).toBeUndefined();
    const state = await send('GET', '/api/state', withCookie());
    expect(state.status).toBe(200);
    expect(JSON.parse(state.body).requests.some((item: { id: string }) => item.id === id)).toBe(true);
    const events = await send('GET', '/api/events', withCookie(), undefined, { stream: true });
    expect(events.body).toMatch(/^retry: \d+\nevent: state\ndata: \{/);
    // Within the scanner's bound but past the tool input's own: refused by the validator.
    let input: unknown = 'bottom';
    for (let level = 0; level < 66; level++) input = { a: input };
    const tooDeepInput = await answer(id, JSON.stringify({ behavior: 'allow', updated_input: input }));
    expect(tooDeepInput.status).toBe(400);
    expect(JSON.parse(tooDeepInput.body).error).toContain('nested deeper than 64 levels');
    // The request is still there to answer.
    const ok = await answer(id, JSON.stringify({ behavior: 'allow', updated_input: { command: 'echo ok' } }));
    expect(ok.status).toBe(200);
    expect(app.core.desk.book.get(id)?.decision).toMatchObject({
      by: 'page',
      updatedInput: { command: 'echo ok' },
    });
  });

  it('refuses an answer over the size cap with 413', async () => {
    const id = fileRequest('echo big-answer');
    const big = JSON.stringify({
      behavior: 'allow',
      updated_input: { content: 'x'.repeat(MAX_TOOL_CALL_BYTES) },
    });
    const reply = await answer(id, big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toContain(`over the cap of ${MAX_TOOL_CALL_BYTES} bytes`);
    expect(app.core.desk.book.get(id)?.decision).toBeUndefined();
    app.core.desk.answer(id, { behavior: 'deny' }, 'cli');
  });

  it('keeps /api/state and the event stream working when an item in the book cannot be serialized', async () => {
    // Past every door's bounds, straight into the book (as `ccbell answer` could once send it):
    // what the page must survive anyway.
    let deep: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 20_000; level++) deep = { a: deep };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const events: string[] = [];
    const stream = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/events',
      headers: withCookie({ host }),
    });
    const opened = new Promise<void>((resolve) =>
      stream.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          resolve();
        });
      }),
    );
    stream.end();
    await opened;
    const id = fileRequest('echo deep-updated');
    expect(app.core.desk.answer(id, { behavior: 'allow', updated_input: deep }, 'cli').ok).toBe(true);
    const state = await send('GET', '/api/state', withCookie());
    expect(state.status).toBe(200);
    const shown = (
      JSON.parse(state.body).requests as {
        id: string;
        input: unknown;
        decision: { updatedInput: { unavailable?: string } };
      }[]
    ).find((item) => item.id === id);
    expect(shown?.input).toEqual({ command: 'echo deep-updated' });
    expect(shown?.decision.updatedInput.unavailable).toMatch(/^ccbell cannot show this input/);
    // The stream carried the request and its answer, and is still open for what comes next.
    const later = fileRequest('echo after-deep');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = events.join('');
    expect(text).toContain(`event: request\ndata: {"id":"${id}`);
    expect(text).toContain(`event: answered\ndata: {"id":"${id}`);
    expect(text).toContain(later);
    stream.destroy();
    app.core.desk.answer(later, { behavior: 'deny' }, 'cli');
  });
});

describe('web server: http hook bodies are bounded', () => {
  const hookHead = (extra: string) =>
    `POST /hooks HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${hookToken}\r\nContent-Type: application/json\r\n${extra}\r\n`;

  /** GET /api/state's round trip: the app's event loop is free when this is quick. */
  const stateRoundTrip = async () => {
    const started = Date.now();
    expect((await send('GET', '/api/state', withCookie())).status).toBe(200);
    return Date.now() - started;
  };

  it('refuses a 38 MB nested body by its Content-Length, unread, and closes the connection', async () => {
    const body = Buffer.from(nested(19 * 1024 * 1024));
    const client = rawClient();
    client.socket.write(hookHead(`Content-Length: ${body.length}\r\n`));
    const written = client.pour(body);
    const closedAfter = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(client.received()).toContain(`over the cap of ${MAX_TOOL_CALL_BYTES} bytes`);
    expect(closedAfter).toBeLessThan(2_000);
    // Most of it was never taken in.
    expect(await written).toBeLessThan(body.length);
    expect(await stateRoundTrip()).toBeLessThan(1_000);
  });

  it('refuses a chunked nested body at the first level too deep, and a chunked big one at the cap', async () => {
    const deep = rawClient();
    deep.socket.write(hookHead('Transfer-Encoding: chunked\r\n'));
    const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
    void deep.pour(Buffer.from(chunk('['.repeat(16 * 1024)).repeat(2_000)), 16 * 1024);
    expect(await deep.closed).toBeLessThan(2_000);
    expect(deep.received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(deep.received()).toContain(`nested deeper than ${MAX_TOOL_CALL_DEPTH} levels`);

    const big = rawClient();
    big.socket.write(hookHead('Transfer-Encoding: chunked\r\n'));
    const piece = chunk(`"${'x'.repeat(64 * 1024 - 2)}"`);
    const written = await big.pour(
      Buffer.from(`${chunk('{"hook_event_name":"Stop","x":[')}${piece.repeat(200)}`),
    );
    expect(await big.closed).toBeLessThan(3_000);
    expect(big.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(written).toBeLessThan(200 * 64 * 1024);
    expect(await stateRoundTrip()).toBeLessThan(1_000);
  });

  it('still takes a hook body of a few MB', async () => {
    const content = 'a line of a large file\n'.repeat(100_000); // about 2.3 MB
    const reply = await send(
      'POST',
      '/hooks',
      { authorization: `Bearer ${hookToken}`, 'content-type': 'application/json' },
      JSON.stringify({ hook_event_name: 'Stop', session_id: 'big-stop', last_assistant_message: content }),
    );
    expect(reply.status).toBe(200);
    expect(app.core.feed.list().some((entry) => entry.sessionId === 'big-stop')).toBe(true);
  });

  it('settles a PermissionRequest as caller-left when the hook connection closes while it waits', async () => {
    const client = rawClient();
    const body = JSON.stringify({
      hook_event_name: 'PermissionRequest',
      session_id: 'leaving',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf ./caller-left' },
    });
    client.socket.write(`${hookHead(`Content-Length: ${Buffer.byteLength(body)}\r\n`)}${body}`);
    const item = await waitFor(() =>
      app.core.desk.book.pending().find((each) => each.sessionId === 'leaving'),
    );
    client.socket.destroy();
    await waitFor(() => app.core.desk.book.get(item.id)?.settled);
    expect(app.core.desk.book.get(item.id)?.settled).toMatchObject({ by: 'caller-left' });
    expect(app.core.desk.book.pending().some((each) => each.id === item.id)).toBe(false);
  });
});

describe('web server: slow and unauthenticated connections are closed', () => {
  let quick: WebServer;
  beforeAll(async () => {
    quick = await startWebServer({
      core: app.core,
      runtimeId: app.identity.id,
      onHook: (input, signal) => httpHookResponse(app.core, input, signal),
      instance: 'default',
      pageToken,
      hookToken,
      assetsDir: join(root, 'assets'),
      soundsDir: join(root, 'sounds'),
      timeouts: { headersMs: 500, requestMs: 1_000, checkEveryMs: 100 },
    });
  });
  afterAll(() => quick?.close());

  it('answers a request without its token on the headers alone, then closes, whatever the body does', async () => {
    const attempts = [
      `POST /hooks HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
      `POST /hooks HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${makeToken()}\r\nContent-Length: 100000\r\n\r\n{`,
      `POST /api/requests/abc/answer HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
    ];
    for (const head of attempts) {
      // The default timeouts (seconds): only the token check can close it this fast.
      const client = rawClient();
      client.socket.write(head);
      client.drip(50);
      expect(await client.closed).toBeLessThan(1_500);
      expect(client.received()).toMatch(/^HTTP\/1\.1 401 /);
      expect(client.received()).toMatch(/\r\nConnection: close\r\n/i);
    }
  });

  it('closes a connection that sends nothing, or its headers or body too slowly', async () => {
    const quickHost = `127.0.0.1:${quick.port}`;
    const silent = rawClient(quick.port);
    const slowHeaders = rawClient(quick.port);
    slowHeaders.socket.write(`GET /api/state HTTP/1.1\r\nHost: ${quickHost}\r\nX-Slow: `);
    slowHeaders.drip(50);
    const slowBody = rawClient(quick.port);
    slowBody.socket.write(
      `POST /hooks HTTP/1.1\r\nHost: ${quickHost}\r\nAuthorization: Bearer ${hookToken}\r\nContent-Length: 1000\r\n\r\n{"a":"`,
    );
    slowBody.drip(50);
    const [silentAfter, headersAfter, bodyAfter] = await Promise.all([
      silent.closed,
      slowHeaders.closed,
      slowBody.closed,
    ]);
    expect(silentAfter).toBeLessThan(2_000);
    expect(headersAfter).toBeLessThan(2_000);
    expect(bodyAfter).toBeLessThan(3_000);
    expect(slowBody.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('lets a hook whose request is in whole wait for its answer past the request timeout', async () => {
    const body = JSON.stringify({
      hook_event_name: 'PermissionRequest',
      session_id: 'patient',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf ./patient' },
    });
    const client = rawClient(quick.port);
    client.socket.write(
      `POST /hooks HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nAuthorization: Bearer ${hookToken}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const item = await waitFor(() =>
      app.core.desk.book.pending().find((each) => each.sessionId === 'patient'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(client.socket.destroyed).toBe(false);
    app.core.desk.answer(item.id, { behavior: 'deny', message: 'late but fine' }, 'cli');
    await waitFor(() => (client.received().includes('late but fine') ? true : undefined));
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    client.socket.destroy();
  });
});

/** Polls `probe` until it returns a value. */
async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
