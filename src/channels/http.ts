// Internal: one HTTP request with bounded retries. 429, 5xx and network errors are retried with
// backoff, honouring Retry-After (seconds or an HTTP date); other answers are final. At most
// `maxRetries` retries and `budgetMs` in all, each request cut at `timeoutMs`. Node's own fetch:
// no dependency. Nothing here logs; the result holds no URL (it may carry a secret).

export interface HttpRequest {
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string;
}

export interface HttpOptions {
  /** One request's limit (default 10 s). */
  timeoutMs?: number;
  /** Retries after the first request (default 3). */
  maxRetries?: number;
  /** All requests and waits of one message (default 30 s). */
  budgetMs?: number;
  /** First backoff; doubled each retry (default 1 s). */
  backoffMs?: number;
}

export interface HttpResult {
  ok: boolean;
  status?: number;
  attempts: number;
  /** Why it failed, with no URL in it. */
  reason?: string;
}

export const HTTP_DEFAULTS = { timeoutMs: 10_000, maxRetries: 3, budgetMs: 30_000, backoffMs: 1000 } as const;

/** How long a Retry-After header asks to wait, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const retryable = (status: number) => status === 429 || status >= 500;

/** Words for a failed fetch: the system error code or a timeout, never the message (it may name the URL). */
function networkReason(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  return `network error${typeof code === 'string' ? ` (${code})` : ''}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `request`, retrying as the header says; never throws. */
export async function sendWithRetries(request: HttpRequest, options: HttpOptions = {}): Promise<HttpResult> {
  const { timeoutMs, maxRetries, budgetMs, backoffMs } = { ...HTTP_DEFAULTS, ...options };
  const deadline = Date.now() + budgetMs;
  let attempts = 0;
  let last: HttpResult = { ok: false, attempts: 0, reason: 'not sent' };
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return { ...last, reason: `${last.reason}; gave up at the ${budgetMs / 1000} s bound` };
    attempts++;
    let wait: number | undefined;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        // A redirect would carry the body (tokens among it) to another place: refused.
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.min(timeoutMs, left)),
      });
      // The answer's body is not needed; reading it lets the connection go.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status, attempts };
      last = { ok: false, status: response.status, attempts, reason: `HTTP ${response.status}` };
      if (!retryable(response.status)) return last;
      wait = retryAfterMs(response.headers.get('retry-after'));
    } catch (error) {
      last = { ok: false, attempts, reason: networkReason(error) };
    }
    if (attempts > maxRetries) return { ...last, reason: `${last.reason} after ${attempts} attempts` };
    // Backoff doubles, with jitter so that many hooks do not retry in step; Retry-After wins.
    const delay = wait ?? backoffMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4);
    if (Date.now() + delay >= deadline)
      return { ...last, reason: `${last.reason}; the next try would pass the ${budgetMs / 1000} s bound` };
    await sleep(delay);
  }
}
