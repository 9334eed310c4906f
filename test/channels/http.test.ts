// Retries: 429 and 5xx retried with backoff, Retry-After honoured (seconds or a date), at most
// three retries and the time bound, other 4xx never retried, a slow answer cut by the timeout.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryAfterMs, sendWithRetries } from '../../src/channels/http.js';
import { type Receiver, startReceiver } from './receiver.js';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

const post = () => ({ url: `${receiver.url}/x`, method: 'POST' as const, headers: {}, body: '{}' });
const fast = { backoffMs: 10 };

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-15T12:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 15 Jan 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Thu, 15 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('sendWithRetries', () => {
  it('retries a 429 after the Retry-After seconds, then succeeds', async () => {
    receiver.script({ status: 429, headers: { 'retry-after': '1' } });
    const result = await sendWithRetries(post(), fast);
    expect(result).toEqual({ ok: true, status: 200, attempts: 2 });
    const [first, second] = receiver.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    receiver.script({ status: 503, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } });
    const result = await sendWithRetries(post(), fast);
    expect(result.ok).toBe(true);
    const [first, second] = receiver.requests;
    // A date has whole seconds: between one and two seconds later.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('stops after three retries of a 5xx', async () => {
    receiver.script(...Array.from({ length: 10 }, () => ({ status: 500 })));
    const result = await sendWithRetries(post(), fast);
    expect(result).toMatchObject({
      ok: false,
      status: 500,
      attempts: 4,
      reason: 'HTTP 500 after 4 attempts',
    });
    expect(receiver.requests).toHaveLength(4);
  });

  it('does not wait past the time bound for a Retry-After', async () => {
    receiver.script({ status: 429, headers: { 'retry-after': '60' } });
    const started = Date.now();
    const result = await sendWithRetries(post(), { ...fast, budgetMs: 5000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok: false, status: 429, attempts: 1 });
    expect(result.reason).toMatch(/would pass the 5 s bound/);
  });

  it('never retries another 4xx', async () => {
    receiver.script({ status: 404 }, { status: 200 });
    expect(await sendWithRetries(post(), fast)).toEqual({
      ok: false,
      status: 404,
      attempts: 1,
      reason: 'HTTP 404',
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it('cuts a slow answer at the timeout and retries it', async () => {
    receiver.script({ status: 200, delayMs: 2000 });
    const started = Date.now();
    const result = await sendWithRetries(post(), { ...fast, timeoutMs: 300 });
    expect(result).toEqual({ ok: true, status: 200, attempts: 2 });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('does not follow a redirect (it would carry the body elsewhere)', async () => {
    receiver.script({ status: 307, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    expect(await sendWithRetries(post(), fast)).toMatchObject({ ok: false, status: 307, attempts: 1 });
  });
});
