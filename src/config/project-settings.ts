// Internal: what a repository's `.ccbell.json` may say. Only what is harmless to the person who
// cloned it: a label, sounds (bundled, or files inside the repository), volumes, events on or
// off, and quiet. Anything that sends data or runs something is refused, key by key, and the
// rest of the file still applies.
import { type FoundProjectFile, projectSoundPath } from './project-file.js';
import { EVENT_NAMES, type EventName, isEventName } from './schema.js';
import type { ConfigProblem } from './validate.js';

/** A project file's settings, in the shape of a config file's (merged before validation). */
export interface ProjectSettings {
  /** Config-shaped fields: `label`, `events`, `enabled` (false from `quiet: true`), `quietHours`. */
  overlay: Record<string, unknown>;
}

/** Keys a project file may hold. */
export const PROJECT_KEYS = ['label', 'quiet', 'quietHours', 'events', '$schema'] as const;
/** Fields of one event a project file may set. */
const PROJECT_EVENT_KEYS = ['enabled', 'sound', 'volume', 'desktop', 'cooldown'];

/** Why a key is refused, in words the person reads in `ccbell doctor`. */
const DANGEROUS = 'sends data or runs something; only your own config (or its "projects" rules) may set it';
const REFUSED_REASONS: Record<string, string> = Object.assign(Object.create(null), {
  channels: DANGEROUS,
  webhooks: DANGEROUS,
  webhook: DANGEROUS,
  speech: DANGEROUS,
  tts: DANGEROUS,
  player: DANGEROUS,
  approvals: DANGEROUS,
  appPort: DANGEROUS,
  projects: 'chooses settings for other places; only your own config may hold it',
  profiles: 'only your own config may define profiles',
  activeProfile: 'only your own config may choose a profile',
});

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

/** A label is shown in notification titles: one short line of printable text. */
function labelProblem(label: unknown): string | undefined {
  if (typeof label !== 'string' || label.trim() === '') return 'must be a non-empty string';
  if (label.length > 60) return 'must be at most 60 characters';
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(label))
    return 'must not hold control characters';
  return undefined;
}

function readProjectEvent(
  raw: unknown,
  field: string,
  found: FoundProjectFile,
  refused: ConfigProblem[],
): Json | undefined {
  if (!isObject(raw)) {
    refused.push({ field, problem: `must be an object (got ${show(raw)})` });
    return undefined;
  }
  const event: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!PROJECT_EVENT_KEYS.includes(key)) {
      refused.push({ field: `${field}.${key}`, problem: 'is not a setting a project file may hold' });
      continue;
    }
    if (key !== 'sound') {
      // Types and ranges are checked with the merged config, as for the person's own file.
      event[key] = value;
      continue;
    }
    if (typeof value !== 'string' || value === '') {
      refused.push({ field: `${field}.sound`, problem: 'must be bundled:NAME or a file in the repository' });
    } else if (value.startsWith('bundled:')) {
      event.sound = value;
    } else {
      const path = value.startsWith('custom:') ? value.slice(7) : value;
      const resolved = projectSoundPath(path, found);
      if ('problem' in resolved) refused.push({ field: `${field}.sound`, problem: resolved.problem });
      else event.sound = resolved.path;
    }
  }
  return event;
}

/**
 * Splits a project file's JSON into what applies (config-shaped, validated later with the
 * merged config) and what is refused, one entry per key, with the reason.
 */
export function readProjectSettings(
  raw: unknown,
  found: FoundProjectFile,
): { settings: ProjectSettings; refused: ConfigProblem[] } {
  const refused: ConfigProblem[] = [];
  const settings: ProjectSettings = { overlay: {} };
  if (!isObject(raw)) {
    refused.push({ field: '', problem: `the file must hold a JSON object (got ${show(raw)})` });
    return { settings, refused };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(PROJECT_KEYS as readonly string[]).includes(key)) {
      refused.push({
        field: key,
        problem: Object.hasOwn(REFUSED_REASONS, key)
          ? REFUSED_REASONS[key]!
          : 'is not a setting a project file may hold',
      });
      continue;
    }
    if (key === 'label') {
      const problem = labelProblem(value);
      if (problem) refused.push({ field: 'label', problem });
      else settings.overlay.label = (value as string).trim();
    } else if (key === 'quiet') {
      if (typeof value === 'boolean') {
        if (value) settings.overlay.enabled = false;
      } else refused.push({ field: 'quiet', problem: `must be true or false (got ${show(value)})` });
    } else if (key === 'quietHours') {
      settings.overlay.quietHours = value;
    } else if (key === 'events') {
      if (!isObject(value)) {
        refused.push({ field: 'events', problem: 'must be an object' });
        continue;
      }
      const events: Partial<Record<EventName, Json>> = {};
      for (const [name, event] of Object.entries(value)) {
        if (!isEventName(name)) {
          refused.push({
            field: `events.${name}`,
            problem: `unknown event (known: ${EVENT_NAMES.join(', ')})`,
          });
          continue;
        }
        const read = readProjectEvent(event, `events.${name}`, found, refused);
        if (read) events[name] = read;
      }
      settings.overlay.events = events;
    }
  }
  return { settings, refused };
}
