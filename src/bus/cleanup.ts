// Internal: unlinks the socket files of this process's live observers when the process exits,
// normally or by SIGINT/SIGTERM/SIGHUP. Files left by SIGKILL are swept by posters instead.
import { unlinkSync } from 'node:fs';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// Marks our signal listeners, so copies of this module (two bundles in one process) know each other.
const MARK = Symbol.for('ccbell.bus.signalListener');

type Listener = ((signal: NodeJS.Signals) => void) & { [MARK]?: true };

function unlinkAll(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

const onSignal: Listener = (signal) => {
  // Someone else handles this signal: they decide whether the process ends (then 'exit' cleans up).
  const others = process.listeners(signal).filter((listener) => !(listener as Listener)[MARK]);
  if (others.length > 0) return;
  unlinkAll();
  uninstall();
  // With our listener gone, the signal's default action ends the process as it would have.
  process.kill(process.pid, signal);
};
onSignal[MARK] = true;

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', unlinkAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('exit', unlinkAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** Remembers a socket file to unlink at exit. */
export function trackSocket(path: string): void {
  live.add(path);
  install();
}

/** Forgets a socket file its observer closed; with none left, the process's signals are untouched again. */
export function untrackSocket(path: string): void {
  live.delete(path);
  if (live.size === 0) uninstall();
}
