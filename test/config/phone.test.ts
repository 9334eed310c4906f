import { describe, expect, it } from 'vitest';
import { isPrivateHost, validateConfig } from '../../src/config/index.js';

const read = (phoneApprovals: unknown) => validateConfig({ phoneApprovals });

describe('phoneApprovals', () => {
  it('is on only when enabled, with its address and port', () => {
    expect(read({ enabled: true, publicUrl: 'https://me.ts.net/', port: 8787 })).toEqual({
      config: expect.objectContaining({
        phoneApprovals: { publicUrl: 'https://me.ts.net', host: '127.0.0.1', port: 8787 },
      }),
      problems: [],
    });
    expect(
      read({ enabled: false, publicUrl: 'https://me.ts.net', port: 8787 }).config.phoneApprovals,
    ).toBeUndefined();
  });

  it('names each fault and stays off', () => {
    const { config, problems } = read({
      enabled: true,
      publicUrl: 'http://me.example.com',
      port: 80,
      host: 'all',
      secret: 1,
    });
    expect(config.phoneApprovals).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([
      'phoneApprovals.secret',
      'phoneApprovals.publicUrl',
      'phoneApprovals.port',
      'phoneApprovals.host',
    ]);
    expect(problems[1]!.problem).toMatch(/must be https/);
    expect(read({ enabled: true, publicUrl: 'https://u:p@me.net', port: 8787 }).problems[0]!.problem).toMatch(
      /user name or password/,
    );
  });

  it('takes plain http only to loopback, private and VPN addresses', () => {
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.10',
      '100.101.102.103',
      'localhost',
    ])
      expect(isPrivateHost(host), host).toBe(true);
    for (const host of ['8.8.8.8', '172.32.0.1', '100.128.0.1', 'example.com', '10.1.2'])
      expect(isPrivateHost(host), host).toBe(false);
    expect(read({ enabled: true, publicUrl: 'http://100.64.1.2:8787', port: 8787 }).problems).toEqual([]);
  });
});
