// The NATS transport of the bus (issue 12): its own bundle, dist/lib/remote.cjs, loaded only
// when an instance has a `remote` config and the local bus found nobody (src/bus/remote.ts), so
// the NATS client never loads on the hook path of a local session.
import type { RemoteConfig } from '../../config/remote.js';
import { type NatsBus, natsBus } from './bus.js';
import { type ConnectMode, connectionOptions, openConnection } from './connect.js';

export type { NatsBus, NatsRequestOptions, NatsServeOptions } from './bus.js';
export { LEASE_MS, RESEND_MS } from './bus.js';
export { type ConnectMode, SHORT_CONNECT_TIMEOUT_MS } from './connect.js';
export { type FailureKind, RemoteFailure } from './failure.js';

/** Connects to the broker of `config`; throws RemoteFailure ('unavailable', 'denied', 'config'). */
export async function openNatsBus(options: {
  config: RemoteConfig;
  env: NodeJS.ProcessEnv;
  mode: ConnectMode;
  /** The client's name as the broker shows it (no secrets). */
  name: string;
}): Promise<NatsBus> {
  const connection = connectionOptions(options.config, options.env, options.mode, options.name);
  const nc = await openConnection(connection);
  return natsBus(nc, options.config.url.join(', '));
}
