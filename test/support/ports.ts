// A loopback port free right now, for a server that needs a fixed one (a broker's config, the
// phone endpoint's `port`): taken by listening on port 0, then let go.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
