import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BusPayloadError,
  BusReplyError,
  BusTimeoutError,
  NoListenerError,
  type Observer,
  ObserverGoneError,
  observe,
  post,
  request,
} from '../../src/bus/index.js';
import { EnvironmentError } from '../../src/errors.js';

let dir: string;
let observers: Observer[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-'));
  observers = [];
});
afterEach(async () => {
  await Promise.all(observers.map((observer) => observer.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** An observer that records what it gets; `next()` waits for the next post. */
async function recorder(name: string, options: Parameters<typeof observe>[2] = {}) {
  const got: unknown[] = [];
  const waiters: (() => void)[] = [];
  const observer = await observe(
    name,
    (payload, info) => {
      got.push(payload);
      waiters.shift()?.();
      return info.kind === 'request' ? { echo: payload } : undefined;
    },
    { dir, ...options },
  );
  observers.push(observer);
  const next = () => new Promise<void>((resolve) => waiters.push(resolve));
  return { observer, got, next };
}

function connectRaw(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The error a promise rejects with; the test fails if it resolves instead. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('post and observe', () => {
  it('delivers a payload and counts the observer; 0 when nobody listens', async () => {
    expect((await post('nobody', 1, { dir })).delivered).toBe(0);
    const { got, next } = await recorder('chan');
    const arrived = next();
    const delivery = await post('chan', { hello: 'world', n: [1, 2] }, { dir });
    expect(delivery.delivered).toBe(1);
    await arrived;
    expect(got).toEqual([{ hello: 'world', n: [1, 2] }]);
    await delivery.closed; // without holdOpen the connection is already ended
  });

  it('keeps the legacy name and suffixed or prefix-like names isolated', async () => {
    const names = [
      'ClaudeCodeUIApprovalRequest',
      'ClaudeCodeUIApprovalRequest_12345_1763770000123',
      'ClaudeCodeUIApprovalRequest_12345_176377000012',
      'ClaudeCodeUIApprovalRequest_1',
      'ClaudeCodeUIApprovalResponse_12345_1763770000123',
    ];
    const recorders = await Promise.all(names.map((name) => recorder(name)));
    for (const [index, name] of names.entries()) {
      const arrived = recorders[index]!.next();
      expect((await post(name, name, { dir })).delivered).toBe(1);
      await arrived;
    }
    await sleep(50); // give any misrouted post time to arrive
    for (const [index, name] of names.entries()) expect(recorders[index]!.got).toEqual([name]);
    expect((await post('ClaudeCodeUIApprovalRequest_', 'x', { dir })).delivered).toBe(0);
  });

  it('serves every observer of one name in the process', async () => {
    const a = await recorder('many');
    const b = await recorder('many');
    const c = await recorder('many');
    expect(new Set([a.observer.path, b.observer.path, c.observer.path]).size).toBe(3);
    const arrived = Promise.all([a.next(), b.next(), c.next()]);
    expect((await post('many', 'all', { dir })).delivered).toBe(3);
    await arrived;
    expect([a.got, b.got, c.got]).toEqual([['all'], ['all'], ['all']]);
  });

  it('handles a 500-char channel name with slashes and unicode', async () => {
    const name = `ClaudeCode/../ü/🔔/${'x'.repeat(600)}`.slice(0, 500);
    const { observer, got, next } = await recorder(name);
    expect(observer.path.startsWith(`${dir}/`)).toBe(true);
    expect(Buffer.byteLength(observer.path)).toBeLessThan(100 + dir.length);
    const arrived = next();
    expect((await post(name, 'long', { dir })).delivered).toBe(1);
    await arrived;
    expect(got).toEqual(['long']);
    await expect(request(name, 'q', { dir, timeoutMs: 2000 })).resolves.toEqual({ echo: 'q' });
    expect((await post(name.slice(0, 499), 'short', { dir })).delivered).toBe(0);
  });

  it('unlinks the socket on close, after which posts reach nobody', async () => {
    const { observer } = await recorder('closing');
    expect(existsSync(observer.path)).toBe(true);
    await observer.close();
    await observer.close(); // idempotent
    expect(existsSync(observer.path)).toBe(false);
    expect((await post('closing', 1, { dir })).delivered).toBe(0);
  });

  it('refuses a payload over the cap or not serialisable before sending', async () => {
    await recorder('capped');
    await expect(post('capped', 'x'.repeat(200), { dir, maxFrameBytes: 100 })).rejects.toThrow(
      BusPayloadError,
    );
    await expect(post('capped', 10n, { dir })).rejects.toThrow(/cannot send on channel "capped"/);
  });

  it('throws a clear error when the directory makes the socket path too long', async () => {
    const deep = join(dir, 'd'.repeat(100));
    mkdirSync(deep, { mode: 0o700 });
    await expect(observe('x', () => undefined, { dir: deep })).rejects.toThrow(EnvironmentError);
    await expect(observe('x', () => undefined, { dir: deep })).rejects.toThrow(
      `bus directory ${deep} is too long`,
    );
    expect(readdirSync(deep)).toEqual([]);
  });

  it('refuses a bus directory open to others', async () => {
    const open = join(dir, 'open');
    mkdirSync(open, { mode: 0o755 });
    await expect(post('x', 1, { dir: open })).rejects.toThrow(/mode 0755/);
    await expect(observe('x', () => undefined, { dir: open })).rejects.toThrow(/mode 0755/);
  });
});

describe('broken input', () => {
  it('closes a connection sending a frame over the cap and keeps serving others', async () => {
    const errors: unknown[] = [];
    const { observer, got, next } = await recorder('cap', {
      maxFrameBytes: 1024,
      onError: (e) => errors.push(e),
    });
    const raw = await connectRaw(observer.path);
    raw.on('error', () => undefined);
    raw.write('x'.repeat(2000)); // no newline: refused as soon as the cap is crossed
    expect(await closedWithin(raw, 2000)).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ reason: 'too-large' })]);
    const arrived = next();
    expect((await post('cap', 'after', { dir })).delivered).toBe(1);
    await arrived;
    expect(got).toEqual(['after']);
  });

  it.each([
    ['not JSON', 'hello there\n'],
    ['wrong shape', '{"t":"nope","p":1}\n'],
    ['a reply sent to an observer', '{"t":"rep","id":1,"p":1}\n'],
  ])('closes a connection sending %s and keeps serving others', async (_, line) => {
    const errors: unknown[] = [];
    const { observer, got, next } = await recorder('broken', { onError: (e) => errors.push(e) });
    const raw = await connectRaw(observer.path);
    raw.on('error', () => undefined);
    raw.write(`{"t":"post","p":"before"}\n${line}{"t":"post","p":"never"}\n`);
    expect(await closedWithin(raw, 2000)).toBe(true);
    expect(errors).toHaveLength(1);
    const arrived = next();
    expect((await post('broken', 'after', { dir })).delivered).toBe(1);
    await arrived;
    expect(got).toEqual(['before', 'after']);
  });

  it('keeps a connection open while the peer does, and serves several frames on it', async () => {
    const { observer, got } = await recorder('open');
    const raw = await connectRaw(observer.path);
    raw.write('{"t":"post","p":1}\n');
    raw.write('{"t":"req","id":"a","p":2}\n');
    const reply = await new Promise<string>((resolve) => raw.once('data', (data) => resolve(String(data))));
    expect(JSON.parse(reply)).toEqual({ t: 'rep', id: 'a', p: { echo: 2 } });
    expect(await closedWithin(raw, 200)).toBe(false);
    expect(got).toEqual([1, 2]);
    raw.end();
    expect(await closedWithin(raw, 2000)).toBe(true);
  });

  it('still replies to a request whose sender half-closed the connection', async () => {
    const observer = await observe('half', (payload) => sleep(50).then(() => ({ echo: payload })), { dir });
    observers.push(observer);
    const raw = createConnection({ path: observer.path, allowHalfOpen: true });
    let text = '';
    raw.on('data', (data) => {
      text += data;
    });
    raw.end('{"t":"req","id":9,"p":"x"}\n');
    expect(await closedWithin(raw, 2000)).toBe(true);
    expect(JSON.parse(text)).toEqual({ t: 'rep', id: 9, p: { echo: 'x' } });
  });

  it('reports a handler that throws on a post, and goes on serving', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    observers.push(
      await observe(
        'throws',
        () => {
          calls++;
          throw new Error('handler broke');
        },
        { dir, onError: (e) => errors.push(e) },
      ),
    );
    expect((await post('throws', 1, { dir })).delivered).toBe(1);
    expect((await post('throws', 2, { dir })).delivered).toBe(1);
    await expect.poll(() => calls).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ message: 'handler broke' }), expect.anything()]);
  });
});

describe('slow connections', () => {
  it('closes a connection that sends nothing, or drips a frame, within the frame timeout', async () => {
    const errors: unknown[] = [];
    const { observer, got, next } = await recorder('slow', {
      frameTimeoutMs: 300,
      onError: (e) => errors.push(e),
    });
    const silent = await connectRaw(observer.path);
    const dripping = await connectRaw(observer.path);
    for (const raw of [silent, dripping]) raw.on('error', () => undefined);
    dripping.write('{"t":"post","p":"');
    // Bytes keep coming, but the frame never ends: arriving is not enough, it must be whole.
    const drip = setInterval(() => dripping.writable && dripping.write('x'), 50);
    const started = Date.now();
    const [silentClosed, drippingClosed] = await Promise.all([
      closedWithin(silent, 2_000),
      closedWithin(dripping, 2_000),
    ]);
    clearInterval(drip);
    expect(silentClosed).toBe(true);
    expect(drippingClosed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(errors).toEqual([
      expect.objectContaining({ reason: 'too-slow' }),
      expect.objectContaining({ reason: 'too-slow' }),
    ]);
    // The observer serves on.
    const arrived = next();
    expect((await post('slow', 'after', { dir })).delivered).toBe(1);
    await arrived;
    expect(got).toEqual(['after']);
  });

  it('lets a connection idle between whole frames', async () => {
    const { observer } = await recorder('idle', { frameTimeoutMs: 300 });
    const raw = await connectRaw(observer.path);
    const replies: string[] = [];
    raw.on('data', (data) => replies.push(String(data)));
    raw.write('{"t":"req","id":1,"p":"first"}\n');
    expect(await closedWithin(raw, 1_000)).toBe(false);
    raw.write('{"t":"req","id":2,"p":"second"}\n');
    await expect.poll(() => replies.join('')).toContain('"id":2');
    raw.destroy();
  });
});

describe('a requester that leaves', () => {
  it('is told to the handler through the request signal, when the connection closes or ends', async () => {
    const signals: AbortSignal[] = [];
    const observer = await observe(
      'leaving',
      (_payload, info) => {
        signals.push(info.signal!);
        return new Promise(() => undefined);
      },
      { dir },
    );
    observers.push(observer);
    for (const leave of ['destroy', 'end'] as const) {
      const raw = await connectRaw(observer.path);
      raw.write(`{"t":"req","id":"${leave}","p":1}\n`);
      await expect.poll(() => signals.length).toBe(leave === 'destroy' ? 1 : 2);
      const signal = signals.at(-1)!;
      await sleep(100);
      expect(signal.aborted).toBe(false);
      raw[leave]();
      await expect.poll(() => signal.aborted).toBe(true);
    }
  });
});

describe('request', () => {
  it('resolves with the observer reply, async handlers included', async () => {
    observers.push(
      await observe(
        'ask',
        async (payload, info) => {
          await sleep(10);
          return { kind: info.kind, doubled: (payload as number) * 2 };
        },
        { dir },
      ),
    );
    await expect(request('ask', 21, { dir, timeoutMs: 2000 })).resolves.toEqual({
      kind: 'request',
      doubled: 42,
    });
  });

  it('rejects with NoListenerError naming the channel when nobody listens', async () => {
    const started = Date.now();
    const error = await rejectionOf(request('ClaudeCodeUIApprovalRequest_1_2', 1, { dir, timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(NoListenerError);
    expect(error.message).toContain('"ClaudeCodeUIApprovalRequest_1_2"');
    expect(error.channel).toBe('ClaudeCodeUIApprovalRequest_1_2');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects with BusTimeoutError at the deadline when the handler never answers', async () => {
    let reached = false;
    observers.push(
      await observe(
        'slow',
        () => {
          reached = true;
          return new Promise(() => undefined);
        },
        { dir },
      ),
    );
    const started = Date.now();
    const error = await rejectionOf(request('slow', 1, { dir, timeoutMs: 150 }));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(BusTimeoutError);
    expect(error.message).toContain('"slow"');
    expect(error.message).toContain('150 ms');
    expect(reached).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('rejects with BusReplyError carrying the handler error', async () => {
    observers.push(
      await observe(
        'fails',
        () => {
          throw new Error('nope, not today');
        },
        { dir },
      ),
    );
    const error = await rejectionOf(request('fails', 1, { dir, timeoutMs: 2000 }));
    expect(error).toBeInstanceOf(BusReplyError);
    expect(error.remoteMessage).toBe('nope, not today');
    expect(error.message).toContain('"fails"');
  });

  it('prefers an answer from one observer over an error from another', async () => {
    observers.push(await observe('mixed', () => Promise.reject(new Error('busy')), { dir }));
    observers.push(await observe('mixed', () => sleep(50).then(() => 'answer'), { dir }));
    await expect(request('mixed', 1, { dir, timeoutMs: 2000 })).resolves.toBe('answer');
  });

  it('rejects with ObserverGoneError when the observer closes without replying', async () => {
    let observer: Observer | undefined;
    observer = await observe(
      'vanishes',
      () => {
        void observer?.close();
        return new Promise(() => undefined);
      },
      { dir },
    );
    observers.push(observer);
    const started = Date.now();
    const error = await rejectionOf(request('vanishes', 1, { dir, timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(ObserverGoneError);
    expect(error.message).toContain('"vanishes"');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('sends a reply that cannot be serialised back as an error', async () => {
    observers.push(await observe('bigint', () => 1n, { dir }));
    await expect(request('bigint', 1, { dir, timeoutMs: 2000 })).rejects.toThrow(/reply could not be sent/);
  });

  it('takes a deadline too long for setTimeout without timing out at once', async () => {
    observers.push(await observe('patient', () => sleep(30).then(() => 'late'), { dir }));
    await expect(request('patient', 1, { dir, timeoutMs: Number.POSITIVE_INFINITY })).resolves.toBe('late');
    await expect(request('patient', 1, { dir, timeoutMs: 2 ** 40 })).resolves.toBe('late');
  });

  it('needs a timeout', async () => {
    // @ts-expect-error: the deadline is required
    await expect(request('x', 1, { dir })).rejects.toThrow(TypeError);
  });
});

describe('holdOpen', () => {
  it('keeps connections until end(), and `closed` resolves when the observer closes', async () => {
    const a = await recorder('held');
    const b = await recorder('held');
    const delivery = await post('held', 'x', { dir, holdOpen: true });
    expect(delivery.delivered).toBe(2);
    let closed = false;
    void delivery.closed.then(() => {
      closed = true;
    });
    await sleep(100);
    expect(closed).toBe(false);
    await a.observer.close();
    await sleep(50);
    expect(closed).toBe(false); // b still holds its connection
    await b.observer.close();
    await delivery.closed;
  });

  it('resolves `closed` after end()', async () => {
    await recorder('ended');
    const delivery = await post('ended', 'x', { dir, holdOpen: true });
    expect(delivery.delivered).toBe(1);
    delivery.end();
    await delivery.closed;
  });
});
