// The bus between processes: observers in child processes (the bus bundled once by esbuild, as
// Node 20 cannot import TypeScript), killed, exiting, and found stale.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Observer, ObserverGoneError, observe, post, request } from '../../src/bus/index.js';
import { bundleForChildren, type TestBundle } from '../support/bundle.js';

const fixture = fileURLToPath(new URL('./fixtures/observer.mjs', import.meta.url));
let built: TestBundle;
let bundle: string;
let dir: string;
let children: ChildProcess[];
let observers: Observer[];

beforeAll(async () => {
  built = await bundleForChildren(fileURLToPath(new URL('../../src/bus/index.ts', import.meta.url)), 'bus');
  bundle = built.path;
});
afterAll(() => built.remove());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-'));
  children = [];
  observers = [];
});
afterEach(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(observers.map((observer) => observer.close()));
  rmSync(dir, { recursive: true, force: true });
});

interface Child {
  process: ChildProcess;
  path: string;
  /** Resolves with the next stdout line (parsed) matching `test`. */
  next(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function spawnObserver(name: string, frameTimeoutMs?: number): Promise<Child> {
  const { NODE_EXTRA_CA_CERTS: _slow, ...env } = process.env;
  const args = [fixture, bundle, dir, name, ...(frameTimeoutMs ? [String(frameTimeoutMs)] : [])];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const seen: Record<string, unknown>[] = [];
  const waiting: {
    test: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // A child killed at clean-up while writing a long line leaves half of it: not a report.
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
      void exited.then(({ code, signal }) => reject(new Error(`observer child exited (${code ?? signal})`)));
    });
  };
  const ready = await next((line) => 'ready' in line);
  return { process: child, path: ready.ready as string, next, exited };
}

describe('observers in other processes', () => {
  it('serves observers in this and two other processes, and stops serving one that closed', async () => {
    const [one, two] = await Promise.all([spawnObserver('shared'), spawnObserver('shared')]);
    const here: unknown[] = [];
    observers.push(await observe('shared', (payload) => here.push(payload), { dir }));

    const got = Promise.all([one.next((l) => l.got === 'hello'), two.next((l) => l.got === 'hello')]);
    expect((await post('shared', 'hello', { dir })).delivered).toBe(3);
    await got;
    await expect.poll(() => here).toEqual(['hello']);

    one.process.stdin!.write('close\n');
    await one.next((l) => l.closed === true);
    expect(existsSync(one.path)).toBe(false);
    expect((await post('shared', 'again', { dir })).delivered).toBe(2);
    await two.next((l) => l.got === 'again');
  });

  it('answers a request from the other process', async () => {
    const child = await spawnObserver('ask');
    await expect(request('ask', { n: 1 }, { dir, timeoutMs: 5000 })).resolves.toEqual({
      pid: child.process.pid,
      echo: { n: 1 },
    });
  });

  it('sweeps the socket of a SIGKILLed observer: post delivers 0 and the file is gone', async () => {
    const child = await spawnObserver('killed');
    expect(existsSync(child.path)).toBe(true);
    child.process.kill('SIGKILL');
    await child.exited;
    expect(existsSync(child.path)).toBe(true); // SIGKILL leaves it behind
    expect((await post('killed', 1, { dir })).delivered).toBe(0);
    expect(existsSync(child.path)).toBe(false);
  });

  it('rejects a pending request with ObserverGoneError when the observer process dies', async () => {
    const child = await spawnObserver('dies');
    const pending = request('dies', 'hang', { dir, timeoutMs: 10_000 });
    await child.next((l) => l.got === 'hang');
    const started = Date.now();
    child.process.kill('SIGKILL');
    await expect(pending).rejects.toThrow(ObserverGoneError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('resolves a held-open delivery’s `closed` when the observer process is killed', async () => {
    const child = await spawnObserver('held');
    const delivery = await post('held', 'watch', { dir, holdOpen: true });
    expect(delivery.delivered).toBe(1);
    await child.next((l) => l.got === 'watch');
    let closed = false;
    void delivery.closed.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    child.process.kill('SIGKILL');
    await delivery.closed;
  });

  it('unlinks the socket when the observer process exits', async () => {
    const child = await spawnObserver('exits');
    child.process.stdin!.write('exit\n');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(child.path)).toBe(false);
  });

  it('unlinks the socket on SIGTERM, and the process still dies of it', async () => {
    const child = await spawnObserver('terminated');
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(child.path)).toBe(false);
  });

  it('does not count a stop (SIGSTOP…SIGCONT) against a frame on its way', async () => {
    const child = await spawnObserver('stopped', 300);
    const raw = createConnection({ path: child.path });
    raw.on('error', () => undefined);
    let text = '';
    raw.on('data', (data) => {
      text += data;
    });
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write('{"t":"req","id":1,');
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.process.kill('SIGSTOP');
    // More than the socket buffer holds: the observer wakes to part of it, the rest follows.
    const payload = 'x'.repeat(900 * 1024);
    raw.write(`"p":"${payload}"}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.process.kill('SIGCONT');
    // The frame was on its way when the observer woke: it is served, not timed out.
    await expect.poll(() => text.endsWith('\n'), { timeout: 3_000 }).toBe(true);
    expect(JSON.parse(text)).toEqual({ t: 'rep', id: 1, p: { pid: child.process.pid, echo: payload } });
    raw.destroy();
  });

  it('tells the handler when a requester process is killed while it waits', async () => {
    const child = await spawnObserver('abandoned');
    const requester = spawn(
      process.execPath,
      [
        '-e',
        `require('node:net').createConnection(${JSON.stringify(child.path)}).write('{"t":"req","id":1,"p":"hang"}\\n')`,
      ],
      { stdio: 'ignore' },
    );
    children.push(requester);
    await child.next((l) => l.got === 'hang');
    child.process.kill('SIGSTOP');
    requester.kill('SIGKILL');
    await new Promise((resolve) => requester.once('exit', resolve));
    child.process.kill('SIGCONT');
    await child.next((l) => l.left === 'hang');
  });
});
