import type { ChannelSettings } from './channels.js';
import type { PhoneApprovals } from './phone.js';
import type { RemoteConfig } from './remote.js';

/** Every event ccbell handles; the first four are original ccbell's. */
export const EVENT_NAMES = [
  'stop',
  'permission_prompt',
  'idle_prompt',
  'subagent',
  'session_start',
  'session_end',
  'permission_request',
  'permission_denied',
  'stop_failure',
  'elicitation_dialog',
  'agent_needs_input',
  'agent_completed',
  'auth_success',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** One event's settings; unset fields fall through to the base config, then to the defaults. */
export interface EventConfig {
  enabled?: boolean;
  sound?: string;
  volume?: number;
  /** Seconds during which a repeat of this event stays silent. */
  cooldown?: number;
  /** Also show a desktop notification. */
  desktop?: boolean;
  /** Channels (issue 10): built-in names and names from `channels`; unset: sound, plus desktop when on. */
  channels?: string[];
}

/** Do-not-disturb window; `start` after `end` spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface ApprovalRules {
  allow: string[];
  deny: string[];
}

/** The whole config file, compatible with original ccbell's `ccbell.config.json`. */
export interface Config {
  enabled: boolean;
  debug: boolean;
  activeProfile: string;
  quietHours?: QuietHours;
  events: Partial<Record<EventName, EventConfig>>;
  profiles: Record<string, { events?: Partial<Record<EventName, EventConfig>> }>;
  /** "auto", a player's name (pw-play, paplay, aplay, mpv, ffplay, afplay) or an absolute path. */
  player: string;
  /** "event": one cooldown per event for all sessions (original); "session": one per session. */
  cooldownScope: 'event' | 'session';
  approvals: ApprovalRules;
  /** How long the approval server waits for an answer before denying. */
  approvalTimeoutSeconds: number;
  /** A fixed port for the app's page and http hooks (needed by `setup --http`); unset: a free port. */
  appPort?: number;
  /** Whether events of subagents (hook input with `agent_id`) notify; quiet by default, as in the peers. */
  subagents: boolean;
  /**
   * Whether an `idle_prompt` notifies when the Stop it follows already did (same session, the
   * person has not answered since): false keeps one alert per finished turn.
   */
  idleAfterStop: boolean;
  // Issue 11, click-to-focus (docs/focus.md).
  /**
   * Stay quiet when the session's own tmux pane is the active pane of the active window and a
   * client is attached: the person is looking at it. Off by default; costs one `tmux display`.
   */
  quietWhenFocused: boolean;
  /** Allow/Deny buttons on phone pushes (src/config/phone.ts); absent: off. */
  phoneApprovals?: PhoneApprovals;
  // Issue 10, the terminal channel (until `channels` and `events.X.channels` land).
  /**
   * What a hook hands Claude Code to write to its terminal on every notified event: "off" (the
   * default: only a bell when no sound player is found), "auto" (by the terminal detected), or a
   * kind (bell, osc9, osc777, osc99, title).
   */
  terminal?: TerminalSetting;
  /** Channels (issue 10): named webhooks, terminal and speech settings; see src/config/channels.ts. */
  channels: Record<string, ChannelSettings>;
  // --- Per-project settings (issue 11; docs/projects.md) ---
  /** Rules matching sessions by cwd and branch: settings per project, and the instance. */
  projects?: ProjectRule[];
  /** The project's name in notification titles, instead of its folder's. */
  label?: string;
  // --- end of per-project settings ---
  // --- remote (issue 12): approvals and events over a NATS broker; see src/config/remote.ts ---
  /** How this instance reaches a NATS broker; unset: the local bus only. */
  remote?: RemoteConfig;
  // --- end remote ---
}

/** One of the person's `projects` rules; `settings` holds the rule's config keys, validated. */
export interface ProjectRule {
  /** A glob on the session's cwd (`~/work/**`). */
  match: string;
  /** A glob on the git branch (`release/*`); unset: any branch. */
  branch?: string;
  /** The instance such sessions use when neither `--instance` nor CCBELL_INSTANCE names one. */
  instance?: string;
  settings: Record<string, unknown>;
}

/** The `terminal` setting's values (src/channels/terminal.ts knows what each writes). */
export const TERMINAL_SETTINGS = ['off', 'auto', 'bell', 'osc9', 'osc777', 'osc99', 'title'] as const;
export type TerminalSetting = (typeof TERMINAL_SETTINGS)[number];

/** The settings an event ends up with after profiles and defaults are applied. */
export interface ResolvedEvent {
  enabled: boolean;
  sound: string;
  volume: number;
  cooldown: number;
  desktop: boolean;
  /** The event's channel names; undefined: sound, plus desktop when `desktop` is on. */
  channels?: string[];
}

/** Built-in per-event settings: original ccbell's four, plus quiet defaults for the newer events. */
export const EVENT_DEFAULTS: Record<EventName, ResolvedEvent> = {
  stop: { enabled: true, sound: 'bundled:stop', volume: 0.5, cooldown: 0, desktop: false },
  permission_prompt: {
    enabled: true,
    sound: 'bundled:permission_prompt',
    volume: 0.7,
    cooldown: 0,
    desktop: true,
  },
  idle_prompt: { enabled: true, sound: 'bundled:idle_prompt', volume: 0.5, cooldown: 0, desktop: false },
  subagent: { enabled: true, sound: 'bundled:subagent', volume: 0.5, cooldown: 0, desktop: false },
  session_start: {
    enabled: false,
    sound: 'bundled:session_start',
    volume: 0.4,
    cooldown: 0,
    desktop: false,
  },
  session_end: { enabled: false, sound: 'bundled:session_end', volume: 0.4, cooldown: 0, desktop: false },
  permission_request: {
    enabled: true,
    sound: 'bundled:permission_request',
    volume: 0.7,
    cooldown: 0,
    desktop: true,
  },
  // Auto mode blocked a tool call: the person may want to allow it by hand.
  permission_denied: {
    enabled: true,
    sound: 'bundled:permission_denied',
    volume: 0.6,
    cooldown: 0,
    desktop: true,
  },
  // The turn ended on an API error: nothing more happens until the person acts.
  stop_failure: { enabled: true, sound: 'bundled:stop_failure', volume: 0.7, cooldown: 0, desktop: true },
  // An MCP server asks the person something.
  elicitation_dialog: {
    enabled: true,
    sound: 'bundled:elicitation_dialog',
    volume: 0.7,
    cooldown: 0,
    desktop: true,
  },
  // A background agent (or auto mode) needs the person's choice.
  agent_needs_input: {
    enabled: true,
    sound: 'bundled:agent_needs_input',
    volume: 0.7,
    cooldown: 0,
    desktop: true,
  },
  agent_completed: {
    enabled: true,
    sound: 'bundled:agent_completed',
    volume: 0.5,
    cooldown: 0,
    desktop: false,
  },
  auth_success: { enabled: false, sound: 'bundled:auth_success', volume: 0.4, cooldown: 0, desktop: false },
};

/** A fresh default config: what `ccbell instance create` writes and what a broken file falls back to. */
export function defaultConfig(): Config {
  const events: Partial<Record<EventName, EventConfig>> = {};
  for (const name of EVENT_NAMES) {
    const { enabled, sound, volume, cooldown } = EVENT_DEFAULTS[name];
    events[name] = { enabled, sound, volume, cooldown };
  }
  return {
    enabled: true,
    debug: false,
    activeProfile: 'default',
    events,
    profiles: {},
    player: 'auto',
    cooldownScope: 'event',
    approvals: { allow: [], deny: [] },
    approvalTimeoutSeconds: 240,
    subagents: false,
    idleAfterStop: false,
    quietWhenFocused: false,
    channels: {},
  };
}

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}
