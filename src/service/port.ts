// I/O: finds a port for an instance's app that is free now and stays free while the app is down.
import { createServer } from 'node:net';

/**
 * Where ports are picked: below every common ephemeral range (Linux 32768-60999, macOS and
 * Windows 49152-65535), so no outgoing connection takes the port while the app is stopped.
 */
export const SERVICE_PORT_RANGE = { first: 17800, last: 17999 } as const;

/** Whether 127.0.0.1:`port` can be listened on now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port of SERVICE_PORT_RANGE not in `taken` (ports other instances are set to); undefined if none. */
export async function pickServicePort(taken: ReadonlySet<number>): Promise<number | undefined> {
  for (let port = SERVICE_PORT_RANGE.first; port <= SERVICE_PORT_RANGE.last; port++) {
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  return undefined;
}
