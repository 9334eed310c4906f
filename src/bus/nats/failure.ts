// Internal to the NATS transport: how it fails, as data. This module is a bundle of its own
// (dist/lib/remote.cjs), loaded lazily, so its errors cannot be the bus's error classes of the
// bundle that loaded it; src/bus/remote.ts turns each kind into the bus error it means.

/** What went wrong, in the bus's terms. */
export type FailureKind =
  /** Nobody serves the subject (NATS "no responders"): the same as no app listening. */
  | 'no-listener'
  /** The broker could not be reached (down, refused, TLS failed). Callers fall back as for no app. */
  | 'unavailable'
  /** The broker refused us: bad credentials, or a subject our permissions do not allow. */
  | 'denied'
  /** The app stopped serving while we waited. */
  | 'gone'
  | 'timeout'
  | 'aborted'
  /** The payload cannot be sent: over the frame cap, or over the broker's max_payload. */
  | 'payload'
  /** The app's handler failed; the message is the app's. */
  | 'reply'
  /** The remote config cannot be used (a secret file unreadable, an env variable unset). */
  | 'config';

export class RemoteFailure extends Error {
  override name = 'RemoteFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
