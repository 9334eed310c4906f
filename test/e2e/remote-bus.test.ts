// The NATS transport against a real nats-server (TLS, two users with subject permissions): the
// bus's request/reply, fallbacks, permissions, size caps, and a broker restart mid-request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerUnavailableError,
  BusPayloadError,
  BusPermissionError,
  NoListenerError,
  type RemoteTransport,
  remoteTransport,
} from '../../src/bus/index.js';
import type { RemoteConfig } from '../../src/config/remote.js';
import { type NatsServer, startNatsServer } from './support/nats.js';

let dir: string;
let server: NatsServer;
const opened: RemoteTransport[] = [];

function configOf(user: 'alice' | 'bob', overrides: Partial<RemoteConfig> = {}): RemoteConfig {
  return {
    url: [server.url],
    user,
    credentials: { password: `file:${server.passwordFile[user]}` },
    ca: server.ca,
    ...overrides,
  };
}

function transport(user: 'alice' | 'bob', mode: 'short' | 'long' = 'short', config = configOf(user)) {
  const made = remoteTransport({ config, env: {}, mode, name: `test ${user}` });
  opened.push(made);
  return made;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-nats-'));
  server = await startNatsServer(dir);
});
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('NATS transport', () => {
  it('carries a request to a server of the same user and its reply back', async () => {
    const app = transport('alice', 'long');
    const served = await app.observe('ccbell.alice.default.1_2.approval', (payload) => ({ echo: payload }));
    const session = transport('alice');
    await expect(
      session.request('ccbell.alice.default.1_2.approval', { n: 1 }, { timeoutMs: 5000 }),
    ).resolves.toEqual({ echo: { n: 1 } });
    await served.close();
  });

  it('says "no listener" at once when nobody serves the subject', async () => {
    const session = transport('alice');
    await session.connect();
    const started = Date.now();
    await expect(
      session.request('ccbell.alice.default.9_9.approval', {}, { timeoutMs: 30_000 }),
    ).rejects.toBeInstanceOf(NoListenerError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses bob alice's subjects: neither serving them nor asking them", async () => {
    const bob = transport('bob', 'long');
    await expect(bob.observe('ccbell.alice.default.1_2.approval', () => 'stolen')).rejects.toBeInstanceOf(
      BusPermissionError,
    );
    await expect(
      bob.request('ccbell.alice.default.1_2.approval', {}, { timeoutMs: 3000 }),
    ).rejects.toBeInstanceOf(BusPermissionError);
  });

  it("refuses bob alice's replies: her reply inbox is hers", async () => {
    const bob = transport('bob', 'long');
    await expect(bob.observe('_INBOX.ccbell.alice.>', () => undefined)).rejects.toBeInstanceOf(
      BusPermissionError,
    );
    await expect(bob.observe('ccbell.alice.>', () => undefined)).rejects.toBeInstanceOf(BusPermissionError);
  });

  it("keeps the local bus's size caps, and says so when the broker's max_payload is smaller", async () => {
    const app = transport('alice', 'long');
    const served = await app.observe(
      'ccbell.alice.default.3_4.approval',
      (payload) => (payload as string).length,
      {
        maxFrameBytes: 2048,
      },
    );
    const session = transport('alice');
    await expect(
      session.request('ccbell.alice.default.3_4.approval', 'x'.repeat(1000), {
        timeoutMs: 5000,
        maxFrameBytes: 2048,
      }),
    ).resolves.toBe(1000);
    await expect(
      session.request('ccbell.alice.default.3_4.approval', 'x'.repeat(3000), {
        timeoutMs: 5000,
        maxFrameBytes: 2048,
      }),
    ).rejects.toBeInstanceOf(BusPayloadError);
    await expect(
      session.request('ccbell.alice.default.3_4.approval', 'x'.repeat(40 * 1024 * 1024), {
        timeoutMs: 5000,
        maxFrameBytes: 64 * 1024 * 1024,
      }),
    ).rejects.toThrow(/max_payload/);
    await served.close();
  });

  it('refuses a wrong password, and a broker that is not the one the CA vouches for', async () => {
    const wrong = transport(
      'alice',
      'short',
      configOf('alice', { credentials: { password: `file:${server.passwordFile.bob}` } }),
    );
    await expect(
      wrong.request('ccbell.alice.default.1_2.approval', {}, { timeoutMs: 3000 }),
    ).rejects.toBeInstanceOf(BusPermissionError);
    const untrusted = transport('alice', 'short', configOf('alice', { ca: join(dir, 'tls', 'server.pem') }));
    await expect(
      untrusted.request('ccbell.alice.default.1_2.approval', {}, { timeoutMs: 3000 }),
    ).rejects.toBeInstanceOf(BrokerUnavailableError);
  });
});

describe('NATS transport across a broker restart', () => {
  it('answers a request waiting through the restart once, and requests after it', async () => {
    const app = transport('alice', 'long');
    let calls = 0;
    let release: ((value: string) => void) | undefined;
    const served = await app.observe('ccbell.alice.default.5_6.approval', (payload) => {
      calls++;
      if (payload === 'slow') return new Promise((resolve) => (release = resolve));
      return `ok ${payload}`;
    });
    const session = transport('alice');
    const waiting = session.request('ccbell.alice.default.5_6.approval', 'slow', { timeoutMs: 30_000 });
    while (!release) await new Promise((resolve) => setTimeout(resolve, 10));
    await server.stop();
    // Answered while the broker is down: the reply is lost with it, the answer is kept.
    release('answered once');
    await server.start();
    await expect(waiting).resolves.toBe('answered once');
    await expect(
      session.request('ccbell.alice.default.5_6.approval', 'after', { timeoutMs: 10_000 }),
    ).resolves.toBe('ok after');
    expect(calls).toBe(2);
    await served.close();
  }, 30_000);

  it('falls back in under a second when the broker is down, and is never stuck', async () => {
    await server.stop();
    try {
      const session = transport('alice');
      const started = Date.now();
      await expect(
        session.request('ccbell.alice.default.5_6.approval', 'x', { timeoutMs: 60_000 }),
      ).rejects.toBeInstanceOf(BrokerUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await server.start();
    }
  });
});
