import { KNOWN_PLAYERS } from '../notify/players.js';
import { checkChannelNames, readChannelList, readChannels } from './channels.js';
import { readPhoneApprovals } from './phone.js';
import { portProblem } from './port.js';
import { readProjectRules } from './project-rules.js';
import { parseClock } from './quiet-hours.js';
import { readRemoteConfig } from './remote.js';
import {
  type Config,
  defaultConfig,
  EVENT_NAMES,
  type EventConfig,
  type EventName,
  isEventName,
  type QuietHours,
  TERMINAL_SETTINGS,
  type TerminalSetting,
} from './schema.js';

/** One thing wrong in a config file: the dotted path of the field and what is wrong with it. */
export interface ConfigProblem {
  field: string;
  problem: string;
}

/** What validation is told beyond the file itself. */
export interface ValidateOptions {
  /**
   * Why a permission rule cannot be used, undefined when it can (src/rules' ruleProblem; config
   * sits below rules, so it is handed in). Without it, rules are only checked to be strings:
   * the hook path never reads them and does not load the rule parser.
   */
  checkRule?: (rule: string) => string | undefined;
}

/** Keys original ccbell writes that this version reads but does not use. */
const TOLERATED_KEYS = new Set(['activePack', 'packs', '$schema']);
const TOP_LEVEL_KEYS = new Set([
  'enabled',
  'debug',
  'activeProfile',
  'quietHours',
  'events',
  'profiles',
  'player',
  'cooldownScope',
  'approvals',
  'approvalTimeoutSeconds',
  'appPort',
  'subagents',
  'idleAfterStop',
  'phoneApprovals',
  'terminal',
  'channels',
  // Per-project settings (issue 11).
  'projects',
  'label',
  'remote', // issue 12
  'quietWhenFocused',
]);
const EVENT_KEYS = ['enabled', 'sound', 'volume', 'cooldown', 'desktop', 'channels'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

function reportUnknownKeys(raw: Json, known: readonly string[], field: string, problems: ConfigProblem[]) {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push({ field: `${field}.${key}`, problem: 'is not a known setting' });
  }
}

/** Why a sound spec is unusable, judged from its text alone (the file is checked when played). */
export function soundSpecProblem(spec: string): string | undefined {
  if (spec.startsWith('bundled:')) {
    return /^[a-z_]+$/.test(spec.slice(8)) ? undefined : 'a bundled sound name is lowercase letters and "_"';
  }
  const path = spec.startsWith('custom:') ? spec.slice(7) : spec;
  if (!path.startsWith('/')) return 'must be bundled:NAME, custom:/absolute/path or an absolute path';
  if (path.split('/').includes('..')) return 'must not contain ".."';
  return undefined;
}

function readEvent(raw: unknown, field: string, problems: ConfigProblem[]): EventConfig {
  const event: EventConfig = {};
  if (!isObject(raw)) {
    problems.push({ field, problem: `must be an object (got ${show(raw)})` });
    return event;
  }
  reportUnknownKeys(raw, EVENT_KEYS, field, problems);
  const { enabled, sound, volume, cooldown, desktop, channels } = raw;
  if (channels !== undefined) {
    const list = readChannelList(channels, `${field}.channels`, problems);
    if (list) event.channels = list;
  }
  if (enabled !== undefined) {
    if (typeof enabled === 'boolean') event.enabled = enabled;
    else
      problems.push({ field: `${field}.enabled`, problem: `must be true or false (got ${show(enabled)})` });
  }
  if (desktop !== undefined) {
    if (typeof desktop === 'boolean') event.desktop = desktop;
    else
      problems.push({ field: `${field}.desktop`, problem: `must be true or false (got ${show(desktop)})` });
  }
  // An empty sound means "the default", as original ccbell reads it.
  if (sound !== undefined && sound !== '') {
    const problem = typeof sound === 'string' ? soundSpecProblem(sound) : 'must be a string';
    if (problem) problems.push({ field: `${field}.sound`, problem: `${problem} (got ${show(sound)})` });
    else event.sound = sound as string;
  }
  if (volume !== undefined) {
    if (typeof volume === 'number' && volume >= 0 && volume <= 1) event.volume = volume;
    else
      problems.push({
        field: `${field}.volume`,
        problem: `must be a number from 0 to 1 (got ${show(volume)})`,
      });
  }
  if (cooldown !== undefined) {
    if (typeof cooldown === 'number' && Number.isInteger(cooldown) && cooldown >= 0)
      event.cooldown = cooldown;
    else
      problems.push({
        field: `${field}.cooldown`,
        problem: `must be a whole number of seconds, 0 or more (got ${show(cooldown)})`,
      });
  }
  return event;
}

function readEvents(raw: unknown, field: string, problems: ConfigProblem[]) {
  const events: Partial<Record<EventName, EventConfig>> = {};
  if (!isObject(raw)) {
    problems.push({ field, problem: `must be an object (got ${show(raw)})` });
    return events;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!isEventName(name)) {
      problems.push({
        field: `${field}.${name}`,
        problem: `unknown event (known: ${EVENT_NAMES.join(', ')})`,
      });
      continue;
    }
    events[name] = readEvent(value, `${field}.${name}`, problems);
  }
  return events;
}

// Each rule is judged alone: a broken one is reported as `approvals.allow[2]` and skipped, and
// the others are kept.
function readRuleList(
  raw: unknown,
  field: string,
  problems: ConfigProblem[],
  checkRule: ValidateOptions['checkRule'],
): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field, problem: 'must be a list of strings' });
    return [];
  }
  return raw.filter((rule: unknown, index) => {
    const problem = typeof rule === 'string' ? checkRule?.(rule) : `must be a string (got ${show(rule)})`;
    if (problem !== undefined) problems.push({ field: `${field}[${index}]`, problem });
    return problem === undefined;
  });
}

/**
 * Checks a parsed config file field by field. A bad field falls back to its default and is
 * reported; the good ones are kept, so one typo does not throw away a person's quiet hours.
 */
export function validateConfig(
  raw: unknown,
  options: ValidateOptions = {},
): { config: Config; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  if (!isObject(raw)) {
    problems.push({ field: '', problem: `the file must hold a JSON object (got ${show(raw)})` });
    return { config, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key) && !TOLERATED_KEYS.has(key)) {
      problems.push({ field: key, problem: 'is not a known setting' });
    }
  }
  for (const key of ['enabled', 'debug', 'subagents', 'idleAfterStop', 'quietWhenFocused'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') config[key] = value;
    else problems.push({ field: key, problem: `must be true or false (got ${show(value)})` });
  }
  if (raw.events !== undefined) {
    // Explicit settings replace the defaults per field; events left out keep theirs.
    for (const [name, event] of Object.entries(readEvents(raw.events, 'events', problems))) {
      config.events[name as EventName] = { ...config.events[name as EventName], ...event };
    }
  }
  if (raw.profiles !== undefined) {
    if (!isObject(raw.profiles)) problems.push({ field: 'profiles', problem: 'must be an object' });
    else
      for (const [name, profile] of Object.entries(raw.profiles)) {
        const field = `profiles.${name}`;
        if (!isObject(profile)) {
          problems.push({ field, problem: 'must be an object with "events"' });
          continue;
        }
        reportUnknownKeys(profile, ['events'], field, problems);
        // Defined, not assigned: a profile named "__proto__" is a profile, not a new prototype.
        Object.defineProperty(config.profiles, name, {
          value:
            profile.events === undefined
              ? {}
              : { events: readEvents(profile.events, `${field}.events`, problems) },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
  }
  if (raw.activeProfile !== undefined) {
    const active = raw.activeProfile;
    if (typeof active !== 'string') problems.push({ field: 'activeProfile', problem: 'must be a string' });
    else if (active !== 'default' && !Object.hasOwn(config.profiles, active)) {
      const known = ['default', ...Object.keys(config.profiles)].join(', ');
      problems.push({
        field: 'activeProfile',
        problem: `profile ${show(active)} is not defined (known: ${known})`,
      });
    } else config.activeProfile = active;
  }
  if (raw.quietHours !== undefined) {
    const quiet = raw.quietHours;
    if (!isObject(quiet)) problems.push({ field: 'quietHours', problem: 'must be an object {start, end}' });
    else {
      reportUnknownKeys(quiet, ['start', 'end'], 'quietHours', problems);
      // As in original ccbell, an empty start or end means "no quiet hours", not a mistake.
      const bad = (['start', 'end'] as const).filter(
        (key) =>
          quiet[key] !== '' &&
          (typeof quiet[key] !== 'string' || parseClock(quiet[key] as string) === undefined),
      );
      for (const key of bad) {
        problems.push({
          field: `quietHours.${key}`,
          problem: `must be a 24-hour time HH:MM (got ${show(quiet[key])})`,
        });
      }
      if (bad.length === 0 && quiet.start !== '' && quiet.end !== '') {
        config.quietHours = { start: quiet.start, end: quiet.end } as QuietHours;
      }
    }
  }
  if (raw.player !== undefined) {
    const player = raw.player;
    if (
      typeof player === 'string' &&
      (player === 'auto' || (KNOWN_PLAYERS as readonly string[]).includes(player) || player.startsWith('/'))
    )
      config.player = player;
    else
      problems.push({
        field: 'player',
        problem: `must be "auto", one of ${KNOWN_PLAYERS.join(', ')}, or an absolute path (got ${show(player)})`,
      });
  }
  // Issue 10, the terminal channel.
  if (raw.terminal !== undefined) {
    if ((TERMINAL_SETTINGS as readonly unknown[]).includes(raw.terminal))
      config.terminal = raw.terminal as TerminalSetting;
    else
      problems.push({
        field: 'terminal',
        problem: `must be one of ${TERMINAL_SETTINGS.join(', ')} (got ${show(raw.terminal)})`,
      });
  }
  if (raw.cooldownScope !== undefined) {
    if (raw.cooldownScope === 'event' || raw.cooldownScope === 'session')
      config.cooldownScope = raw.cooldownScope;
    else
      problems.push({
        field: 'cooldownScope',
        problem: `must be "event" or "session" (got ${show(raw.cooldownScope)})`,
      });
  }
  if (raw.approvals !== undefined) {
    if (!isObject(raw.approvals))
      problems.push({ field: 'approvals', problem: 'must be an object {allow, deny}' });
    else {
      reportUnknownKeys(raw.approvals, ['allow', 'deny'], 'approvals', problems);
      config.approvals = {
        allow: readRuleList(raw.approvals.allow, 'approvals.allow', problems, options.checkRule),
        deny: readRuleList(raw.approvals.deny, 'approvals.deny', problems, options.checkRule),
      };
    }
  }
  if (raw.approvalTimeoutSeconds !== undefined) {
    const seconds = raw.approvalTimeoutSeconds;
    if (typeof seconds === 'number' && seconds > 0 && seconds <= 86_400)
      config.approvalTimeoutSeconds = seconds;
    else
      problems.push({
        field: 'approvalTimeoutSeconds',
        problem: `must be a number of seconds from 1 to 86400 (got ${show(seconds)})`,
      });
  }
  if (raw.appPort !== undefined) {
    const port = raw.appPort;
    const problem = portProblem(port);
    if (problem === undefined) config.appPort = port as number;
    else problems.push({ field: 'appPort', problem: `${problem} (got ${show(port)})` });
  }
  const phone = readPhoneApprovals(raw.phoneApprovals, problems);
  if (phone) config.phoneApprovals = phone;
  // Channels (issue 10): the definitions, then every event's list checked against them.
  const { channels, defined } = readChannels(raw.channels, problems);
  config.channels = channels;
  const checkLists = (events: Partial<Record<EventName, EventConfig>> | undefined, field: string) => {
    for (const [name, event] of Object.entries(events ?? {}))
      if (event?.channels)
        event.channels = checkChannelNames(event.channels, defined, `${field}.${name}.channels`, problems);
  };
  checkLists(config.events, 'events');
  for (const [name, profile] of Object.entries(config.profiles))
    checkLists(profile.events, `profiles.${name}.events`);
  // --- Per-project settings (issue 11; docs/projects.md) ---
  if (raw.projects !== undefined) {
    const rules = readProjectRules(raw.projects, problems, (overlay) => validateConfig(overlay, options));
    if (rules.length > 0) config.projects = rules;
  }
  if (raw.label !== undefined) {
    if (typeof raw.label === 'string' && raw.label.trim() !== '' && raw.label.length <= 60)
      config.label = raw.label.trim();
    else
      problems.push({ field: 'label', problem: `must be a short non-empty string (got ${show(raw.label)})` });
  }
  // --- end of per-project settings ---
  // --- remote (issue 12): checked whole; a block with any problem is not used ---
  if (raw.remote !== undefined) {
    const remote = readRemoteConfig(raw.remote, problems);
    if (remote) config.remote = remote;
  }
  // --- end remote ---
  return { config, problems };
}
