import { describe, expect, it } from 'vitest';
import { appSubjects, discoverySubject, inboxPrefix } from '../../src/bus/subjects.js';
import { isLoopbackHost, readRemoteConfig, validateConfig } from '../../src/config/index.js';

function read(raw: unknown) {
  const problems: { field: string; problem: string }[] = [];
  return { config: readRemoteConfig(raw, problems), problems };
}

describe('remote config', () => {
  it('takes a TLS broker with a password named by file or env', () => {
    const { config, problems } = read({
      url: 'tls://nats.example.com:4222',
      user: 'alice',
      credentials: { password: 'env:CCBELL_NATS_PASSWORD' },
      ca: '/etc/ccbell/ca.pem',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      url: ['tls://nats.example.com:4222'],
      user: 'alice',
      credentials: { password: 'env:CCBELL_NATS_PASSWORD' },
      ca: '/etc/ccbell/ca.pem',
    });
  });

  it('refuses plain nats:// to anything but loopback', () => {
    expect(read({ url: 'nats://nats.example.com:4222', user: 'alice' }).problems).toEqual([
      { field: 'remote.url', problem: expect.stringMatching(/without TLS/) },
    ]);
    expect(read({ url: 'nats://10.0.0.5:4222', user: 'alice' }).config).toBeUndefined();
    expect(read({ url: 'nats://127.0.0.1:4222', user: 'alice' }).problems).toEqual([]);
    expect(read({ url: 'nats://[::1]:4222', user: 'alice' }).problems).toEqual([]);
    // A CA given means TLS, whatever the scheme.
    expect(read({ url: 'nats://nats.example.com:4222', user: 'alice', ca: '/ca.pem' }).problems).toEqual([]);
  });

  it('never takes a secret written into the file, and never repeats it in a problem', () => {
    const { config, problems } = read({
      url: 'tls://u:hunter2@nats.example.com',
      user: 'alice',
      credentials: { password: 'hunter2' },
    });
    expect(config).toBeUndefined();
    expect(problems.map((p) => p.field).sort()).toEqual(['remote.credentials.password', 'remote.url']);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('wants a user that is one subject token, and one kind of credentials', () => {
    expect(read({ url: 'tls://h', user: 'a.b' }).problems[0]?.field).toBe('remote.user');
    expect(read({ url: 'tls://h', user: 'a', credentials: { nkey: 'env:S', creds: '/c' } }).problems).toEqual(
      [{ field: 'remote.credentials', problem: expect.stringMatching(/exactly one/) }],
    );
  });

  it('is one block of the instance config; a broken one is reported and not used', () => {
    const { config, problems } = validateConfig({ remote: { url: 'nats://example.com', user: 'alice' } });
    expect(config.remote).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(validateConfig({ remote: { url: 'tls://example.com', user: 'alice' } }).config.remote?.user).toBe(
      'alice',
    );
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('subjects', () => {
  it('keep each user under ccbell.<user>. and _INBOX.ccbell.<user>.', () => {
    expect(appSubjects('alice', 'work', '12_34')).toEqual({
      approval: 'ccbell.alice.work.12_34.approval',
      events: 'ccbell.alice.work.12_34.events',
      control: 'ccbell.alice.work.12_34.control',
    });
    expect(discoverySubject('alice')).toBe('ccbell.alice._discover');
    expect(inboxPrefix('alice')).toBe('_INBOX.ccbell.alice');
    // A token with a dot or a wildcard would reach into another namespace.
    expect(() => appSubjects('alice.>', 'work', '1_2')).toThrow(TypeError);
    expect(() => appSubjects('alice', '*', '1_2')).toThrow(TypeError);
  });
});
