// Starts `ccbell deliver` detached and returns at once: the hook never waits for a webhook. Like
// the sound player, the child outlives the hook and a failure to start it is reported, not thrown.
//
// The message rides in the child's environment (CCBELL_DELIVERY), not its argv (ps shows argv to
// every user; /proc/PID/environ only to its owner) and not a stdin pipe (a pipe keeps the hook
// tied to the child until the write is flushed and closed). The child is started at a lower
// priority: its Node start-up should not take a CPU from the hook, or from Claude Code, on a
// busy machine.
//
// From an event hook, the helper also waits for the hook to exit before Node starts: a Node start
// is some 40 ms of CPU, and run beside the hook's last milliseconds on a small machine it made the
// hook itself 6 to 10 ms slower (docs/benchmarks.md). A shell waits, polling the hook's pid, and
// then execs Node. Polling rather than a pipe whose end closes with the hook: a pipe costs the
// hook a socket and a stream, 3 ms, which is what this saves.
import { setPriority } from 'node:os';
import { launchLine } from '../notify/launcher.js';
import { spawn } from '../notify/spawn.js';
import type { DeliveryRequest, InputDelivery } from './types.js';

/** The environment variable `ccbell deliver` reads its request from. */
export const DELIVERY_ENV = 'CCBELL_DELIVERY';

/** How much lower the helper runs (nice value added). */
const HELPER_NICENESS = 10;

/**
 * `sh -c` script: while process $1 lives (at most 200 polls of 10 ms, 2 s, so a hook that hangs
 * or a pid never reaped cannot hold a message back for long), wait; then drop $1. `kill -0` and
 * `sleep 0.01` work in dash, bash and the macOS sh.
 */
const WAIT_FOR_EXIT =
  'n=0; while kill -0 "$1" 2>/dev/null && [ "$n" -lt 200 ]; do sleep 0.01; n=$((n + 1)); done; shift; ';
/**
 * Then runs "$0" "$@" at the helper's lower priority, through nice(1) where there is one: the
 * shell itself keeps the normal priority for the programs it starts first (alsoStart).
 */
const EXEC_LOWER = `if command -v nice >/dev/null 2>&1; then exec nice -n ${HELPER_NICENESS} "$0" "$@"; fi; exec "$0" "$@"`;

export interface DetachedDelivery {
  /** The built CLI entry (dist/ccbell.js). */
  cliPath: string;
  /** The instance and config the helper loads, so it reads the same channels. */
  instance: string;
  configPath: string;
  /** The message, or (InputDelivery) the event whose hook input the helper reads from fd 0. */
  request: DeliveryRequest | InputDelivery;
  env: NodeJS.ProcessEnv;
  onError: (error: Error) => void;
  /** The Node binary (tests); default this process's. */
  execPath?: string;
  /**
   * A process (the hook's own pid) to outlive before Node starts; unset, it starts at once (the
   * PermissionRequest hook waits for an answer: its push must go out while it waits).
   */
  afterExitOf?: number;
  /**
   * With afterExitOf: programs (the hook's sound player) the same shell starts first, at once and
   * at the normal priority, so that the hook forks once for both (docs/channels.md).
   */
  alsoStart?: readonly { file: string; args: readonly string[] }[];
}

export function startDetachedDelivery(options: DetachedDelivery): void {
  try {
    const node = options.execPath ?? process.execPath;
    const args = [options.cliPath, 'deliver', '--instance', options.instance, '--config', options.configPath];
    const throughShell = options.afterExitOf !== undefined;
    const script = `${(options.alsoStart ?? []).map(({ file, args }) => launchLine(file, args)).join('')}${WAIT_FOR_EXIT}${EXEC_LOWER}`;
    const [file, argv] = throughShell
      ? ['/bin/sh', ['-c', script, node, String(options.afterExitOf), ...args]]
      : [node, args];
    const child = spawn(file, argv, {
      detached: true,
      // An InputDelivery's helper reads the hook's input from the stdin it inherits.
      stdio: 'inputOnStdin' in options.request ? ['inherit', 'ignore', 'ignore'] : 'ignore',
      env: { ...options.env, [DELIVERY_ENV]: JSON.stringify(options.request) },
      windowsHide: true,
    });
    child.on('error', options.onError);
    // Through the shell, EXEC_LOWER lowers the helper alone.
    if (child.pid !== undefined && !throughShell) {
      try {
        setPriority(child.pid, HELPER_NICENESS);
      } catch {
        // Not allowed, or already gone: it runs at the normal priority.
      }
    }
    child.unref();
  } catch (error) {
    options.onError(error instanceof Error ? error : new Error(String(error)));
  }
}
