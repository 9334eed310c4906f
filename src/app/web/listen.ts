// Internal to the page servers (the app's and the inbox's): listening on the loopback address,
// with a port in use said in words a person can act on.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvironmentError } from '../../errors.js';

/** Listens on 127.0.0.1:`port` (0: a free one); resolves with the port it got. */
export function listenOnLoopback(server: Server, port: number | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EnvironmentError(`port ${port} on 127.0.0.1 is in use; pick another with --port`)
          : error,
      ),
    );
    server.listen(port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
