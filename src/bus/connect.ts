// Internal: finds the live observers of a channel and connects to them; sweeps stale socket files.
import { readdir, unlink } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import { channelHash, parseSocketFileName } from './naming.js';

/** How long one connect may take: a wedged socket must not hang a hook. */
export const CONNECT_TIMEOUT_MS = 1000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeStale(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Socket files of `name` in `dir`, with the pid each carries; removes leftovers of dead binders. */
export async function findObservers(dir: string, name: string): Promise<{ path: string; pid: number }[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const prefix = `${channelHash(name)}.`;
  const found: { path: string; pid: number }[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const parsed = parseSocketFileName(entry);
    if (!parsed) continue;
    const path = join(dir, entry);
    if (parsed.ready) found.push({ path, pid: parsed.pid });
    else if (!pidAlive(parsed.pid)) await removeStale(path); // died between bind and listen
  }
  return found;
}

type Attempt = { socket: Socket } | { error: NodeJS.ErrnoException | 'timeout' };

function attempt(path: string, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    let done = false;
    const socket = createConnection({ path });
    const timer = setTimeout(() => {
      done = true;
      socket.destroy();
      resolve({ error: 'timeout' });
    }, timeoutMs);
    socket.once('connect', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ socket });
    });
    // Stays for the socket's life: a later error destroys it, and 'close' tells its user.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ error });
    });
  });
}

/**
 * Connects to every live observer of `name`. A file nobody listens on any more (its process was
 * killed) refuses the connection at once: it is unlinked and skipped. The pid in the file name is
 * consulted only when a connect times out, so a live observer in another pid namespace sharing the
 * directory is never removed.
 */
export async function connectObservers(
  dir: string,
  name: string,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<Socket[]> {
  const candidates = await findObservers(dir, name);
  const attempts = await Promise.all(candidates.map((candidate) => connectObserver(candidate, timeoutMs)));
  return attempts.filter((socket): socket is Socket => socket !== undefined);
}

/** Connects to one observer found by findObservers; undefined (its file swept if stale) when it cannot be reached. */
export async function connectObserver(
  { path, pid }: { path: string; pid: number },
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<Socket | undefined> {
  const result = await attempt(path, timeoutMs);
  if ('socket' in result) return result.socket;
  const code = result.error === 'timeout' ? 'timeout' : result.error.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTSOCK' || (code === 'timeout' && !pidAlive(pid))) {
    await removeStale(path);
  }
  return undefined;
}
