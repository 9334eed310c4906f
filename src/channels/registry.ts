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
 * HOOK POINT (issue 10): the terminal and speech kinds are delivered by src/channels/terminal.ts
 * and src/channels/speech.ts (another helper's work). The terminal channel is not sent from
 * here at all: the hook returns its sequence as `terminalSequence`, from handleEvent's
 * `outcome.channels.local`. Until they are connected, these report "not-connected".
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
