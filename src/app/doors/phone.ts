// Door: the phone. the one endpoint of the app that may be reachable from outside (through the
// person's tunnel or VPN). It serves nothing but one-time actions: GET shows what a link would
// do (link previews and prefetchers fetch it, so it never acts), POST acts. Everything else is
// a 404, every refusal reads the same, and callers are rate limited.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapabilityBook, PhoneDecision } from '../phone/capabilities.js';

export interface ActionServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  capabilities: CapabilityBook;
  /** What the request is, in a line ("Bash: npm test in api"); undefined when it is no longer open. */
  describe(requestId: string): string | undefined;
  /** Applies a redeemed decision; false when the request closed meanwhile. */
  act(requestId: string, decision: PhoneDecision): boolean;
  warn(line: string): void;
  /** Requests one caller may make per minute, and all callers together. */
  limits?: { perClient: number; total: number };
}

export interface ActionServer {
  port: number;
  close(): Promise<void>;
}

const ACTION_PATH = /^\/a\/([0-9a-f]{8})\/([A-Za-z0-9_-]{43})$/;
const WINDOW_MS = 60_000;
const DEFAULT_LIMITS = { perClient: 30, total: 120 };

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  Connection: 'close',
};

const REFUSED = 'This link does nothing: it was used already, its request is over, or it never existed.';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>${body}`;
}

/** Fixed one-minute windows: a count per caller and one for all. */
class RateLimit {
  private windowStart = 0;
  private total = 0;
  private readonly perClient = new Map<string, number>();
  constructor(private readonly limits: { perClient: number; total: number }) {}

  take(client: string, now: number): boolean {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.total = 0;
      this.perClient.clear();
    }
    const mine = (this.perClient.get(client) ?? 0) + 1;
    this.perClient.set(client, mine);
    this.total += 1;
    return mine <= this.limits.perClient && this.total <= this.limits.total;
  }
}

export async function startActionServer(options: ActionServerOptions): Promise<ActionServer> {
  const limit = new RateLimit(options.limits ?? DEFAULT_LIMITS);
  const send = (response: ServerResponse, status: number, title: string, body = '') => {
    response.writeHead(status, HEADERS);
    response.end(page(title, body));
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    // The body is never read: an action carries everything in its path.
    request.resume();
    // Behind a tunnel every caller is the tunnel; the window still bounds the whole.
    const client = request.socket.remoteAddress ?? 'unknown';
    if (!limit.take(client, Date.now())) {
      response.setHeader('Retry-After', '60');
      return send(response, 429, 'Too many requests', '<p>Wait a minute and try again.</p>');
    }
    const match = ACTION_PATH.exec(request.url ?? '');
    if (!match) return send(response, 404, 'Not found');
    const [, requestId = '', token = ''] = match;
    if (request.method === 'GET' || request.method === 'HEAD') {
      // A look, never an act: show what the link is for, with a button that posts it.
      const what = options.describe(requestId);
      if (!what) return send(response, 410, 'Nothing to answer', `<p>${REFUSED}</p>`);
      return send(
        response,
        200,
        'ccbell asks',
        `<p>${escapeHtml(what)}</p><form method="post"><button type="submit">Send this answer</button></form>`,
      );
    }
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'GET, POST');
      return send(response, 405, 'Method not allowed');
    }
    const redeemed = options.capabilities.redeem(requestId, token);
    if ('refused' in redeemed) {
      options.warn(`phone action refused for request ${requestId} (${redeemed.refused}) from ${client}`);
      return send(response, 403, 'Refused', `<p>${REFUSED}</p>`);
    }
    const what = options.describe(requestId) ?? `request ${requestId}`;
    if (!options.act(requestId, redeemed.decision)) {
      return send(response, 410, 'Already answered', `<p>${escapeHtml(what)} was answered elsewhere.</p>`);
    }
    const verb = redeemed.decision === 'allow' ? 'Allowed' : 'Denied';
    return send(response, 200, verb, `<p>${verb}: ${escapeHtml(what)}</p>`);
  };

  const server: Server = createServer(
    { headersTimeout: 5_000, requestTimeout: 10_000, maxHeaderSize: 8 * 1024 },
    handle,
  );
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
