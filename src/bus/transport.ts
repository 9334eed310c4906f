// The bus as an interface with two transports: the local Unix sockets (this machine, as fast as
// before) and NATS (beyond it; src/bus/remote.ts). Each names its endpoints in its own way (a
// channel name, a subject); src/approval decides which endpoint of which transport to use.
import { type ChannelClient, channelClient } from './channel.js';
import { type BusHandler, observe, resolveDirectory } from './observe.js';
import { post, request } from './post.js';

export interface TransportObserveOptions {
  maxFrameBytes?: number;
  onError?: (error: unknown) => void;
}

export interface TransportRequestOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  maxFrameBytes?: number;
}

/** What both transports do; failures are the bus's errors (NoListenerError and its kin). */
export interface BusTransport {
  readonly kind: 'local' | 'nats';
  /** Serves an endpoint until closed. */
  observe(
    address: string,
    handler: BusHandler,
    options?: TransportObserveOptions,
  ): Promise<{ close(): Promise<void> }>;
  /** Fire and forget; `delivered` counts the observers reached (NATS: 1 once the broker has it). */
  post(
    address: string,
    payload: unknown,
    options?: { maxFrameBytes?: number },
  ): Promise<{ delivered: number }>;
  /** The first reply; NoListenerError when nobody serves the endpoint (callers fall back). */
  request(address: string, payload: unknown, options: TransportRequestOptions): Promise<unknown>;
  /** Closes kept connections; the transport is not used again. */
  close(): Promise<void>;
}

/**
 * The local transport: the Unix-socket bus in `dir`. With `keepConnections`, requests to one
 * channel share one kept-open connection (a long-lived caller: the approval server); without,
 * each request connects afresh (a one-shot caller: a hook).
 */
export function localTransport(options: { dir?: string; keepConnections?: boolean } = {}): BusTransport {
  const dir = options.dir === undefined ? undefined : resolveDirectory(options.dir);
  const clients = new Map<string, ChannelClient>();
  const where = dir === undefined ? {} : { dir };
  return {
    kind: 'local',
    observe: (address, handler, observeOptions = {}) =>
      observe(address, handler, { ...where, ...observeOptions }),
    post: async (address, payload, postOptions = {}) => {
      const delivery = await post(address, payload, { ...where, ...postOptions });
      return { delivered: delivery.delivered };
    },
    request: (address, payload, requestOptions) => {
      if (!options.keepConnections) return request(address, payload, { ...where, ...requestOptions });
      let client = clients.get(address);
      if (!client) {
        client = channelClient(address, {
          ...where,
          ...(requestOptions.maxFrameBytes ? { maxFrameBytes: requestOptions.maxFrameBytes } : {}),
        });
        clients.set(address, client);
      }
      return client.request(payload, requestOptions);
    },
    close: async () => {
      for (const client of clients.values()) client.close();
      clients.clear();
    },
  };
}
