import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type ApprovalItem, type Core, type FeedEntry, viewOf } from '../../core/index.js';
import { EnvironmentError, messageOf } from '../../errors.js';
import type { HookInput } from '../../events/index.js';
import { placeFromHeaders, type TerminalPlace } from '../../notify/index.js';
import { MAX_TOOL_CALL_BYTES, MAX_TOOL_CALL_DEPTH, parseAnswer } from '../../protocol/index.js';
import type { SessionFocus } from '../focus.js';
import { type BodyLimits, HttpError, readJsonBody } from './body.js';
import type { PageItem, Snapshot } from './contract.js';
import { listenOnLoopback } from './listen.js';
import { refuse, send, sendJson } from './respond.js';
import {
  allowedHosts,
  allowedOrigins,
  bearerToken,
  cookieName,
  readCookie,
  SECURITY_HEADERS,
  tokenMatches,
} from './security.js';

export interface WebServerOptions {
  core: Core;
  instance: string;
  runtimeId: string;
  /**
   * The http hook door: one hook input in (with a signal for a caller that left, and the
   * session's terminal place from the hook's headers, checked), its output back.
   */
  onHook: (input: HookInput, signal?: AbortSignal, place?: TerminalPlace) => Promise<Record<string, unknown>>;
  /**
   * "Go to session" on a card: brings the session's terminal forward (docs/focus.md). Resolves
   * whether a terminal was known and focused; undefined: the page has no such button's endpoint.
   */
  onFocus?: (sessionId: string) => Promise<SessionFocus>;
  /** 0 (or undefined) picks a free port. */
  port?: number;
  /** Required for the page and its API (URL once, then the cookie). */
  pageToken: string;
  /** Required (as a bearer token) for http hooks. */
  hookToken: string;
  /** The built page: index.html, app.js, app.css. */
  assetsDir: string;
  soundsDir: string;
  log?: (line: string) => void;
  /** How long a client may take to send its headers, and its whole request (tests shorten them). */
  timeouts?: Partial<WebTimeouts>;
}

export interface WebTimeouts {
  headersMs: number;
  /** Receiving the whole request; waiting for the answer afterwards is not limited. */
  requestMs: number;
  /** How often Node looks for connections past these timeouts. */
  checkEveryMs: number;
}

// Claude Code and the page send a request at once, over the loopback: a client that takes
// seconds is stuck or hostile, and holds a connection (and its buffers) while it dawdles.
const DEFAULT_TIMEOUTS: WebTimeouts = { headersMs: 5_000, requestMs: 10_000, checkEveryMs: 1_000 };

export interface WebServer {
  port: number;
  /** The page's address with its token: what the person opens. */
  url: string;
  /** The page's address without the token. */
  baseUrl: string;
  hooksUrl: string;
  close(): Promise<void>;
}

// A hook body and a page answer both carry one tool input (an answer's edited input is as big
// as the input it replaces): the same bounds for both.
const BODY_LIMITS: BodyLimits = { maxBytes: MAX_TOOL_CALL_BYTES, maxDepth: MAX_TOOL_CALL_DEPTH };

/** What the page shows instead of an input JSON cannot carry (too deep for JSON.stringify). */
const unshowable = (error: unknown) => ({
  unavailable: `ccbell cannot show this input: ${messageOf(error)}`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Serves the app's page, its live updates (server-sent events) and Claude Code's http hooks on
 * 127.0.0.1 only. Every request must name the loopback Host and carry the token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, pageToken, hookToken } = options;
  const log = options.log ?? (() => undefined);
  const assets = {
    '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
    '/assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
    '/assets/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  } as const;
  const loaded = new Map<string, Buffer>();
  for (const [path, asset] of Object.entries(assets)) {
    try {
      loaded.set(path, readFileSync(join(options.assetsDir, asset.file)));
    } catch (error) {
      throw new EnvironmentError(
        `the page's files are missing in ${options.assetsDir}: run "npm run build"`,
        { cause: error },
      );
    }
  }
  const sound = (() => {
    try {
      return readFileSync(join(options.soundsDir, 'permission_request.wav'));
    } catch {
      return undefined;
    }
  })();

  let port = 0;
  const streams = new Set<ServerResponse>();
  // Inputs known to serialize; the doors bound what enters the book, and this makes sure that
  // whatever got in anyway cannot break the page's state or its event stream.
  const serializes = new WeakSet<object>();
  const showable = (input: Record<string, unknown>): Record<string, unknown> => {
    if (serializes.has(input)) return input;
    try {
      JSON.stringify(input);
      serializes.add(input);
      return input;
    } catch (error) {
      log(`web: an input cannot be shown: ${messageOf(error)}`);
      return unshowable(error);
    }
  };
  const view = (item: ApprovalItem): PageItem => {
    const session = core.feed.sessions.get(item.sessionId);
    const base = viewOf(item);
    const updated = base.decision?.updatedInput;
    return {
      ...base,
      input: showable(base.input),
      ...(base.decision && updated
        ? { decision: { ...base.decision, updatedInput: showable(updated) } }
        : {}),
      label: session?.label ?? base.place ?? 'unknown session',
    };
  };
  const snapshot = (): Snapshot => ({
    instance: options.instance,
    runtime_id: options.runtimeId,
    sessions: core.feed.sessions.list(),
    requests: core.desk.book.all().slice(-100).map(view),
    feed: core.feed.list().slice(-100),
  });
  // Called from the book's events: it must never throw into the code that answered.
  const broadcast = (event: string, data: () => unknown) => {
    if (streams.size === 0) return;
    let frame: string;
    try {
      frame = `event: ${event}\ndata: ${JSON.stringify(data())}\n\n`;
    } catch (error) {
      return log(`web: ${event} event not sent: ${messageOf(error)}`);
    }
    for (const stream of streams) stream.write(frame);
  };
  const onAdded = (item: ApprovalItem) => broadcast('request', () => view(item));
  const onAnswered = (item: ApprovalItem) => broadcast('answered', () => view(item));
  const onFeed = (entry: FeedEntry) => {
    broadcast('feed', () => entry);
    broadcast('sessions', () => core.feed.sessions.list());
  };
  core.desk.book.on('added', onAdded);
  core.desk.book.on('answered', onAnswered);
  const stopFeed = core.feed.listen(onFeed);
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts(port).has(host)) throw new HttpError(421, 'unexpected Host header');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins(port).has(origin)) throw new HttpError(403, 'foreign Origin');

    // Claude Code's http hooks: bearer token, JSON in, JSON out.
    if (url.pathname === '/hooks') {
      if (method !== 'POST') throw new HttpError(405, 'POST only');
      if (!tokenMatches(bearerToken(request), hookToken))
        throw new HttpError(401, 'missing or wrong bearer token');
      const body = await readJsonBody(request, BODY_LIMITS);
      if (!isObject(body)) throw new HttpError(400, 'hook input must be a JSON object');
      // Claude Code closes the connection when it stops waiting (interrupted, or gone): the
      // request it asked about is then nobody's to answer. Only a PermissionRequest waits, so
      // only it is watched (every other event is answered at once, on the hot path).
      let signal: AbortSignal | undefined;
      if (body.hook_event_name === 'PermissionRequest') {
        const callerLeft = new AbortController();
        response.once('close', () => {
          if (!response.writableFinished) callerLeft.abort();
        });
        signal = callerLeft.signal;
      }
      // Where the session's terminal lives, as Claude Code filled the hook's headers in from its
      // environment; only after the token, and each value checked (src/notify/place-headers.ts).
      const place = placeFromHeaders(request.headers);
      const output = await options.onHook(body as HookInput, signal, place);
      return sendJson(response, 200, output);
    }

    // The page: the token arrives once in the URL and is swapped for a cookie.
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (method === 'GET' && url.pathname === '/' && fromQuery !== undefined) {
      if (!tokenMatches(fromQuery, pageToken)) throw new HttpError(401, 'wrong token');
      return send(response, 303, 'see /', 'text/plain; charset=utf-8', {
        Location: '/',
        'Set-Cookie': `${cookieName(port)}=${pageToken}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }
    if (!tokenMatches(readCookie(request, cookieName(port)), pageToken)) {
      throw new HttpError(401, 'this page needs its token: open the address "ccbell app" printed');
    }
    if (method === 'GET') {
      const asset = assets[url.pathname as keyof typeof assets];
      if (asset) return send(response, 200, loaded.get(url.pathname)!.toString('utf8'), asset.type);
      if (url.pathname === '/sounds/permission_request.wav' && sound) {
        response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'audio/wav' });
        return response.end(sound);
      }
      if (url.pathname === '/api/state') return sendJson(response, 200, snapshot());
      if (url.pathname === '/api/events') {
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream; charset=utf-8',
          Connection: 'keep-alive',
        });
        response.write(`retry: 1000\nevent: state\ndata: ${JSON.stringify(snapshot())}\n\n`);
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      throw new HttpError(404, 'not found');
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    // State changes need the page's own Origin (browsers send it on every POST).
    if (origin === undefined) throw new HttpError(403, 'missing Origin');
    const json = () => {
      if (!String(request.headers['content-type']).startsWith('application/json'))
        throw new HttpError(415, 'send JSON');
    };
    // "Go to session": the same checks as an answer (token cookie, Host, the page's Origin, JSON).
    const focusPath = /^\/api\/sessions\/([A-Za-z0-9_-]{1,128})\/focus$/.exec(url.pathname);
    if (focusPath && options.onFocus) {
      json();
      await readJsonBody(request, BODY_LIMITS);
      const result = await options.onFocus(focusPath[1]!);
      if (!result.found) throw new HttpError(404, 'no terminal is known for this session');
      return sendJson(response, result.ok ? 200 : 502, result);
    }
    const answerPath = /^\/api\/requests\/([0-9a-f]{1,32})\/answer$/.exec(url.pathname);
    if (!answerPath) throw new HttpError(404, 'not found');
    json();
    const body = await readJsonBody(request, BODY_LIMITS);
    let answer: ReturnType<typeof parseAnswer>;
    try {
      answer = parseAnswer(body);
    } catch (error) {
      throw new HttpError(400, messageOf(error), { cause: error });
    }
    const id = answerPath[1]!;
    const result = core.desk.answer(id, answer, 'page');
    if (result.ok) return sendJson(response, 200, { ok: true, request: view(result.item) });
    if (result.reason === 'already-answered') {
      return sendJson(response, 409, { ok: false, reason: 'already answered', request: view(result.item) });
    }
    throw new HttpError(404, `no request ${id}`);
  };

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      // Counts until the request is in; a PermissionRequest hook then waits for a person unbounded.
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    (request, response) => {
      handle(request, response).catch((error) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (status >= 500) log(`web: ${request.method} ${request.url}: ${messageOf(error)}`);
        refuse(request, response, status, messageOf(error));
      });
    },
  );
  port = await listenOnLoopback(server, options.port);
  const baseUrl = `http://127.0.0.1:${port}/`;
  return {
    port,
    url: `${baseUrl}?token=${pageToken}`,
    baseUrl,
    hooksUrl: `${baseUrl}hooks`,
    close: async () => {
      clearInterval(heartbeat);
      core.desk.book.off('added', onAdded);
      core.desk.book.off('answered', onAnswered);
      stopFeed();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
