// Internal: the listening side of a channel. Each observer has its own socket file; a connection
// carries posts and requests, and stays open until the peer closes it (its close tells the peer
// this observer died). A requester keeps its side open until its reply comes, so its connection
// ending first means it left: the handler is told through the request's signal.
import { setMaxListeners } from 'node:events';
import { rename, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { trackSocket, untrackSocket } from './cleanup.js';
import { busDirectory, ensurePrivateDirectory } from './directory.js';
import {
  DEFAULT_MAX_FRAME_BYTES,
  encodeFrame,
  type Frame,
  FrameDecoder,
  FrameError,
  type RequestId,
} from './frame.js';
import { assertSocketPathFits, pendingFileName, socketFileName } from './naming.js';

/**
 * Receives what arrives on a channel; for a request, its resolved value is the reply, and
 * `signal` fires when the requester's connection ends before that (the requester left).
 */
export type BusHandler = (
  payload: unknown,
  info: { kind: 'post' | 'request'; signal?: AbortSignal },
) => unknown | Promise<unknown>;

/** A listening observer of one channel. */
export interface Observer {
  readonly name: string;
  /** Its socket file. */
  readonly path: string;
  /** Stops listening, closes its connections and unlinks the socket file. */
  close(): Promise<void>;
}

export interface ObserveOptions {
  /** Bus directory; default busDirectory(). */
  dir?: string;
  /** Cap on one incoming frame; bigger frames close their connection. Default 1 MiB. */
  maxFrameBytes?: number;
  /**
   * How long a connection may take to send a whole frame, counted from its start (or from the
   * start of the frame it is in); slower connections are closed. Idle between frames it may stay.
   * Default 5 s: posters and requesters write a frame at once, over a local socket.
   */
  frameTimeoutMs?: number;
  /** Told about broken frames and about handlers that threw on a post (nobody else would hear of it). */
  onError?: (error: unknown) => void;
}

// Shared by every copy of this module in the process, so two copies never pick the same file name.
const SEQ = Symbol.for('ccbell.bus.seq');
function nextSeq(): number {
  const holder = globalThis as { [SEQ]?: number };
  holder[SEQ] = (holder[SEQ] ?? 0) + 1;
  return holder[SEQ];
}

/** Throws a TypeError for a channel name that is not a non-empty string. */
export function checkChannelName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`a bus channel name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
}

/** The bus directory to use for a call: the caller's (checked the same way) or the default. */
export function resolveDirectory(dir: string | undefined): string {
  return dir === undefined ? busDirectory() : ensurePrivateDirectory(resolve(dir));
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(path, () => {
      server.removeListener('error', onError);
      resolveListen();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => server.close(() => resolveClose()));
}

/** Listens on `name` and calls `handler` for every post and request sent to it. */
export async function observe(
  name: string,
  handler: BusHandler,
  options: ObserveOptions = {},
): Promise<Observer> {
  checkChannelName(name);
  if (typeof handler !== 'function') throw new TypeError('observe() needs a handler function');
  const dir = resolveDirectory(options.dir);
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const frameTimeoutMs = options.frameTimeoutMs ?? DEFAULT_FRAME_TIMEOUT_MS;
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // a reporting hook must not break serving
    }
  };

  const seq = nextSeq();
  const path = join(dir, socketFileName(name, process.pid, seq));
  assertSocketPathFits(path, dir);
  // Bound under a name posters ignore, renamed once listening: a poster never meets a file that
  // refuses connections only because it is not listening yet, and so never unlinks a live one.
  const pendingPath = join(dir, pendingFileName(name, process.pid, seq));

  const connections = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    connections.add(socket);
    serveConnection(socket, handler, { maxFrameBytes, frameTimeoutMs }, report);
    socket.once('close', () => connections.delete(socket));
  });

  try {
    await listen(server, pendingPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Our pid and sequence number: only a dead process that had our pid can have left it.
    await unlink(pendingPath).catch(() => undefined);
    await listen(server, pendingPath);
  }
  try {
    await rename(pendingPath, path);
  } catch (error) {
    await closeServer(server);
    await unlink(pendingPath).catch(() => undefined);
    throw error;
  }
  trackSocket(path);
  server.on('error', report);

  let closing: Promise<void> | undefined;
  return {
    name,
    path,
    close() {
      closing ??= (async () => {
        untrackSocket(path);
        await unlink(path).catch(() => undefined);
        const closed = closeServer(server);
        for (const socket of connections) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}

const DEFAULT_FRAME_TIMEOUT_MS = 5_000;
// A timer that fires this much later than due means this process did not run meanwhile (stopped
// with SIGSTOP, or busy): what the peer sent then is still unread, so the wait starts over.
const LATE_TIMER_MS = 250;

function serveConnection(
  socket: Socket,
  handler: BusHandler,
  limits: { maxFrameBytes: number; frameTimeoutMs: number },
  report: (error: unknown) => void,
): void {
  const { maxFrameBytes, frameTimeoutMs } = limits;
  const decoder = new FrameDecoder(maxFrameBytes);
  const requesterLeft = new AbortController();
  // One listener per request waiting on this connection; a client may have many at once.
  setMaxListeners(0, requesterLeft.signal);
  let pendingReplies = 0;
  let peerEnded = false;

  const refuse = (error: unknown) => {
    report(error);
    socket.destroy();
  };

  // The wait for a whole frame: from the connection's start, then from each frame's first byte.
  let frameDue: NodeJS.Timeout | undefined;
  const stopWaiting = () => {
    clearTimeout(frameDue);
    frameDue = undefined;
  };
  const awaitFrame = () => {
    clearTimeout(frameDue);
    const due = Date.now() + frameTimeoutMs;
    frameDue = setTimeout(() => {
      if (Date.now() - due > LATE_TIMER_MS) return awaitFrame();
      refuse(new FrameError('too-slow', `no complete frame within ${frameTimeoutMs} ms; connection closed`));
    }, frameTimeoutMs);
    frameDue.unref();
  };
  awaitFrame();

  const reply = (id: RequestId, outcome: { value: unknown } | { error: unknown }) => {
    pendingReplies--;
    if (socket.destroyed) return;
    let frame: Buffer;
    if ('value' in outcome) {
      try {
        frame = encodeFrame({ t: 'rep', id, p: outcome.value }, maxFrameBytes);
      } catch (error) {
        frame = encodeFrame({ t: 'err', id, m: `the reply could not be sent: ${(error as Error).message}` });
      }
    } else {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      frame = encodeFrame({ t: 'err', id, m: message.slice(0, 10_000) });
    }
    socket.write(frame);
    if (peerEnded && pendingReplies === 0) socket.end();
  };

  const dispatch = (frame: Frame) => {
    if (frame.t === 'post') {
      try {
        Promise.resolve(handler(frame.p, { kind: 'post' })).catch(report);
      } catch (error) {
        report(error);
      }
    } else if (frame.t === 'req') {
      pendingReplies++;
      const id = frame.id;
      new Promise<unknown>((run) =>
        run(handler(frame.p, { kind: 'request', signal: requesterLeft.signal })),
      ).then(
        (value) => reply(id, { value }),
        (error: unknown) => reply(id, { error }),
      );
    } else {
      refuse(new Error(`an observer does not take "${frame.t}" frames`));
    }
  };

  socket.on('data', (chunk: Buffer) => {
    const { frames, error } = decoder.push(chunk);
    // A frame still coming keeps its wait (a slow drip gains no time); a frame begun after a
    // whole one starts its own; with nothing left unfinished the connection may idle.
    if (error) stopWaiting();
    else if (decoder.buffered > 0 && (frames.length > 0 || frameDue === undefined)) awaitFrame();
    else if (decoder.buffered === 0 && frames.length > 0) stopWaiting();
    for (const frame of frames) {
      if (socket.destroyed) return;
      dispatch(frame);
    }
    if (error) refuse(error);
  });
  socket.on('end', () => {
    peerEnded = true;
    stopWaiting();
    requesterLeft.abort();
    const error = decoder.end();
    if (error) return refuse(error);
    if (pendingReplies === 0) socket.end();
  });
  socket.on('close', () => {
    stopWaiting();
    requesterLeft.abort();
  });
  socket.on('error', () => {
    // The peer vanished; 'close' follows and the connection is forgotten.
  });
}
