// Pure: the change `ccbell service install` makes to Claude Code's user settings: the instance's
// hooks (http to the app), and the hook token in the settings' `env` block, from where Claude
// Code 2.1.330 fills in `$VAR` in http hook headers (test/e2e/service.test.ts proves it).
import { type HooksSection, mergeHooks, withoutInstanceHooks } from '../claude/index.js';
import { ConfigError } from '../errors.js';

type Settings = Record<string, unknown> & { hooks?: HooksSection };

/** What the service wires for one instance. */
export interface ServiceWiring {
  instance: string;
  /** The instance's hooks as ccbellHooks makes them with `http`. */
  hooks: HooksSection;
  tokenEnv: string;
  token: string;
}

/** The settings' `env` block; ConfigError when it is there and not an object of strings. */
export function settingsEnv(settings: Settings, path: string): Record<string, unknown> {
  const env = settings.env;
  if (env === undefined) return {};
  if (typeof env !== 'object' || env === null || Array.isArray(env)) {
    throw new ConfigError(path, 'env', 'must be an object of environment variables');
  }
  return env as Record<string, unknown>;
}

/** `settings` with the instance's hooks replaced by the service's and its token in `env`; all else kept. */
export function withServiceWiring(settings: Settings, wiring: ServiceWiring, path: string): Settings {
  const env = { ...settingsEnv(settings, path), [wiring.tokenEnv]: wiring.token };
  return {
    ...settings,
    env,
    hooks: mergeHooks(settings.hooks ?? {}, wiring.hooks, wiring.instance),
  };
}

/**
 * `settings` without the instance's hooks, and without the token in `env` when it is the
 * instance's (a value the person set there is theirs). Empty `hooks` and `env` are dropped.
 */
export function withoutServiceWiring(
  settings: Settings,
  wiring: Omit<ServiceWiring, 'hooks'>,
  path: string,
): Settings {
  const next: Settings = { ...settings };
  const hooks = withoutInstanceHooks(settings.hooks ?? {}, wiring.instance);
  if (Object.keys(hooks).length > 0) next.hooks = hooks;
  else delete next.hooks;
  const env = { ...settingsEnv(settings, path) };
  if (env[wiring.tokenEnv] === wiring.token) delete env[wiring.tokenEnv];
  if (Object.keys(env).length > 0) next.env = env;
  else delete next.env;
  return next;
}

/** Only the instance's own hook entries of `hooks`, in their groups (the inverse of withoutInstanceHooks). */
export function instanceHooksOf(hooks: HooksSection, instance: string): HooksSection {
  const others = withoutInstanceHooks(hooks, instance);
  const result: HooksSection = Object.create(null);
  for (const [hookEvent, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    const kept = groups
      .map((group) => {
        if (!Array.isArray(group?.hooks)) return undefined;
        const theirs = new Set(
          (others[hookEvent] ?? []).flatMap((other) => (Array.isArray(other?.hooks) ? other.hooks : [])),
        );
        const ours = group.hooks.filter((entry) => !theirs.has(entry));
        return ours.length ? { ...group, hooks: ours } : undefined;
      })
      .filter((group) => group !== undefined);
    if (kept.length) result[hookEvent] = kept;
  }
  return result;
}

/** How the settings stand against what the service wires. */
export interface WiringStatus {
  /** "wired": as install wires them; "different": the instance has other hooks; "none": no hooks. */
  hooks: 'wired' | 'different' | 'none';
  /** Whether `env` holds the instance's token under its variable. */
  token: 'set' | 'different' | 'absent';
}

export function serviceWiringStatus(settings: Settings, wiring: ServiceWiring, path: string): WiringStatus {
  const ours = instanceHooksOf(settings.hooks ?? {}, wiring.instance);
  const hooks =
    Object.keys(ours).length === 0
      ? 'none'
      : JSON.stringify(sortedKeys(ours)) === JSON.stringify(sortedKeys(wiring.hooks))
        ? 'wired'
        : 'different';
  const value = settingsEnv(settings, path)[wiring.tokenEnv];
  const token = value === undefined ? 'absent' : value === wiring.token ? 'set' : 'different';
  return { hooks, token };
}

function sortedKeys(section: HooksSection): [string, unknown][] {
  return Object.entries(section).sort(([a], [b]) => a.localeCompare(b));
}
