// channelClient: one kept-open connection per channel, requests multiplexed by id; observers in
// this process, raw socket servers (to count connections), and observers in child processes
// (the bus bundled once by esbuild, as Node 20 cannot import TypeScript) that get killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../src/bus/frame.js';
import {
  BusAbortedError,
  BusPayloadError,
  BusReplyError,
  BusTimeoutError,
  type ChannelClient,
  channelClient,
  NoListenerError,
  type Observer,
  ObserverGoneError,
  observe,
} from '../../src/bus/index.js';
import { socketFileName } from '../../src/bus/naming.js';
import { bundleForChildren, type TestBundle } from '../support/bundle.js';

const fixture = fileURLToPath(new URL('./fixtures/observer.mjs', import.meta.url));
let built: TestBundle;
let bundle: string;
let dir: string;
let children: ChildProcess[];
let observers: Observer[];
let clients: ChannelClient[];
let servers: Server[];

beforeAll(async () => {
  built = await bundleForChildren(fileURLToPath(new URL('../../src/bus/index.ts', import.meta.url)), 'bus');
  bundle = built.path;
});
afterAll(() => built.remove());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-'));
  children = [];
  observers = [];
  clients = [];
  servers = [];
});
afterEach(async () => {
  for (const client of clients) client.close();
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(observers.map((observer) => observer.close()));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

function client(name: string, options: { maxFrameBytes?: number } = {}): ChannelClient {
  const made = channelClient(name, { dir, ...options });
  clients.push(made);
  return made;
}

async function echo(name: string, handler?: (payload: unknown) => unknown): Promise<Observer> {
  const observer = await observe(name, handler ?? ((payload) => ({ echo: payload })), { dir });
  observers.push(observer);
  return observer;
}

/** A bare observer socket that answers every request with its payload and counts connections. */
async function rawObserver(name: string) {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    const decoder = new FrameDecoder();
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk).frames) {
        if (frame.t === 'req') socket.write(`${JSON.stringify({ t: 'rep', id: frame.id, p: frame.p })}\n`);
      }
    });
  });
  servers.push(server);
  const path = join(dir, socketFileName(name, process.pid, 2_000_000 + servers.length));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return { sockets, server };
}

interface Child {
  process: ChildProcess;
  next(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<unknown>;
}

async function spawnObserver(name: string): Promise<Child> {
  const { NODE_EXTRA_CA_CERTS: _slow, ...env } = process.env;
  const child = spawn(process.execPath, [fixture, bundle, dir, name], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const seen: Record<string, unknown>[] = [];
  const waiting: {
    test: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // A child killed at clean-up while writing leaves half a line: not a report.
      return;
    }
    const index = waiting.findIndex((w) => w.test(line));
    if (index === -1) seen.push(line);
    else waiting.splice(index, 1)[0]!.resolve(line);
  });
  const next = (test: (line: Record<string, unknown>) => boolean) => {
    const index = seen.findIndex(test);
    if (index !== -1) return Promise.resolve(seen.splice(index, 1)[0]!);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.push({ test, resolve });
      void exited.then(() => reject(new Error('observer child exited')));
    });
  };
  await next((line) => 'ready' in line);
  return { process: child, next, exited };
}

describe('channelClient', () => {
  it('reuses one connection for many requests, sequential and concurrent', async () => {
    const raw = await rawObserver('reuse');
    const ask = client('reuse');
    expect(await ask.request({ n: 1 }, { timeoutMs: 5000 })).toEqual({ n: 1 });
    expect(await ask.request({ n: 2 }, { timeoutMs: 5000 })).toEqual({ n: 2 });
    const many = await Promise.all([3, 4, 5, 6].map((n) => ask.request({ n }, { timeoutMs: 5000 })));
    expect(many).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }, { n: 6 }]);
    expect(raw.sockets).toHaveLength(1);
    ask.close();
    await expect.poll(() => raw.sockets[0]!.closed).toBe(true);
    await expect(ask.request(1, { timeoutMs: 5000 })).rejects.toBeInstanceOf(BusAbortedError);
  });

  it('matches replies by id when the observer answers out of order', async () => {
    const release: (() => void)[] = [];
    await echo('order', (payload) =>
      payload === 'slow' ? new Promise((resolve) => release.push(() => resolve('slow done'))) : payload,
    );
    const ask = client('order');
    const slow = ask.request('slow', { timeoutMs: 5000 });
    expect(await ask.request('fast', { timeoutMs: 5000 })).toBe('fast');
    await expect.poll(() => release.length).toBe(1);
    release[0]!();
    expect(await slow).toBe('slow done');
  });

  it('rejects NoListenerError while nobody observes, and finds an observer started later', async () => {
    const ask = client('later');
    await expect(ask.request(1, { timeoutMs: 5000 })).rejects.toBeInstanceOf(NoListenerError);
    await expect(ask.request(2, { timeoutMs: 5000 })).rejects.toBeInstanceOf(NoListenerError);
    await echo('later');
    expect(await ask.request(3, { timeoutMs: 5000 })).toEqual({ echo: 3 });
  });

  it('rejects ObserverGoneError when the app is killed mid-request, then reaches its restart', async () => {
    const first = await spawnObserver('killed');
    const ask = client('killed');
    expect(await ask.request('hi', { timeoutMs: 5000 })).toEqual({ pid: first.process.pid, echo: 'hi' });
    const hanging = ask.request('hang', { timeoutMs: 10_000 });
    await first.next((line) => line.got === 'hang');
    first.process.kill('SIGKILL');
    await expect(hanging).rejects.toBeInstanceOf(ObserverGoneError);
    await first.exited;
    // The killed app's socket file is left behind: the next request sweeps it.
    await expect(ask.request('nobody', { timeoutMs: 5000 })).rejects.toBeInstanceOf(NoListenerError);
    const second = await spawnObserver('killed');
    expect(await ask.request('again', { timeoutMs: 5000 })).toEqual({
      pid: second.process.pid,
      echo: 'again',
    });
  });

  it('reconnects when the observer closes and another takes the channel', async () => {
    const one = await echo('restart', () => 'one');
    const ask = client('restart');
    expect(await ask.request(0, { timeoutMs: 5000 })).toBe('one');
    await one.close();
    // The client learns of the close from its socket, on a later turn of the event loop (a
    // request sent before then, like request() racing a closing observer, is ObserverGoneError).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await echo('restart', () => 'two');
    expect(await ask.request(0, { timeoutMs: 5000 })).toBe('two');
  });

  it('times out one request and keeps serving the next on the same connection', async () => {
    const raw = await rawObserver('slow');
    const ask = client('slow');
    expect(await ask.request('warm', { timeoutMs: 5000 })).toBe('warm');
    // Stop answering: swallow the next frame by pausing the raw server's socket.
    raw.sockets[0]!.pause();
    const started = Date.now();
    const error = await ask.request('lost', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusTimeoutError);
    expect((error as BusTimeoutError).timeoutMs).toBe(100);
    expect(Date.now() - started).toBeLessThan(2000);
    raw.sockets[0]!.resume(); // the late reply to 'lost' arrives and is dropped
    expect(await ask.request('after', { timeoutMs: 5000 })).toBe('after');
    expect(raw.sockets).toHaveLength(1);
  });

  it('gives up on abort, before and during a request', async () => {
    await echo('abort', (payload) => (payload === 'hang' ? new Promise(() => {}) : payload));
    const ask = client('abort');
    await expect(ask.request(1, { timeoutMs: 5000, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      BusAbortedError,
    );
    const controller = new AbortController();
    const pending = ask.request('hang', { timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(BusAbortedError);
    expect(await ask.request('ok', { timeoutMs: 5000 })).toBe('ok');
  });

  it('rejects BusReplyError for an error reply and keeps the connection', async () => {
    await echo('fails', (payload) => {
      if (payload === 'bad') throw new Error('handler broke');
      return payload;
    });
    const ask = client('fails');
    const error = await ask.request('bad', { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusReplyError);
    expect((error as BusReplyError).remoteMessage).toBe('handler broke');
    expect(await ask.request('good', { timeoutMs: 5000 })).toBe('good');
  });

  it('enforces the frame cap both ways', async () => {
    await echo('cap', (payload) => (payload === 'big reply' ? 'x'.repeat(500) : payload));
    const ask = client('cap', { maxFrameBytes: 200 });
    await expect(ask.request('y'.repeat(300), { timeoutMs: 5000 })).rejects.toBeInstanceOf(BusPayloadError);
    await expect(ask.request('big reply', { timeoutMs: 5000 })).rejects.toBeInstanceOf(ObserverGoneError);
    expect(await ask.request('small', { timeoutMs: 5000 })).toBe('small');
  });

  it('with several observers, asks them the one-shot way: first successful reply wins', async () => {
    await echo('many', () => {
      throw new Error('no');
    });
    await echo('many', () => 'yes');
    const ask = client('many');
    expect(await ask.request(1, { timeoutMs: 5000 })).toBe('yes');
    expect(await ask.request(2, { timeoutMs: 5000 })).toBe('yes');
  });

  it('does not keep its process alive while idle', async () => {
    await echo('idle');
    const script = `
      const bus = await import(${JSON.stringify(`file://${bundle}`)});
      const ask = bus.channelClient('idle', { dir: ${JSON.stringify(dir)} });
      console.log(JSON.stringify(await ask.request('x', { timeoutMs: 5000 })));
    `;
    const { NODE_EXTRA_CA_CERTS: _slow, ...env } = process.env;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ echo: 'x' });
  });
});
