// Internal to the tests: a private tmux server (its own socket in a temp dir) with one window of
// two panes, A and B, and a client that can be attached to it, as a person's terminal is. The
// client is a second private tmux server whose pane runs `tmux attach`: a real client on a pty.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TmuxWorld {
  socket: string;
  paneA: string;
  paneB: string;
  /** Runs tmux against the private server; resolves with its trimmed stdout. */
  tmux(...args: string[]): Promise<string>;
  /** Attaches a client to the window's session; resolves once tmux counts it. */
  attach(): Promise<void>;
  /** Detaches it; resolves once tmux no longer counts it. */
  detach(): Promise<void>;
  close(): Promise<void>;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Starts the server: session "w", pane A active, pane B beside it; no client attached yet. */
export async function startTmuxWorld(): Promise<TmuxWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'ccbell-tmux-'));
  const socket = join(dir, 'inner.sock');
  const outer = join(dir, 'outer.sock');
  const env = { PATH: process.env.PATH, HOME: dir, TERM: 'xterm-256color' };
  const tmux = async (...args: string[]) =>
    (await run('tmux', ['-S', socket, ...args], { env, timeout: 5000 })).stdout.trim();
  const outerTmux = (...args: string[]) => run('tmux', ['-S', outer, ...args], { env, timeout: 5000 });
  await tmux('-f', '/dev/null', 'new-session', '-d', '-x', '80', '-y', '24', '-s', 'w');
  const paneA = await tmux('display', '-p', '-t', 'w', '#{pane_id}');
  const paneB = await tmux('split-window', '-d', '-P', '-F', '#{pane_id}', '-t', 'w');
  const attached = async () => Number(await tmux('display', '-p', '-t', 'w', '#{session_attached}'));
  return {
    socket,
    paneA,
    paneB,
    tmux,
    async attach() {
      await outerTmux(
        '-f',
        '/dev/null',
        'new-session',
        '-d',
        '-x',
        '100',
        '-y',
        '30',
        `tmux -S '${socket}' attach -t w`,
      );
      await until('the client attaches', async () => (await attached()) > 0);
    },
    async detach() {
      await outerTmux('kill-server').catch(() => undefined);
      await until('the client detaches', async () => (await attached()) === 0);
    },
    async close() {
      await outerTmux('kill-server').catch(() => undefined);
      await tmux('kill-server').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
