// Which channels one event goes to, from its resolved settings: pure, read on the hook path.
import type { Config, ResolvedEvent, SpeechChannel, TerminalChannel } from '../config/index.js';

/** A channel the hook process itself serves (a terminal sequence, a spoken line). */
export type LocalChannel =
  | { name: string; settings: TerminalChannel }
  | { name: string; settings: SpeechChannel };

export interface ChannelPlan {
  sound: boolean;
  desktop: boolean;
  local: LocalChannel[];
  /** Names of webhook channels: delivered off the hook's path. */
  remote: string[];
}

/**
 * The plan for an event. With no `channels` list, today's behaviour: the sound, plus the
 * desktop notification when `desktop` is on. A name defined with problems is left out
 * (validation reported it).
 */
export function planChannels(config: Config, settings: ResolvedEvent): ChannelPlan {
  if (settings.channels === undefined)
    return { sound: true, desktop: settings.desktop, local: [], remote: [] };
  const plan: ChannelPlan = { sound: false, desktop: false, local: [], remote: [] };
  for (const name of settings.channels) {
    if (name === 'sound') plan.sound = true;
    else if (name === 'desktop') plan.desktop = true;
    else {
      const defined = Object.hasOwn(config.channels, name) ? config.channels[name] : undefined;
      if (defined?.type === 'terminal') plan.local.push({ name, settings: defined });
      else if (defined?.type === 'speech') plan.local.push({ name, settings: defined });
      else if (defined) plan.remote.push(name);
      else if (name === 'terminal') plan.local.push({ name, settings: { type: 'terminal', kind: 'auto' } });
      else if (name === 'speech') plan.local.push({ name, settings: { type: 'speech' } });
    }
  }
  return plan;
}
