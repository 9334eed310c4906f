// Internal: a requesting client of one channel that keeps its connection to the channel's observer
// open between requests and multiplexes them by frame id, so a caller asking many times (the
// approval server) pays the directory listing and the connect once, not on every request.
import type { Socket } from 'node:net';
import { CONNECT_TIMEOUT_MS, connectObserver, findObservers } from './connect.js';
import {
  BusAbortedError,
  BusPayloadError,
  BusReplyError,
  BusTimeoutError,
  NoListenerError,
  ObserverGoneError,
} from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame, FrameDecoder, type RequestId } from './frame.js';
import { checkChannelName, resolveDirectory } from './observe.js';
import { request as oneShotRequest } from './post.js';

export interface ChannelClientOptions {
  /** Bus directory; default busDirectory(). */
  dir?: string;
  /** Cap on each outgoing frame and on each reply. Default 1 MiB. */
  maxFrameBytes?: number;
}

export interface ChannelRequestOptions {
  /** Deadline for the whole request, from the call to the reply (connecting included). */
  timeoutMs: number;
  /** Gives up (BusAbortedError) when it fires; the connection stays for later requests. */
  signal?: AbortSignal;
}

/** A client of one channel; see channelClient(). */
export interface ChannelClient {
  readonly name: string;
  /** Like request(): resolves with the reply, or rejects with the same errors request() does. */
  request(payload: unknown, options: ChannelRequestOptions): Promise<unknown>;
  /** Closes the connection; pending and later requests reject with BusAbortedError. */
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Connection {
  socket: Socket;
  pending: Map<RequestId, Pending>;
}

/**
 * A client that asks the observer of `name` over one kept-open connection. Nothing is connected
 * until the first request; while no observer is connected, each request looks for one afresh (an
 * app started later is found, NoListenerError when there is none). When the connection closes (the
 * app died or closed), its pending requests reject with ObserverGoneError and the next request
 * connects again (a restarted app is found). The socket is unref'd while no request is pending, so
 * an idle client never keeps the process alive.
 *
 * When a request finds several observers of the channel, it is sent by request() instead (first
 * successful reply wins) and no connection is kept. While connected to one observer, observers
 * that appear later are not asked until that connection closes.
 */
export function channelClient(name: string, options: ChannelClientOptions = {}): ChannelClient {
  checkChannelName(name);
  const dir = resolveDirectory(options.dir);
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  let connection: Connection | undefined;
  let connecting: Promise<Connection | 'none' | 'many'> | undefined;
  let closed = false;
  let nextId = 1;

  const refState = (conn: Connection) => {
    if (conn.pending.size > 0) conn.socket.ref();
    else conn.socket.unref();
  };

  const open = async (timeoutMs: number): Promise<Connection | 'none' | 'many'> => {
    const candidates = await findObservers(dir, name);
    if (candidates.length === 0) return 'none';
    if (candidates.length > 1) return 'many';
    const socket = await connectObserver(candidates[0] as { path: string; pid: number }, timeoutMs);
    if (!socket || socket.closed) return 'none';
    if (closed) {
      socket.destroy();
      throw new BusAbortedError(name);
    }
    const conn: Connection = { socket, pending: new Map() };
    const decoder = new FrameDecoder(maxFrameBytes);
    socket.on('data', (chunk: Buffer) => {
      const { frames, error } = decoder.push(chunk);
      for (const reply of frames) {
        if (reply.t !== 'rep' && reply.t !== 'err') continue;
        const waiting = conn.pending.get(reply.id);
        if (!waiting) continue; // timed out or aborted meanwhile
        if (reply.t === 'rep') waiting.resolve(reply.p);
        else waiting.reject(new BusReplyError(name, reply.m));
      }
      if (error) socket.destroy(); // an oversized or broken reply: the connection is unusable
    });
    socket.once('close', () => {
      if (connection === conn) connection = undefined;
      for (const waiting of [...conn.pending.values()]) waiting.reject(new ObserverGoneError(name));
    });
    connection = conn;
    refState(conn);
    return conn;
  };

  const acquire = (timeoutMs: number): Promise<Connection | 'none' | 'many'> => {
    if (connection && !connection.socket.destroyed) return Promise.resolve(connection);
    connecting ??= open(timeoutMs).finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    name,
    request(payload, requestOptions) {
      const timeoutMs = requestOptions?.timeoutMs;
      if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)) {
        return Promise.reject(new TypeError('request() needs options.timeoutMs, a number of milliseconds'));
      }
      const signal = requestOptions.signal;
      const id = nextId++;
      let frame: Buffer;
      try {
        frame = encodeFrame({ t: 'req', id, p: payload }, maxFrameBytes);
      } catch (error) {
        return Promise.reject(new BusPayloadError(name, (error as Error).message, { cause: error }));
      }
      if (closed) return Promise.reject(new BusAbortedError(name));
      const started = Date.now();

      return new Promise<unknown>((resolve, reject) => {
        let settled = false;
        let conn: Connection | undefined;
        let fallback: AbortController | undefined;
        const onAbort = () => finish(() => reject(new BusAbortedError(name)));
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          signal?.removeEventListener('abort', onAbort);
          fallback?.abort();
          if (conn) {
            conn.pending.delete(id);
            refState(conn);
          }
          outcome();
        };
        // setTimeout fires at once for delays past 2^31-1 ms: clamp (about 24 days is 'no deadline').
        const delay = Math.min(timeoutMs, 2 ** 31 - 1);
        const deadline = setTimeout(() => finish(() => reject(new BusTimeoutError(name, timeoutMs))), delay);
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });

        const connectTimeout = Math.max(1, Math.min(CONNECT_TIMEOUT_MS, timeoutMs - (Date.now() - started)));
        acquire(connectTimeout).then(
          (got) => {
            if (settled) return; // a connection made meanwhile stays for the next request
            if (got === 'none') return finish(() => reject(new NoListenerError(name)));
            if (got === 'many') {
              // Several observers: ask them all the one-shot way; our deadline and signal govern.
              fallback = new AbortController();
              oneShotRequest(name, payload, {
                dir,
                maxFrameBytes,
                timeoutMs: 2 ** 31 - 1,
                signal: fallback.signal,
              }).then(
                (value) => finish(() => resolve(value)),
                (error: unknown) => finish(() => reject(error)),
              );
              return;
            }
            if (closed) return finish(() => reject(new BusAbortedError(name)));
            conn = got;
            conn.pending.set(id, {
              resolve: (value) => finish(() => resolve(value)),
              reject: (error) => finish(() => reject(error)),
            });
            refState(conn);
            conn.socket.write(frame);
          },
          (error: unknown) => finish(() => reject(error)),
        );
      });
    },
    close() {
      if (closed) return;
      closed = true;
      const conn = connection;
      connection = undefined;
      if (!conn) return;
      for (const waiting of [...conn.pending.values()]) waiting.reject(new BusAbortedError(name));
      conn.socket.destroy();
    },
  };
}
