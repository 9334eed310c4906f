// The NATS transport as the rest of ccbell sees it: a BusTransport whose client is loaded (an
// import of dist/lib/remote.cjs) and connected on first use only, and whose failures are the
// bus's own errors, so callers fall back from NATS exactly as from the local bus.
import type { RemoteConfig } from '../config/remote.js';
import {
  BrokerUnavailableError,
  BusAbortedError,
  BusError,
  BusPayloadError,
  BusPermissionError,
  BusReplyError,
  BusTimeoutError,
  NoListenerError,
  ObserverGoneError,
} from './errors.js';
import type { NatsBus } from './nats/index.js';
import type { BusTransport } from './transport.js';

export interface RemoteTransportOptions {
  config: RemoteConfig;
  env: NodeJS.ProcessEnv;
  /** 'short': a hook or a session's call (gives up on the broker in under a second); 'long': the app. */
  mode: 'short' | 'long';
  /** The client's name on the broker, e.g. `ccbell app work@laptop`. */
  name: string;
  /** Told of disconnects and reconnects (the app logs them). */
  onStatus?: (line: string) => void;
}

/** The NATS transport, plus what only it can do: ask every app of the user at once. */
export interface RemoteTransport extends BusTransport {
  readonly kind: 'nats';
  /** Every reply to `payload` on `subject` within `maxWaitMs` (discovery: one per app). */
  gather(subject: string, payload: unknown, options: { maxWaitMs: number }): Promise<unknown[]>;
  /** Connects now (the app wants to know at start that the broker is there). */
  connect(): Promise<void>;
}

/** A bus error for a RemoteFailure of the NATS bundle (told apart by its `kind`, not its class). */
export function busErrorOf(address: string, error: unknown): Error {
  if (error instanceof BusError) return error;
  const kind = (error as { kind?: unknown })?.kind;
  const message = (error as Error)?.message ?? String(error);
  const options = { cause: error };
  switch (kind) {
    case 'no-listener':
      return new NoListenerError(address, options);
    case 'unavailable':
      return new BrokerUnavailableError(address, message, options);
    case 'denied':
      return new BusPermissionError(address, message, options);
    case 'gone':
      return new ObserverGoneError(address, options);
    case 'timeout':
      return new BusTimeoutError(address, Number(/within (\d+)/.exec(message)?.[1] ?? 0), options);
    case 'aborted':
      return new BusAbortedError(address, options);
    case 'payload':
      return new BusPayloadError(address, message, options);
    case 'reply':
      return new BusReplyError(address, message, options);
    case 'config':
      return new BrokerUnavailableError(address, message, options);
    default:
      return error instanceof Error ? error : new Error(message);
  }
}

/** The NATS transport for `config`; nothing is loaded or connected until it is used. */
export function remoteTransport(options: RemoteTransportOptions): RemoteTransport {
  let opening: Promise<NatsBus> | undefined;
  let closed = false;
  const bus = (address: string): Promise<NatsBus> => {
    if (closed) return Promise.reject(new BusAbortedError(address));
    opening ??= (async () => {
      // Lazy: the build makes this a require() of dist/lib/remote.cjs (scripts/build.mjs).
      const { openNatsBus } = await import('./nats/index.js');
      const opened = await openNatsBus(options);
      if (options.onStatus) opened.onStatus(options.onStatus);
      return opened;
    })();
    // A failed connect is not kept: the next call tries the broker again.
    return opening.catch((error: unknown) => {
      opening = undefined;
      throw busErrorOf(address, error);
    });
  };
  const mapped = async <T>(address: string, run: (nats: NatsBus) => Promise<T>): Promise<T> => {
    const nats = await bus(address);
    try {
      return await run(nats);
    } catch (error) {
      throw busErrorOf(address, error);
    }
  };
  return {
    kind: 'nats',
    observe: (address, handler, observeOptions = {}) =>
      mapped(address, (nats) => nats.serve(address, handler, observeOptions)),
    post: (address, payload, postOptions = {}) =>
      mapped(address, async (nats) => {
        await nats.publish(address, payload, postOptions);
        return { delivered: 1 };
      }),
    request: (address, payload, requestOptions) =>
      mapped(address, (nats) => nats.request(address, payload, requestOptions)),
    gather: (subject, payload, gatherOptions) =>
      mapped(subject, (nats) => nats.gather(subject, payload, gatherOptions)),
    connect: async () => {
      await bus(options.config.url.join(', '));
    },
    close: async () => {
      closed = true;
      const open = opening;
      opening = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
