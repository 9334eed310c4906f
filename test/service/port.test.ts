// pickServicePort: a port below the ephemeral ranges, free now, not another instance's.
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortFree, pickServicePort, SERVICE_PORT_RANGE } from '../../src/service/index.js';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

function hold(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => {
      servers.push(server);
      resolve(true);
    });
  });
}

describe('pickServicePort', () => {
  it('skips ports other instances are set to and ports someone listens on', async () => {
    const first = await pickServicePort(new Set());
    expect(first).toBeGreaterThanOrEqual(SERVICE_PORT_RANGE.first);
    expect(first).toBeLessThan(32768);
    const skipped = await pickServicePort(new Set([first!]));
    expect(skipped).toBeGreaterThan(first!);
    expect(await hold(first!)).toBe(true);
    expect(await isPortFree(first!)).toBe(false);
    const next = await pickServicePort(new Set());
    expect(next).not.toBe(first);
    expect(await isPortFree(next!)).toBe(true);
  });

  it('says there is none when the whole range is taken', async () => {
    const all = new Set<number>();
    for (let port = SERVICE_PORT_RANGE.first; port <= SERVICE_PORT_RANGE.last; port++) all.add(port);
    expect(await pickServicePort(all)).toBeUndefined();
  });
});
