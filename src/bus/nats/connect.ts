// Internal to the NATS transport: a remote config becomes a connection. Secrets (a password, an
// nkey seed, a creds file) are read here, at connect time, and go nowhere but the client: never
// into an error message, a log line or the page.
import { readFileSync } from 'node:fs';
import {
  type Authenticator,
  connect,
  credsAuthenticator,
  type NatsConnection,
  type NodeConnectionOptions,
  nkeyAuthenticator,
  usernamePasswordAuthenticator,
} from '@nats-io/transport-node';
import { isLoopbackHost, type RemoteConfig, remoteUsesTls, type SecretRef } from '../../config/remote.js';
import { inboxPrefix } from '../subjects.js';
import { RemoteFailure } from './failure.js';

/** How a process uses the broker: a short one gives up fast, the app waits it out. */
export type ConnectMode = 'short' | 'long';

/** Longest a short-lived process waits for the broker before falling back (a hook, a session's call). */
export const SHORT_CONNECT_TIMEOUT_MS = 800;

function readSecret(ref: SecretRef, env: NodeJS.ProcessEnv, field: string): string {
  if (ref.startsWith('env:')) {
    const value = env[ref.slice(4)];
    if (!value) throw new RemoteFailure('config', `remote.credentials.${field}: ${ref} is not set`);
    return value.trim();
  }
  try {
    return readFileSync(ref.slice(5), 'utf8').trim();
  } catch (error) {
    throw new RemoteFailure(
      'config',
      `remote.credentials.${field}: cannot read ${ref.slice(5)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function readFile(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new RemoteFailure(
      'config',
      `remote.${field}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function authenticator(config: RemoteConfig, env: NodeJS.ProcessEnv): Authenticator | undefined {
  const credentials = config.credentials;
  if (!credentials) return undefined;
  if ('creds' in credentials) {
    const text = readFile(credentials.creds, 'credentials.creds');
    return credsAuthenticator(new TextEncoder().encode(text));
  }
  if ('nkey' in credentials) {
    const seed = readSecret(credentials.nkey, env, 'nkey');
    return nkeyAuthenticator(new TextEncoder().encode(seed));
  }
  const password = readSecret(credentials.password, env, 'password');
  return usernamePasswordAuthenticator(credentials.login ?? config.user, password);
}

/** The client options for a config; throws RemoteFailure('config') when it cannot be used. */
export function connectionOptions(
  config: RemoteConfig,
  env: NodeJS.ProcessEnv,
  mode: ConnectMode,
  name: string,
): NodeConnectionOptions {
  const tls = remoteUsesTls(config);
  // Checked again here, not only when the config was read: nothing goes out in clear text.
  for (const url of config.url) {
    const host = new URL(url).hostname;
    if (!tls && !isLoopbackHost(host))
      throw new RemoteFailure('config', `remote.url: ${host} is not loopback and TLS is off; use tls://`);
  }
  const auth = authenticator(config, env);
  return {
    servers: config.url.map((url) => url.replace(/^tls:\/\//, 'nats://')),
    name,
    inboxPrefix: inboxPrefix(config.user),
    ...(auth ? { authenticator: auth } : {}),
    ...(tls
      ? {
          tls: {
            ...(config.ca ? { ca: readFile(config.ca, 'ca') } : {}),
            ...(config.cert ? { cert: readFile(config.cert, 'cert') } : {}),
            ...(config.key ? { key: readFile(config.key, 'key') } : {}),
          },
        }
      : {}),
    timeout: mode === 'short' ? SHORT_CONNECT_TIMEOUT_MS : 5000,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 100,
    reconnectJitterTLS: 100,
    pingInterval: mode === 'long' ? 20_000 : 60_000,
  };
}

/** Connects, or throws RemoteFailure: 'unavailable' (broker not reached), 'denied' (refused us). */
export async function openConnection(options: NodeConnectionOptions): Promise<NatsConnection> {
  try {
    return await connect(options);
  } catch (error) {
    const text = (error as Error).message ?? String(error);
    const kind = /authoriz|authenticat|permission/i.test(text) ? 'denied' : 'unavailable';
    throw new RemoteFailure(kind, `NATS broker ${serversOf(options)}: ${text}`, { cause: error });
  }
}

function serversOf(options: NodeConnectionOptions): string {
  const servers = options.servers ?? [];
  return (Array.isArray(servers) ? servers : [servers]).join(', ');
}
