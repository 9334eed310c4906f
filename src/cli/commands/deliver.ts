// `ccbell deliver` (hidden): the detached helper a command hook starts for webhook channels.
// Reads one delivery request from its environment (CCBELL_DELIVERY, see src/channels/detached.ts)
// or else its stdin (never argv: ps shows argv), delivers it with retries and the rate limit,
// logs each channel's outcome, and exits 0. Nobody waits for it.
import { DELIVERY_ENV } from '../../channels/detached.js';
import { deliverToChannels, parseDeliveryRequest } from '../../channels/index.js';
import { readStdinHookInput } from '../../events/index.js';
import { buildMessage } from '../../events/message.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { openInstance } from '../instance-context.js';

/** A request is a message and a few names: far below this. */
const MAX_REQUEST_BYTES = 256 * 1024;

export async function runDeliver(args: ParsedArgs, context: CliContext): Promise<number> {
  const { instance, loaded, logger } = openInstance(args, context);
  const fromEnv = context.env[DELIVERY_ENV];
  let request: ReturnType<typeof parseDeliveryRequest>;
  if (fromEnv !== undefined) {
    let parsed: unknown;
    try {
      parsed = fromEnv.length <= MAX_REQUEST_BYTES ? JSON.parse(fromEnv) : undefined;
    } catch {
      parsed = undefined;
    }
    request = parsed === undefined ? `${DELIVERY_ENV} is not a JSON request` : parseDeliveryRequest(parsed);
  } else {
    const read = await readStdinHookInput(context.env, { maxBytes: MAX_REQUEST_BYTES, timeoutMs: 5000 });
    request =
      read.kind === 'json'
        ? parseDeliveryRequest(read.input)
        : read.kind === 'invalid'
          ? read.reason
          : 'no request on stdin';
  }
  if (typeof request === 'string') {
    logger.warn(`deliver: ${request}; nothing sent`);
    return 0;
  }
  if ('inputOnStdin' in request) {
    // The hook left its input for this helper: read it from the inherited stdin, then say it.
    const read = await readStdinHookInput(context.env, { timeoutMs: 5000 });
    if (read.kind === 'invalid') logger.warn(`deliver: ${read.reason}; going on without it`);
    const input = read.kind === 'json' ? read.input : undefined;
    request = { message: buildMessage(request.event, instance.name, input), channels: request.channels };
  }
  await deliverToChannels(request, {
    config: loaded.config,
    cacheDir: instance.cache_dir,
    logger,
    env: context.env,
  });
  return 0;
}
