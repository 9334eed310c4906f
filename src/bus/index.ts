// The local bus: named channels between ccbell's processes (app, approval server, hooks, tools),
// standing in for macOS distributed notifications. Unix domain sockets in a private directory.

/** Ask a channel many times over one kept-open connection (the approval server does). */
export {
  type ChannelClient,
  type ChannelClientOptions,
  type ChannelRequestOptions,
  channelClient,
} from './channel.js';
/** Where the bus keeps its sockets; also what `ccbell doctor` checks. */
export { busDirectory } from './directory.js';
/** Errors a bus call can end with; each names its channel. */
/** Errors of the NATS transport: the broker unreachable (a NoListenerError: callers fall back), or refusing. */
export {
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
/** The default cap on one frame (1 MiB). */
export { DEFAULT_MAX_FRAME_BYTES } from './frame.js';
/** Listen on a channel. */
export { type BusHandler, type ObserveOptions, type Observer, observe } from './observe.js';
/** Send on a channel: post to all observers, or request a reply. */
export { type Delivery, type PostOptions, post, type RequestOptions, request } from './post.js';
export { busErrorOf, type RemoteTransport, type RemoteTransportOptions, remoteTransport } from './remote.js';
/** NATS subject names: per user, per instance, per app; and the user's reply prefix. */
export { type AppSubjects, appSubjects, discoverySubject, inboxPrefix } from './subjects.js';
/** The bus as an interface with two transports: local sockets, and NATS (loaded lazily). */
export {
  type BusTransport,
  localTransport,
  type TransportObserveOptions,
  type TransportRequestOptions,
} from './transport.js';
