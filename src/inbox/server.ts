// The inbox's page: the same rules as the app's (loopback Host, a token swapped for a cookie, the
// page's own Origin for anything that changes state). It shows what every app reports and hands
// each answer to the app that owns the request.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { HttpError, readJsonBody } from '../app/web/body.js';
import { listenOnLoopback } from '../app/web/listen.js';
import { refuse, send, sendJson } from '../app/web/respond.js';
import { allowedHosts, allowedOrigins, cookieName, readCookie, tokenMatches } from '../app/web/security.js';
import { EnvironmentError, messageOf } from '../errors.js';
import { MAX_TOOL_CALL_BYTES, MAX_TOOL_CALL_DEPTH, parseAnswer } from '../protocol/index.js';
import { answerInInbox, gatherInbox, type InboxSource } from './inbox.js';

export interface InboxServerOptions {
  sources: readonly InboxSource[];
  pageToken: string;
  /** 0 (or undefined) picks a free port. */
  port?: number;
  /** The built pages: inbox.html, inbox.js, app.css. */
  assetsDir: string;
  log?: (line: string) => void;
}

export interface InboxServer {
  port: number;
  /** The page's address with its token: what the person opens. */
  url: string;
  close(): Promise<void>;
}

const APP_KEY = /^[a-z]+:\d+_\d+$/;
const REQUEST_ID = /^[0-9a-f]{1,32}$/;

export async function startInboxServer(options: InboxServerOptions): Promise<InboxServer> {
  const { pageToken, sources } = options;
  const log = options.log ?? (() => undefined);
  const assets = {
    '/': { file: 'inbox.html', type: 'text/html; charset=utf-8' },
    '/assets/inbox.js': { file: 'inbox.js', type: 'text/javascript; charset=utf-8' },
    '/assets/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  } as const;
  const loaded = new Map<string, string>();
  for (const [path, asset] of Object.entries(assets)) {
    try {
      loaded.set(path, readFileSync(join(options.assetsDir, asset.file), 'utf8'));
    } catch (error) {
      throw new EnvironmentError(
        `the inbox's files are missing in ${options.assetsDir}: run "npm run build"`,
        {
          cause: error,
        },
      );
    }
  }

  let port = 0;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts(port).has(request.headers.host ?? ''))
      throw new HttpError(421, 'unexpected Host header');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins(port).has(origin)) throw new HttpError(403, 'foreign Origin');
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (method === 'GET' && url.pathname === '/' && fromQuery !== undefined) {
      if (!tokenMatches(fromQuery, pageToken)) throw new HttpError(401, 'wrong token');
      return send(response, 303, 'see /', 'text/plain; charset=utf-8', {
        Location: '/',
        'Set-Cookie': `${cookieName(port)}=${pageToken}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }
    if (!tokenMatches(readCookie(request, cookieName(port)), pageToken))
      throw new HttpError(401, 'this page needs its token: open the address "ccbell inbox" printed');
    if (method === 'GET') {
      const asset = assets[url.pathname as keyof typeof assets];
      if (asset) return send(response, 200, loaded.get(url.pathname)!, asset.type);
      if (url.pathname === '/api/inbox') return sendJson(response, 200, await gatherInbox(sources));
      throw new HttpError(404, 'not found');
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    if (origin === undefined) throw new HttpError(403, 'missing Origin');
    if (url.pathname !== '/api/answer') throw new HttpError(404, 'not found');
    if (!String(request.headers['content-type']).startsWith('application/json'))
      throw new HttpError(415, 'send JSON');
    const body = await readJsonBody(request, {
      maxBytes: MAX_TOOL_CALL_BYTES,
      maxDepth: MAX_TOOL_CALL_DEPTH,
    });
    const { app, id, answer: raw } = (body ?? {}) as Record<string, unknown>;
    if (typeof app !== 'string' || !APP_KEY.test(app))
      throw new HttpError(400, 'app must name an app of the inbox');
    if (typeof id !== 'string' || !REQUEST_ID.test(id)) throw new HttpError(400, 'id must be a request id');
    let answer: ReturnType<typeof parseAnswer>;
    try {
      answer = parseAnswer(raw, 'answer');
    } catch (error) {
      throw new HttpError(400, messageOf(error), { cause: error });
    }
    const reply = await answerInInbox(sources, app, id, answer);
    if (reply.ok) return sendJson(response, 200, reply);
    if (reply.reason === 'already-answered') return sendJson(response, 409, reply);
    throw new HttpError(
      404,
      reply.reason === 'no-app' ? `no running app ${app}` : `no request ${id} in ${app}`,
    );
  };

  const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000 }, (request, response) => {
    handle(request, response).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status >= 500) log(`inbox: ${request.method} ${request.url}: ${messageOf(error)}`);
      refuse(request, response, status, messageOf(error));
    });
  });
  port = await listenOnLoopback(server, options.port);
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${pageToken}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
