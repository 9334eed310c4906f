// Internal: the sending side of a channel: post (fire and forget, or held open to watch the
// observers live) and request (first reply wins).
import type { Socket } from 'node:net';
import { CONNECT_TIMEOUT_MS, connectObservers } from './connect.js';
import {
  BusAbortedError,
  BusPayloadError,
  BusReplyError,
  BusTimeoutError,
  NoListenerError,
  ObserverGoneError,
} from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame, type Frame, FrameDecoder } from './frame.js';
import { checkChannelName, resolveDirectory } from './observe.js';

/** How long one observer may take to accept a frame into its socket before it counts as not reached. */
const FLUSH_TIMEOUT_MS = 2000;

/** The outcome of a post. */
export interface Delivery {
  /** Observers that were reached; 0 means nobody listens. */
  readonly delivered: number;
  /** Resolves once every reached observer closed its connection (it died or closed), or after end(). */
  readonly closed: Promise<void>;
  /** Closes held-open connections; a no-op without holdOpen. */
  end(): void;
}

export interface PostOptions {
  /** Bus directory; default busDirectory(). */
  dir?: string;
  /** Keep the connections open until end(), so `closed` tells when the observers go away. */
  holdOpen?: boolean;
  /** Cap on the outgoing frame. Default 1 MiB. */
  maxFrameBytes?: number;
}

export interface RequestOptions {
  /** Deadline for the whole request, from the call to the reply. */
  timeoutMs: number;
  /** Bus directory; default busDirectory(). */
  dir?: string;
  /** Cap on the outgoing frame and on the reply. Default 1 MiB. */
  maxFrameBytes?: number;
  /** Gives up (BusAbortedError) and closes the connections when it fires. */
  signal?: AbortSignal;
}

function encodeFor(name: string, frame: Frame, maxFrameBytes: number): Buffer {
  try {
    return encodeFrame(frame, maxFrameBytes);
  } catch (error) {
    throw new BusPayloadError(name, (error as Error).message, { cause: error });
  }
}

/** Writes `frame`; true once it is in the kernel, false if the socket failed or stayed full too long. */
function writeFrame(socket: Socket, frame: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), FLUSH_TIMEOUT_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.write(frame, (error) => {
      clearTimeout(timer);
      resolve(!error);
    });
  });
}

/** Calls `then` once the socket is closed, even if that happened before this was called. */
function onClosed(socket: Socket, then: () => void): void {
  if (socket.closed) queueMicrotask(then);
  else socket.once('close', then);
}

function whenClosed(socket: Socket): Promise<void> {
  return new Promise((resolve) => onClosed(socket, resolve));
}

let nextRequestId = 1;

/** Sends `payload` to every live observer of `name`; `delivered` counts them. */
export async function post(name: string, payload: unknown, options: PostOptions = {}): Promise<Delivery> {
  checkChannelName(name);
  const dir = resolveDirectory(options.dir);
  const frame = encodeFor(name, { t: 'post', p: payload }, options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  const sockets = await connectObservers(dir, name, CONNECT_TIMEOUT_MS);
  const flushed = await Promise.all(sockets.map((socket) => writeFrame(socket, frame)));
  const reached: Socket[] = [];
  sockets.forEach((socket, index) => {
    if (flushed[index]) reached.push(socket);
    else socket.destroy();
  });
  const closed = Promise.all(reached.map(whenClosed)).then(() => undefined);
  const end = () => {
    for (const socket of reached) socket.destroy();
  };
  if (options.holdOpen) {
    // Read (and drop) anything the observer sends, so its closing is noticed.
    for (const socket of reached) socket.resume();
  } else {
    // The frame is in the observer's socket buffer: it reads it, then the end of the stream.
    end();
  }
  return { delivered: reached.length, closed, end };
}

/**
 * Sends a request to the observers of `name` and resolves with the first successful reply. An
 * error reply rejects (BusReplyError) only when no other observer answers; an observer closing
 * without replying counts as gone (ObserverGoneError once all are gone).
 */
export async function request(name: string, payload: unknown, options: RequestOptions): Promise<unknown> {
  checkChannelName(name);
  const timeoutMs = options?.timeoutMs;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)) {
    throw new TypeError('request() needs options.timeoutMs, a number of milliseconds');
  }
  const dir = resolveDirectory(options.dir);
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const id = nextRequestId++;
  const frame = encodeFor(name, { t: 'req', id, p: payload }, maxFrameBytes);
  const started = Date.now();

  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    let sockets: Socket[] = [];
    const onAbort = () => finish(() => reject(new BusAbortedError(name)));
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      for (const socket of sockets) socket.destroy();
      outcome();
    };
    // setTimeout fires at once for delays past 2^31-1 ms: clamp (about 24 days is 'no deadline').
    const delay = Math.min(timeoutMs, 2 ** 31 - 1);
    const deadline = setTimeout(() => finish(() => reject(new BusTimeoutError(name, timeoutMs))), delay);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const connectTimeout = Math.max(1, Math.min(CONNECT_TIMEOUT_MS, timeoutMs - (Date.now() - started)));
    connectObservers(dir, name, connectTimeout).then(
      (connected) => {
        sockets = connected;
        if (settled) {
          for (const socket of connected) socket.destroy();
          return;
        }
        if (connected.length === 0) return finish(() => reject(new NoListenerError(name)));
        let open = connected.length;
        let firstError: BusReplyError | undefined;
        const gone = () => {
          open--;
          if (open === 0) finish(() => reject(firstError ?? new ObserverGoneError(name)));
        };
        for (const socket of connected) {
          const decoder = new FrameDecoder(maxFrameBytes);
          onClosed(socket, gone);
          socket.on('data', (chunk: Buffer) => {
            const { frames, error } = decoder.push(chunk);
            for (const reply of frames) {
              if (reply.t === 'rep' && reply.id === id) return finish(() => resolve(reply.p));
              if (reply.t === 'err' && reply.id === id) {
                firstError ??= new BusReplyError(name, reply.m);
                return socket.destroy(); // this observer has spoken; wait for the others
              }
            }
            if (error) socket.destroy();
          });
          socket.write(frame);
        }
      },
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
