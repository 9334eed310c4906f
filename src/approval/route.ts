// Internal to src/approval: how a session's processes reach the app that launched them, over
// whichever transport has it. The local bus is asked first (same speed and behaviour as before);
// only when nobody listens there and the instance has a `remote` config is the NATS broker asked,
// on the app's subjects. Without a runtime id there are no subjects: local only.
import { hostname } from 'node:os';
// Direct imports, not the bus barrel: forward.ts (on the hook path) uses this file.
import { NoListenerError } from '../bus/errors.js';
import { type RemoteTransport, remoteTransport } from '../bus/remote.js';
import { appSubjects } from '../bus/subjects.js';
import type { BusTransport, TransportRequestOptions } from '../bus/transport.js';
import type { RemoteConfig } from '../config/remote.js';

/** The variable that names this machine in requests (tests simulate two machines with it). */
export const HOST_ENV = 'CCBELL_HOST';

/** This machine's name, as requests carry it and the page shows it. */
export function hostName(env: NodeJS.ProcessEnv = process.env): string {
  return (env[HOST_ENV] || hostname()).slice(0, 255);
}

/** One endpoint of an app: its local channel, and its subject when it can be reached remotely. */
export interface Route {
  channel: string;
  subject?: string;
}

/** The subjects of an app, when a remote config and a runtime id make them. */
export function subjectsOf(
  remote: RemoteConfig | undefined,
  instance: string,
  runtimeId: string | undefined,
) {
  return remote && runtimeId ? appSubjects(remote.user, instance, runtimeId) : undefined;
}

/** A short-lived NATS transport for a session's process, or undefined without a remote config. */
export function sessionRemote(
  remote: RemoteConfig | undefined,
  env: NodeJS.ProcessEnv,
  what: string,
): RemoteTransport | undefined {
  if (!remote) return undefined;
  return remoteTransport({ config: remote, env, mode: 'short', name: `ccbell ${what}@${hostName(env)}` });
}

/**
 * Asks the app on `route`: the local bus first; on NoListenerError, the broker (when `remote`
 * is given and the route has a subject). Resolves with the reply and the transport that gave it.
 */
export async function requestApp(
  route: Route,
  payload: unknown,
  options: TransportRequestOptions & { local: BusTransport; remote?: BusTransport },
): Promise<{ reply: unknown; via: 'local' | 'nats' }> {
  const { local, remote, ...requestOptions } = options;
  try {
    return { reply: await local.request(route.channel, payload, requestOptions), via: 'local' };
  } catch (error) {
    if (!(error instanceof NoListenerError) || !remote || !route.subject) throw error;
  }
  return { reply: await remote.request(route.subject, payload, requestOptions), via: 'nats' };
}
