// Starts `ccbell deliver` detached and returns at once: the hook never waits for a webhook. Like
// the sound player, the child outlives the hook and a failure to start it is reported, not thrown.
//
// The message rides in the child's environment (CCBELL_DELIVERY), not its argv (ps shows argv to
// every user; /proc/PID/environ only to its owner) and not a stdin pipe (a pipe keeps the hook
// tied to the child until the write is flushed and closed). The child is started at a lower
// priority: its Node start-up should not take a CPU from the hook, or from Claude Code, on a
// busy machine.
import { setPriority } from 'node:os';
import { spawn } from '../notify/spawn.js';
import type { DeliveryRequest, InputDelivery } from './types.js';

/** The environment variable `ccbell deliver` reads its request from. */
export const DELIVERY_ENV = 'CCBELL_DELIVERY';

/** How much lower the helper runs (nice value added). */
const HELPER_NICENESS = 10;

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
}

export function startDetachedDelivery(options: DetachedDelivery): void {
  try {
    const child = spawn(
      options.execPath ?? process.execPath,
      [options.cliPath, 'deliver', '--instance', options.instance, '--config', options.configPath],
      {
        detached: true,
        // An InputDelivery's helper reads the hook's input from the stdin it inherits.
        stdio: 'inputOnStdin' in options.request ? ['inherit', 'ignore', 'ignore'] : 'ignore',
        env: { ...options.env, [DELIVERY_ENV]: JSON.stringify(options.request) },
        windowsHide: true,
      },
    );
    child.on('error', options.onError);
    if (child.pid !== undefined) {
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
