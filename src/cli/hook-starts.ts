// The event hook's process starts, gathered so that the hook forks once. Each fork of a Node
// process costs it a copy of its page tables, and a hook that played a sound and sent a webhook
// forked twice. The sound player and speech (handleEvent's `launch`) and the webhook helper
// (`deliver`) are collected while the event is handled, then started by one spawn. With a
// webhook, that spawn is the helper's shell: it starts the programs at once, then waits for
// the hook to exit before Node starts (src/channels/detached.ts). Without one, each program is
// started directly, as always.
import { startDetachedDelivery } from '../channels/detached.js';
import type { DeliveryRequest, InputDelivery } from '../channels/types.js';
import type { Logger } from '../log/index.js';
import { type Launch, launchDirectly } from '../notify/index.js';
import type { CliContext } from './context.js';

export interface HookStarts {
  /** For handleEvent: a program to start (collected). */
  launch: Launch;
  /** For handleEvent: the webhook delivery (collected). */
  deliver: (request: DeliveryRequest | InputDelivery) => void;
  /** Starts what was collected, in one spawn when there is a delivery. */
  flush(): void;
}

export function hookStarts(
  context: CliContext,
  instance: string,
  configPath: string,
  logger: Logger,
): HookStarts {
  let programs: { file: string; args: readonly string[]; onError: (error: Error) => void }[] = [];
  let delivery: DeliveryRequest | InputDelivery | undefined;
  return {
    launch: (file, args, onError) => {
      programs.push({ file, args, onError });
    },
    deliver: (request) => {
      delivery = request;
    },
    flush() {
      const started = programs;
      const request = delivery;
      programs = [];
      delivery = undefined;
      if (!request) {
        for (const { file, args, onError } of started) launchDirectly(file, args, onError);
        return;
      }
      startDetachedDelivery({
        cliPath: context.cliPath,
        instance,
        configPath,
        request,
        env: context.env,
        afterExitOf: process.pid,
        alsoStart: started.map(({ file, args }) => ({ file, args })),
        onError: (error) => logger.warn(`could not start channel delivery and sound: ${error.message}`),
      });
    },
  };
}
