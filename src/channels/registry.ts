// The channel kinds, by the `type` a config gives them: one module each, one interface.
import type { ChannelSettings, ChannelType } from '../config/index.js';
import { discord } from './discord.js';
import { ntfy } from './ntfy.js';
import { pushover } from './pushover.js';
import { slack } from './slack.js';
import { telegram } from './telegram.js';
import type { ChannelModule } from './types.js';
import { webhook } from './webhook.js';

/**
 * The terminal and speech kinds are never delivered from here: handleEvent speaks (src/channels/
 * speech.ts) and puts the terminal's sequence in its outcome (`outcome.terminal`), which the door
 * hands Claude Code as `terminalSequence`. Named here, they report "not-connected".
 */
const notConnected: ChannelModule<ChannelSettings> = {
  deliver: async (_message, settings, context) => ({
    channel: context.name,
    type: settings.type,
    outcome: 'not-connected',
    reason: `the ${settings.type} channel is not connected yet`,
  }),
};

// biome-ignore lint/suspicious/noExplicitAny: each module takes its own kind's settings; deliver.ts pairs them by `type`.
export const CHANNEL_MODULES: Record<ChannelType, ChannelModule<any>> = {
  ntfy,
  slack,
  discord,
  telegram,
  pushover,
  webhook,
  terminal: notConnected,
  speech: notConnected,
};
