// Starts `ccbell deliver` detached, the message on its stdin (argv is visible in ps; a message
// holds commands and paths), and returns at once: the hook never waits for a webhook. Like the
// sound player, the child outlives the hook and a failure to start it is reported, not thrown.
import { spawn } from '../notify/spawn.js';
import type { DeliveryRequest } from './types.js';

export interface DetachedDelivery {
  /** The built CLI entry (dist/ccbell.js). */
  cliPath: string;
  /** The instance and config the helper loads, so it reads the same channels. */
  instance: string;
  configPath: string;
  request: DeliveryRequest;
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
      { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env: options.env, windowsHide: true },
    );
    child.on('error', options.onError);
    // A helper that died before reading makes the write fail with EPIPE: reported, not thrown.
    child.stdin?.on('error', options.onError);
    child.stdin?.end(`${JSON.stringify(options.request)}\n`);
    child.unref();
  } catch (error) {
    options.onError(error instanceof Error ? error : new Error(String(error)));
  }
}
