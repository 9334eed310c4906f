// The per-channel rate limit: a sliding window kept in the cache directory, per channel, with
// one "dropping" line per window however many messages are dropped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChannelMessage,
  claimRateSlot,
  deliverToChannels,
  RATE_FILE,
} from '../../src/channels/index.js';
import { validateConfig } from '../../src/config/index.js';
import { openLogger } from '../../src/log/index.js';
import { startReceiver } from './receiver.js';

const root = mkdtempSync(join(tmpdir(), 'ccbell-rate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `c${n++}`);
const limit = { max: 3, perSeconds: 10 };

describe('claimRateSlot', () => {
  it('allows max per window, then drops, and frees slots as they age out', () => {
    const cache = dir();
    const t0 = 1_000_000;
    const verdicts = [0, 1, 2, 3, 4].map((i) => claimRateSlot(cache, 'phone', limit, t0 + i));
    expect(verdicts).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, firstDrop: true },
      { allowed: false, firstDrop: false },
    ]);
    // Another channel has its own window.
    expect(claimRateSlot(cache, 'team', limit, t0 + 5)).toEqual({ allowed: true });
    // The first send leaves the window 10 s later: one slot frees; the drop is not logged again.
    expect(claimRateSlot(cache, 'phone', limit, t0 + 10_000)).toEqual({ allowed: true });
    expect(claimRateSlot(cache, 'phone', limit, t0 + 10_000)).toEqual({ allowed: false, firstDrop: false });
    // Later, the window full again of new sends: a new window's first drop is logged.
    expect(claimRateSlot(cache, 'phone', limit, t0 + 10_003)).toEqual({ allowed: true });
    expect(claimRateSlot(cache, 'phone', limit, t0 + 10_004)).toEqual({ allowed: true });
    expect(claimRateSlot(cache, 'phone', limit, t0 + 10_005)).toEqual({ allowed: false, firstDrop: true });
  });

  it('starts afresh from a broken state file', () => {
    const cache = dir();
    claimRateSlot(cache, 'phone', limit, 1);
    writeFileSync(join(cache, RATE_FILE), '{broken');
    expect(claimRateSlot(cache, 'phone', limit, 2)).toEqual({ allowed: true });
    expect(JSON.parse(readFileSync(join(cache, RATE_FILE), 'utf8'))).toEqual({ phone: { sent: [2] } });
  });
});

describe('rate limit at delivery', () => {
  it('sends max messages, drops the rest, and logs the drop once', async () => {
    const receiver = await startReceiver();
    try {
      const { config } = validateConfig({
        channels: { phone: { type: 'webhook', url: receiver.url, rateLimit: { max: 2, perSeconds: 60 } } },
      });
      const logPath = join(root, 'rate.log');
      const message: ChannelMessage = {
        fields: {
          event: 'stop',
          instance: 'i',
          project: 'p',
          branch: '',
          session: '',
          tool: '',
          command: '',
          message: '',
          host: '',
        },
        title: 't',
        body: 'b',
      };
      const options = { config, cacheDir: dir(), logger: openLogger(logPath, false), env: {} };
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [report] = await deliverToChannels({ message, channels: ['phone'] }, options);
        outcomes.push(report!.outcome);
      }
      expect(outcomes).toEqual(['delivered', 'delivered', 'rate-limited', 'rate-limited', 'rate-limited']);
      expect(receiver.requests).toHaveLength(2);
      const lines = readFileSync(logPath, 'utf8')
        .split('\n')
        .filter((line) => line.includes('dropping'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('channel phone (webhook): more than 2 messages in 60 s; dropping');
    } finally {
      await receiver.close();
    }
  });
});
