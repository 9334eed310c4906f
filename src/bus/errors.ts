// Errors of the bus. Each names the channel it concerns; all are EnvironmentErrors, because a
// missing, slow or failing peer is something on the user's machine, not in their input.
import { EnvironmentError } from '../errors.js';

/** How a channel name appears in a message: quoted, and cut short when it is very long. */
function shown(channel: string): string {
  const quoted = JSON.stringify(channel);
  return quoted.length > 120 ? `${quoted.slice(0, 100)}…" (${channel.length} chars)` : quoted;
}

/** Base of every bus error: carries the channel, so callers can tell which conversation failed. */
export class BusError extends EnvironmentError {
  override name = 'BusError';
  constructor(
    readonly channel: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Nobody observes the channel: callers fall back (terminal prompt, legacy name, …). */
export class NoListenerError extends BusError {
  override name = 'NoListenerError';
  constructor(channel: string, options?: ErrorOptions) {
    super(channel, `no observer is listening on channel ${shown(channel)}`, options);
  }
}

/** A request got no reply before its deadline. */
export class BusTimeoutError extends BusError {
  override name = 'BusTimeoutError';
  constructor(
    channel: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(channel, `no reply on channel ${shown(channel)} within ${timeoutMs} ms`, options);
  }
}

/** Every observer of a request closed its connection without replying (it died or closed). */
export class ObserverGoneError extends BusError {
  override name = 'ObserverGoneError';
  constructor(channel: string, options?: ErrorOptions) {
    super(channel, `the observer of channel ${shown(channel)} went away without replying`, options);
  }
}

/** The observer's handler threw; `remoteMessage` is the message it sent back. */
export class BusReplyError extends BusError {
  override name = 'BusReplyError';
  constructor(
    channel: string,
    readonly remoteMessage: string,
    options?: ErrorOptions,
  ) {
    super(
      channel,
      `the observer of channel ${shown(channel)} replied with an error: ${remoteMessage}`,
      options,
    );
  }
}

/** A payload cannot be sent on the channel: not serialisable as JSON, or over the frame cap. */
export class BusPayloadError extends BusError {
  override name = 'BusPayloadError';
  constructor(channel: string, problem: string, options?: ErrorOptions) {
    super(channel, `cannot send on channel ${shown(channel)}: ${problem}`, options);
  }
}

/** The caller gave up on a request (its AbortSignal fired) before a reply came. */
export class BusAbortedError extends BusError {
  override name = 'BusAbortedError';
  constructor(channel: string, options?: ErrorOptions) {
    super(channel, `the request on channel ${shown(channel)} was cancelled`, options);
  }
}

/** The NATS broker could not be reached: callers fall back exactly as when no app listens. */
export class BrokerUnavailableError extends NoListenerError {
  override name = 'BrokerUnavailableError';
  constructor(
    channel: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(channel, options);
    this.message = `the NATS broker could not be reached for ${shown(channel)}: ${reason}`;
  }
}

/** The broker refused: bad credentials, or a subject this user may not use. */
export class BusPermissionError extends BusError {
  override name = 'BusPermissionError';
  constructor(channel: string, reason: string, options?: ErrorOptions) {
    super(channel, `the NATS broker refused ${shown(channel)}: ${reason}`, options);
  }
}
