// Channels (issue 10): the ways of reaching the person beyond the sound and the desktop
// notification. The hook path imports only plan.ts and detached.ts (through this file's
// siblings, not this index): delivery itself runs in `ccbell deliver` or in the app.

export { type DeliverOptions, deliverToChannels } from './deliver.js';
export { type DetachedDelivery, startDetachedDelivery } from './detached.js';
export { HTTP_DEFAULTS, type HttpOptions, retryAfterMs, sendWithRetries } from './http.js';
export { type ChannelPlan, type LocalChannel, planChannels } from './plan.js';
export { claimRateSlot, RATE_FILE } from './rate-limit.js';
export { CHANNEL_MODULES } from './registry.js';
export { parseDeliveryRequest } from './request.js';
export { resolveSecret, SecretError, secretRefs } from './secrets.js';
export { renderJsonTemplate, renderTemplate, titleAndBody } from './template.js';
export type {
  ChannelMessage,
  ChannelModule,
  DeliveryContext,
  DeliveryReport,
  DeliveryRequest,
  MessageAction,
  MessageFields,
} from './types.js';
