import {
  type Config,
  EVENT_DEFAULTS,
  type EventConfig,
  type EventName,
  type ResolvedEvent,
} from './schema.js';

function merge(into: ResolvedEvent, from: EventConfig | undefined) {
  if (!from) return;
  if (from.enabled !== undefined) into.enabled = from.enabled;
  if (from.sound) into.sound = from.sound;
  if (from.volume !== undefined) into.volume = from.volume;
  if (from.cooldown !== undefined) into.cooldown = from.cooldown;
  if (from.desktop !== undefined) into.desktop = from.desktop;
  if (from.channels !== undefined) into.channels = from.channels;
}

/** An event's effective settings: defaults, then the base `events`, then the active profile's. */
export function resolveEvent(config: Config, event: EventName): ResolvedEvent {
  const resolved = { ...EVENT_DEFAULTS[event] };
  merge(resolved, config.events[event]);
  // Own profiles only: "constructor" names no profile, whatever Object.prototype holds.
  if (config.activeProfile !== 'default' && Object.hasOwn(config.profiles, config.activeProfile))
    merge(resolved, config.profiles[config.activeProfile]?.events?.[event]);
  return resolved;
}
