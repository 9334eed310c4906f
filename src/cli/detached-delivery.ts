// What the command hooks (the event hook and the PermissionRequest hook) hand handleEvent as
// `deliver`: webhook channels go out from a detached `ccbell deliver`, so the hook returns at once.
import { startDetachedDelivery } from '../channels/detached.js';
import type { DeliveryRequest, InputDelivery } from '../channels/types.js';
import type { Logger } from '../log/index.js';
import type { CliContext } from './context.js';

export function detachedDelivery(
  context: CliContext,
  instance: string,
  configPath: string,
  logger: Logger,
  env: NodeJS.ProcessEnv = context.env,
  afterExitOf?: number,
): (request: DeliveryRequest | InputDelivery) => void {
  return (request) =>
    startDetachedDelivery({
      cliPath: context.cliPath,
      instance,
      configPath,
      request,
      env,
      ...(afterExitOf === undefined ? {} : { afterExitOf }),
      onError: (error) => logger.warn(`could not start channel delivery: ${error.message}`),
    });
}
