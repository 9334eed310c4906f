// Internal to the NATS transport: request/reply, publish and serve over one connection, with the
// local bus's frames (src/bus/frame.ts) as message bodies and its size caps.
//
// No request lost, none answered twice, across a broker restart:
// - a requester gives each logical request one id and re-sends it (same id) every RESEND_MS while
//   it waits, and at once when its connection comes back;
// - the server side runs the handler once per id: a re-send joins the running call (and renews
//   its lease), and after the answer a re-send gets the same answer again from a cache, so a
//   reply lost with the broker is sent again, never decided again;
// - the requester takes the first reply and drops the rest;
// - a requester that stops re-sending (its session ended, its machine went away) has left: after
//   LEASE_MS the handler's signal fires, as when a local requester's connection closes.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Msg, NatsConnection, Status } from '@nats-io/transport-node';
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame, type Frame, parseFrame } from '../frame.js';
import type { BusHandler } from '../observe.js';
import { type FailureKind, RemoteFailure } from './failure.js';

/** How often a waiting requester says "still here" (and re-sends its request). */
export const RESEND_MS = 10_000;
/** How long a served request lives without hearing from its requester. */
export const LEASE_MS = 3 * RESEND_MS + 5_000;
/** How long an answer is kept for a re-sent request whose reply was lost. */
const ANSWERED_TTL_MS = 10 * 60_000;
const ANSWERED_MAX = 2_000;
/** After a reconnect an app needs a moment to subscribe again: "no responders" then is not "gone" yet. */
const GONE_GRACE_MS = 5_000;

export interface NatsRequestOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  maxFrameBytes?: number;
}

export interface NatsServeOptions {
  maxFrameBytes?: number;
  onError?: (error: unknown) => void;
}

/** One connection to the broker, with the bus's three verbs. */
export interface NatsBus {
  /** The broker's address, without secrets, for messages. */
  readonly servers: string;
  request(subject: string, payload: unknown, options: NatsRequestOptions): Promise<unknown>;
  /** Publishes and waits (up to 2 s) until the broker has it. */
  publish(subject: string, payload: unknown, options?: { maxFrameBytes?: number }): Promise<void>;
  serve(
    subject: string,
    handler: BusHandler,
    options?: NatsServeOptions,
  ): Promise<{ close(): Promise<void> }>;
  /** Asks every server of `subject` and collects the replies that come within `maxWaitMs`. */
  gather(subject: string, payload: unknown, options: { maxWaitMs: number }): Promise<unknown[]>;
  /** Told of disconnects, reconnects and broker errors, one line each. */
  onStatus(listener: (line: string) => void): void;
  close(): Promise<void>;
}

const fail = (kind: FailureKind, message: string, cause?: unknown) =>
  new RemoteFailure(kind, message, cause === undefined ? undefined : { cause });

function encode(subject: string, frame: Frame, maxFrameBytes: number, brokerMax: number): Uint8Array {
  let bytes: Buffer;
  try {
    // The bus's frame without its newline: a NATS message is delimited already.
    bytes = encodeFrame(frame, maxFrameBytes).subarray(0, -1);
  } catch (error) {
    throw fail('payload', `cannot send on ${subject}: ${(error as Error).message}`, error);
  }
  if (bytes.length > brokerMax) {
    throw fail(
      'payload',
      `cannot send on ${subject}: ${bytes.length} bytes is over the broker's max_payload of ${brokerMax} (docs/remote.md sets it)`,
    );
  }
  return bytes;
}

function decode(data: Uint8Array, maxFrameBytes: number): Frame {
  if (data.length > maxFrameBytes)
    throw new Error(`a message of ${data.length} bytes is over the cap of ${maxFrameBytes}`);
  return parseFrame(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
}

const errorName = (error: unknown) => (error as Error)?.name ?? '';
function isNoResponders(error: unknown): boolean {
  const e = error as { isNoResponders?: () => boolean; cause?: unknown };
  return (
    errorName(error) === 'NoRespondersError' ||
    e?.isNoResponders?.() === true ||
    errorName(e?.cause) === 'NoRespondersError'
  );
}
function isPermission(error: unknown): boolean {
  const e = error as { cause?: unknown };
  return (
    errorName(error) === 'PermissionViolationError' || errorName(e?.cause) === 'PermissionViolationError'
  );
}
function isTimeout(error: unknown): boolean {
  const e = error as { cause?: unknown };
  return errorName(error) === 'TimeoutError' || errorName(e?.cause) === 'TimeoutError';
}

/** Wraps an open connection. */
export function natsBus(nc: NatsConnection, servers: string): NatsBus {
  const listeners: ((line: string) => void)[] = [];
  // Fires on every reconnect: waiting requesters re-send at once.
  let reconnected = new AbortController();
  setMaxListeners(0, reconnected.signal);
  void (async () => {
    for await (const status of nc.status() as AsyncIterable<Status>) {
      if (status.type === 'reconnect') {
        const previous = reconnected;
        reconnected = new AbortController();
        setMaxListeners(0, reconnected.signal);
        previous.abort();
      }
      const data =
        (status as { data?: unknown; error?: unknown }).error ?? (status as { data?: unknown }).data;
      const line = `NATS ${status.type}${data ? `: ${(data as Error).message ?? String(data)}` : ''}`;
      for (const listener of listeners) listener(line);
    }
  })().catch(() => undefined);

  const brokerMax = () => nc.info?.max_payload ?? 1024 * 1024;

  const request: NatsBus['request'] = async (subject, payload, options) => {
    const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    const id = randomBytes(12).toString('hex');
    const data = encode(subject, { t: 'req', id, p: payload }, maxFrameBytes, brokerMax());
    const deadline = Date.now() + Math.max(0, options.timeoutMs);
    const signal = options.signal;
    let attempts = 0;
    let noRespondersSince: number | undefined;
    for (;;) {
      if (signal?.aborted) throw fail('aborted', `the request on ${subject} was cancelled`);
      const left = deadline - Date.now();
      if (left <= 0) throw fail('timeout', `no reply on ${subject} within ${options.timeoutMs} ms`);
      if (nc.isClosed()) throw fail('unavailable', `the connection to ${servers} is closed`);
      attempts++;
      const wake = reconnected.signal;
      const outcome = await raceAttempt(nc.request(subject, data, { timeout: Math.min(left, RESEND_MS) }), [
        wake,
        ...(signal ? [signal] : []),
      ]);
      if (outcome.kind === 'woken') continue; // reconnected (re-send now) or aborted (checked above)
      if (outcome.kind === 'reply') {
        let frame: Frame;
        try {
          frame = decode(outcome.msg.data, maxFrameBytes);
        } catch (error) {
          throw fail('reply', `a malformed reply on ${subject}: ${(error as Error).message}`, error);
        }
        if (frame.t === 'rep' && frame.id === id) return frame.p;
        if (frame.t === 'err' && frame.id === id) throw fail('reply', frame.m);
        throw fail('reply', `an unexpected reply on ${subject}`);
      }
      const error = outcome.error;
      if (isNoResponders(error)) {
        // The first ask finding nobody is "no app listening": the caller falls back at once. Later,
        // the app may only be subscribing again after a broker restart: give it a moment.
        if (attempts === 1) throw fail('no-listener', `nobody serves ${subject}`, error);
        noRespondersSince ??= Date.now();
        if (Date.now() - noRespondersSince > GONE_GRACE_MS)
          throw fail('gone', `the server of ${subject} went away without replying`, error);
        await sleep(200, signal);
        continue;
      }
      noRespondersSince = undefined;
      if (isTimeout(error)) continue; // still waiting: re-send (renews the lease)
      if (isPermission(error))
        throw fail('denied', `the broker refused ${subject}: ${(error as Error).message}`, error);
      if (nc.isClosed()) throw fail('unavailable', `the connection to ${servers} closed`, error);
      // Disconnected meanwhile, or a transient error: wait a little and try again.
      await sleep(250, signal);
    }
  };

  const publish: NatsBus['publish'] = async (subject, payload, options = {}) => {
    const data = encode(
      subject,
      { t: 'post', p: payload },
      options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      brokerMax(),
    );
    try {
      nc.publish(subject, data);
    } catch (error) {
      throw fail(
        isPermission(error) ? 'denied' : 'unavailable',
        `cannot publish on ${subject}: ${(error as Error).message}`,
        error,
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const flushed = await Promise.race([
      nc.flush().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 2000);
      }),
    ]);
    clearTimeout(timer); // a pending timer would keep a hook's process alive for nothing
    if (!flushed) throw fail('unavailable', `the broker ${servers} did not take ${subject} within 2 s`);
  };

  const serve: NatsBus['serve'] = async (subject, handler, options = {}) => {
    const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    const report = (error: unknown) => {
      try {
        options.onError?.(error);
      } catch {}
    };
    const server = new RequestServer(subject, handler, maxFrameBytes, brokerMax, report);
    const sub = nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error)
          return report(
            fail(isPermission(error) ? 'denied' : 'unavailable', `${subject}: ${error.message}`, error),
          );
        server.receive(msg);
      },
    });
    // A subscription the broker refuses is reported asynchronously; a flush makes it arrive now.
    await nc.flush();
    if (sub.isClosed()) throw fail('denied', `the broker refused a subscription to ${subject}`);
    return {
      close: async () => {
        server.closeAll();
        if (!sub.isClosed()) sub.unsubscribe();
      },
    };
  };

  const gather: NatsBus['gather'] = async (subject, payload, { maxWaitMs }) => {
    const id = randomBytes(12).toString('hex');
    const data = encode(subject, { t: 'req', id, p: payload }, DEFAULT_MAX_FRAME_BYTES, brokerMax());
    const replies: unknown[] = [];
    try {
      const iterator = await nc.requestMany(subject, data, { strategy: 'timer', maxWait: maxWaitMs });
      for await (const msg of iterator) {
        try {
          const frame = decode(msg.data, DEFAULT_MAX_FRAME_BYTES);
          if (frame.t === 'rep' && frame.id === id) replies.push(frame.p);
        } catch {}
      }
    } catch (error) {
      if (!isNoResponders(error))
        throw fail('unavailable', `cannot ask ${subject}: ${(error as Error).message}`, error);
    }
    return replies;
  };

  return {
    servers,
    request,
    publish,
    serve,
    gather,
    onStatus: (listener) => listeners.push(listener),
    close: async () => {
      if (nc.isClosed()) return;
      await nc.drain().catch(() => nc.close());
    },
  };
}

type Attempt = { kind: 'reply'; msg: Msg } | { kind: 'error'; error: unknown } | { kind: 'woken' };

/** One request attempt, or 'woken' when one of `signals` fires first (the attempt is then dropped). */
function raceAttempt(attempt: Promise<Msg>, signals: AbortSignal[]): Promise<Attempt> {
  return new Promise((resolve) => {
    const cleanups: (() => void)[] = [];
    const done = (value: Attempt) => {
      for (const cleanup of cleanups) cleanup();
      resolve(value);
    };
    attempt.then(
      (msg) => done({ kind: 'reply', msg }),
      (error: unknown) => done({ kind: 'error', error }),
    );
    for (const signal of signals) {
      if (signal.aborted) return done({ kind: 'woken' });
      const onAbort = () => done({ kind: 'woken' });
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

interface Flight {
  /** The latest message of this request: its reply subject is the requester's live one. */
  msg: Msg;
  left: AbortController;
  lease: NodeJS.Timeout;
}

/** The serving side of one subject: one handler call per request id, answers kept for re-sends. */
class RequestServer {
  private readonly running = new Map<string, Flight>();
  private readonly answered = new Map<string, { data: Uint8Array; at: number }>();

  constructor(
    private readonly subject: string,
    private readonly handler: BusHandler,
    private readonly maxFrameBytes: number,
    private readonly brokerMax: () => number,
    private readonly report: (error: unknown) => void,
  ) {}

  receive(msg: Msg): void {
    let frame: Frame;
    try {
      frame = decode(msg.data, this.maxFrameBytes);
    } catch (error) {
      this.report(new Error(`${this.subject}: refused a message: ${(error as Error).message}`));
      if (msg.reply)
        msg.respond(encodeFrame({ t: 'err', id: 0, m: (error as Error).message }).subarray(0, -1));
      return;
    }
    if (frame.t === 'post') {
      try {
        Promise.resolve(this.handler(frame.p, { kind: 'post' })).catch(this.report);
      } catch (error) {
        this.report(error);
      }
      return;
    }
    if (frame.t !== 'req' || !msg.reply) {
      this.report(
        new Error(`${this.subject}: a server does not take "${frame.t}" messages without a reply subject`),
      );
      return;
    }
    const key = String(frame.id);
    const answer = this.answered.get(key);
    if (answer) {
      msg.respond(answer.data);
      return;
    }
    const flight = this.running.get(key);
    if (flight) {
      flight.msg = msg;
      flight.lease.refresh();
      return;
    }
    this.start(key, frame.id, frame.p, msg);
  }

  private start(key: string, id: string | number, payload: unknown, msg: Msg): void {
    const left = new AbortController();
    const lease = setTimeout(() => left.abort(), LEASE_MS);
    lease.unref();
    const flight: Flight = { msg, left, lease };
    this.running.set(key, flight);
    new Promise<unknown>((run) => run(this.handler(payload, { kind: 'request', signal: left.signal }))).then(
      (value) => this.finish(key, flight, { t: 'rep', id, p: value }),
      (error: unknown) =>
        this.finish(key, flight, {
          t: 'err',
          id,
          m: (error instanceof Error ? error.message : String(error)).slice(0, 10_000),
        }),
    );
  }

  private finish(key: string, flight: Flight, reply: Frame): void {
    clearTimeout(flight.lease);
    this.running.delete(key);
    let data: Uint8Array;
    try {
      data = encode(this.subject, reply, this.maxFrameBytes, this.brokerMax());
    } catch (error) {
      data = encodeFrame({
        t: 'err',
        id: (reply as { id: string }).id,
        m: `the reply could not be sent: ${(error as Error).message}`,
      }).subarray(0, -1);
    }
    this.remember(key, data);
    try {
      flight.msg.respond(data);
    } catch (error) {
      this.report(error); // the connection is closing: a re-send finds the answer kept
    }
  }

  private remember(key: string, data: Uint8Array): void {
    const now = Date.now();
    this.answered.set(key, { data, at: now });
    // Oldest first: drop what is past its time, or past the count.
    for (const [old, entry] of this.answered) {
      if (this.answered.size > ANSWERED_MAX || now - entry.at > ANSWERED_TTL_MS) this.answered.delete(old);
      else break;
    }
  }

  closeAll(): void {
    for (const flight of this.running.values()) {
      clearTimeout(flight.lease);
      flight.left.abort();
    }
    this.running.clear();
  }
}
