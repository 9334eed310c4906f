// What the command hooks (the event hook and the PermissionRequest hook) hand handleEvent as
// `deliver`: webhook channels go out from a detached `ccbell deliver`, so the hook returns at once.
import { startDetachedDelivery } from '../channels/detached.js';
import type { DeliveryRequest, InputDelivery } from '../channels/types.js';
import type { Logger } from '../log/index.js';
import type { CliContext } from './context.js';

/**
 * `afterThisProcess`: the event hook's way. The helper is started as this process exits (its
 * 'exit' event), and its Node waits until the process is gone (src/channels/detached.ts): the
 * helper's start-up then never runs beside the hook's own work. The PermissionRequest hook waits
 * for an answer, so its helper (a phone's Allow/Deny push) starts at once.
 */
export function detachedDelivery(
  context: CliContext,
  instance: string,
  configPath: string,
  logger: Logger,
  env: NodeJS.ProcessEnv = context.env,
  afterThisProcess = false,
): (request: DeliveryRequest | InputDelivery) => void {
  return (request) => {
    const start = () =>
      startDetachedDelivery({
        cliPath: context.cliPath,
        instance,
        configPath,
        request,
        env,
        ...(afterThisProcess ? { afterExitOf: process.pid } : {}),
        onError: (error) => logger.warn(`could not start channel delivery: ${error.message}`),
      });
    if (afterThisProcess) process.once('exit', start);
    else start();
  };
}
