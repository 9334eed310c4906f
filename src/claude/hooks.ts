import type { EventName } from '../config/index.js';
import { placeHookHeaders } from '../notify/index.js';

/** One hook entry of Claude Code's settings (`command` or `http`). */
export interface HookEntry {
  type: 'command' | 'http';
  command?: string;
  url?: string;
  headers?: Record<string, string>;
  allowedEnvVars?: string[];
  timeout?: number;
  [key: string]: unknown;
}

/** A matcher group: Claude Code runs its hooks when `matcher` matches (no matcher: always). */
export interface MatcherGroup {
  matcher?: string;
  hooks: HookEntry[];
  [key: string]: unknown;
}

export type HooksSection = Record<string, MatcherGroup[]>;

/** Where each ccbell event comes from in Claude Code: the hook event and its matcher. */
export interface HookSource {
  event: EventName;
  hookEvent: string;
  matcher?: string;
}

export const HOOK_SOURCES: HookSource[] = [
  { event: 'stop', hookEvent: 'Stop' },
  { event: 'subagent', hookEvent: 'SubagentStop' },
  { event: 'permission_prompt', hookEvent: 'Notification', matcher: 'permission_prompt' },
  { event: 'idle_prompt', hookEvent: 'Notification', matcher: 'idle_prompt' },
  { event: 'session_start', hookEvent: 'SessionStart' },
  { event: 'session_end', hookEvent: 'SessionEnd' },
  { event: 'permission_request', hookEvent: 'PermissionRequest' },
  { event: 'permission_denied', hookEvent: 'PermissionDenied' },
  { event: 'stop_failure', hookEvent: 'StopFailure' },
  { event: 'elicitation_dialog', hookEvent: 'Notification', matcher: 'elicitation_dialog' },
  // The URL form of an MCP server's question is the same need.
  { event: 'elicitation_dialog', hookEvent: 'Notification', matcher: 'elicitation_url_dialog' },
  { event: 'agent_needs_input', hookEvent: 'Notification', matcher: 'agent_needs_input' },
  { event: 'agent_completed', hookEvent: 'Notification', matcher: 'agent_completed' },
  { event: 'auth_success', hookEvent: 'Notification', matcher: 'auth_success' },
];

/** The marker that makes a hook recognisably ccbell's, per instance, so setup can update and remove it. */
export function hookMarker(instance: string): string {
  return `#ccbell:${instance}`;
}

/** Quotes a word for the POSIX shell Claude Code runs command hooks with. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface HookPlan {
  instance: string;
  nodePath: string;
  cliPath: string;
  /** PermissionRequest asks the instance's app (`permission-request`) instead of only notifying. */
  approvals?: boolean;
  /** Seconds a PermissionRequest hook may wait for a person's answer. */
  approvalTimeoutSeconds?: number;
  /** Send events to the instance's app at this address as http hooks (no process per event). */
  http?: { hooksUrl: string; tokenEnv: string };
}

/** The command line Claude Code runs for one event: node and the built CLI, no npx (start-up cost). */
export function hookCommand(
  plan: Pick<HookPlan, 'instance' | 'nodePath' | 'cliPath'>,
  ...args: string[]
): string {
  return (
    [plan.nodePath, plan.cliPath, '--instance', plan.instance, ...args].map(shellQuote).join(' ') +
    ` ${hookMarker(plan.instance)}`
  );
}

/** Appends `entry` under its hook event, in a matcher group when the source has a matcher. */
export function addHook(section: HooksSection, source: HookSource, entry: HookEntry): void {
  const groups = section[source.hookEvent] ?? [];
  groups.push(source.matcher ? { matcher: source.matcher, hooks: [entry] } : { hooks: [entry] });
  section[source.hookEvent] = groups;
}

/**
 * An http hook to the app: Claude Code fills the bearer token in from `tokenEnv`, and the
 * session's terminal place (tmux pane, kitty window…) from its environment, so that the app can
 * bring the session forward on a click (docs/focus.md). The token's variable stays first in
 * `allowedEnvVars`.
 */
export function httpHookEntry(url: string, tokenEnv: string, timeout: number): HookEntry {
  const place = placeHookHeaders();
  return {
    type: 'http',
    url,
    headers: { Authorization: `Bearer $${tokenEnv}`, ...place.headers },
    allowedEnvVars: [tokenEnv, ...place.allowedEnvVars],
    timeout,
  };
}

/** The hooks `ccbell setup` writes for one instance, grouped as Claude Code's settings want them. */
export function ccbellHooks(plan: HookPlan): HooksSection {
  const section: HooksSection = {};
  for (const source of HOOK_SOURCES) {
    const asksApp = source.event === 'permission_request' && (plan.approvals || plan.http);
    const timeout = asksApp ? (plan.approvalTimeoutSeconds ?? 240) + 10 : 10;
    // Claude Code does not send SessionStart over http, so it stays a command hook.
    const entry: HookEntry =
      plan.http && source.event !== 'session_start'
        ? httpHookEntry(
            `${plan.http.hooksUrl}?ccbell_instance=${encodeURIComponent(plan.instance)}`,
            plan.http.tokenEnv,
            timeout,
          )
        : {
            type: 'command',
            command: hookCommand(plan, asksApp ? 'permission-request' : source.event),
            timeout,
          };
    addHook(section, source, entry);
  }
  return section;
}

function isOurs(entry: HookEntry, instance: string): boolean {
  const marker = hookMarker(instance);
  return (
    (typeof entry?.command === 'string' && entry.command.endsWith(marker)) ||
    (typeof entry?.url === 'string' && entry.url.includes(`ccbell_instance=${encodeURIComponent(instance)}`))
  );
}

/** `hooks` without this instance's ccbell hooks; groups left empty are dropped. Others stay as they are. */
export function withoutInstanceHooks(hooks: HooksSection, instance: string): HooksSection {
  // A null prototype: a key "__proto__" in the person's settings stays a key, not a prototype.
  const result: HooksSection = Object.create(null);
  for (const [hookEvent, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) {
      result[hookEvent] = groups;
      continue;
    }
    const kept = groups
      .map((group) =>
        Array.isArray(group?.hooks)
          ? { ...group, hooks: group.hooks.filter((e) => !isOurs(e, instance)) }
          : group,
      )
      .filter((group) => !Array.isArray(group?.hooks) || group.hooks.length > 0);
    if (kept.length > 0) result[hookEvent] = kept;
  }
  return result;
}

/** Only this instance's ccbell hooks of `hooks`, in their groups: what `setup --remove` takes away. */
export function onlyInstanceHooks(hooks: HooksSection, instance: string): HooksSection {
  const result: HooksSection = Object.create(null);
  for (const [hookEvent, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    const ours = groups
      .filter((group) => Array.isArray(group?.hooks))
      .map((group) => ({ ...group, hooks: group.hooks.filter((e) => isOurs(e, instance)) }))
      .filter((group) => group.hooks.length > 0);
    if (ours.length > 0) result[hookEvent] = ours;
  }
  return result;
}

/** Adds `ours` after what is there (after removing an earlier ccbell setup of the same instance). */
export function mergeHooks(hooks: HooksSection, ours: HooksSection, instance: string): HooksSection {
  const result = withoutInstanceHooks(hooks, instance);
  for (const [hookEvent, groups] of Object.entries(ours))
    result[hookEvent] = [...(result[hookEvent] ?? []), ...groups];
  return result;
}

/** Which ccbell events of `instance` have a hook installed in `hooks`. */
export function installedEvents(hooks: HooksSection, instance: string): Set<string> {
  const found = new Set<string>();
  for (const [hookEvent, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      if (!Array.isArray(group?.hooks) || !group.hooks.some((e) => isOurs(e, instance))) continue;
      for (const source of HOOK_SOURCES) {
        if (
          source.hookEvent === hookEvent &&
          (source.matcher === undefined || source.matcher === group.matcher)
        ) {
          found.add(source.event);
        }
      }
    }
  }
  return found;
}
