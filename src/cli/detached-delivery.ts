// What the PermissionRequest hook hands handleEvent as `deliver`: webhook channels go out from a
// detached `ccbell deliver`, started at once (the hook waits for an answer, and a phone's
// Allow/Deny push must go out meanwhile). The event hook gathers its starts instead
// (hook-starts.ts).
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
): (request: DeliveryRequest | InputDelivery) => void {
  return (request) =>
    startDetachedDelivery({
      cliPath: context.cliPath,
      instance,
      configPath,
      request,
      env,
      onError: (error) => logger.warn(`could not start channel delivery: ${error.message}`),
    });
}
