// Delivers one message to the named channels, in parallel: the rate limit first, then the
// channel's module. Used in process by the app, and by `ccbell deliver`, the detached helper a
// command hook starts. Never throws; logs each channel's outcome with its name, type, host and
// status code only.
import type { Config } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { HttpOptions } from './http.js';
import { claimRateSlot } from './rate-limit.js';
import { CHANNEL_MODULES } from './registry.js';
import type { DeliveryReport, DeliveryRequest } from './types.js';

export interface DeliverOptions {
  config: Config;
  /** The instance's cache directory, where the rate limit's state is kept. */
  cacheDir: string;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  http?: HttpOptions;
  now?: () => number;
}

/** How a report reads in the log: `channel phone (ntfy, ntfy.sh)`. */
function label(report: DeliveryReport): string {
  return `channel ${report.channel} (${report.type}${report.host ? `, ${report.host}` : ''})`;
}

export async function deliverToChannels(
  request: DeliveryRequest,
  options: DeliverOptions,
): Promise<DeliveryReport[]> {
  const { config, logger } = options;
  return Promise.all(
    request.channels.map(async (name): Promise<DeliveryReport> => {
      const settings = Object.hasOwn(config.channels, name) ? config.channels[name] : undefined;
      if (!settings) {
        logger.warn(`channel ${name}: not defined, or its settings have problems ("ccbell doctor"); skipped`);
        return { channel: name, type: 'unknown', outcome: 'failed', reason: 'not defined' };
      }
      if ('rateLimit' in settings) {
        // No time given: the rate limit takes it under its lock (see claimRateSlot).
        const slot = claimRateSlot(options.cacheDir, name, settings.rateLimit, options.now?.());
        if (!slot.allowed) {
          const { max, perSeconds } = settings.rateLimit;
          if (slot.firstDrop)
            logger.warn(
              `channel ${name} (${settings.type}): more than ${max} messages in ${perSeconds} s; dropping until the window frees`,
            );
          return { channel: name, type: settings.type, outcome: 'rate-limited' };
        }
        if (slot.unrecorded) logger.warn(`channel ${name}: rate limit not recorded (${slot.unrecorded})`);
      }
      let report: DeliveryReport;
      try {
        report = await CHANNEL_MODULES[settings.type].deliver(request.message, settings, {
          name,
          env: options.env,
          ...(options.http ? { http: options.http } : {}),
        });
      } catch {
        report = { channel: name, type: settings.type, outcome: 'failed', reason: 'unexpected error' };
      }
      if (report.outcome === 'delivered')
        logger.debug(`${label(report)}: delivered (${report.status}) event=${request.message.fields.event}`);
      else
        logger.warn(
          `${label(report)}: ${report.outcome === 'not-connected' ? 'not connected' : 'failed'}${report.status !== undefined ? ` with status ${report.status}` : ''}: ${report.reason ?? ''}`,
        );
      return report;
    }),
  );
}
