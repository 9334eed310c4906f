import { join, resolve } from 'node:path';
import type { EventName } from '../config/index.js';
import { messageOf } from '../errors.js';
import { readRegularFile } from '../fs/index.js';
import { splitCommandLine } from './command-line.js';
import { HOOK_SOURCES, type HookEntry, type HooksSection } from './hooks.js';
import { readSettings } from './settings.js';

/** Where Claude Code found a hook: a settings file it reads, or an installed plugin. */
export interface HookOrigin {
  kind: 'user' | 'project' | 'local' | 'plugin';
  /** The settings file, or the plugin's hooks file. */
  path: string;
  /** The plugin's key (`ccbell@marketplace`) and its installed directory. */
  plugin?: string;
  pluginRoot?: string;
}

/** One ccbell hook Claude Code will run, and what it is for. */
export interface WiredHook {
  origin: HookOrigin;
  hookEvent: string;
  matcher?: string;
  entry: HookEntry;
  /** The instance the hook works for (its marker, its URL, its --instance, else the plugin's). */
  instance: string;
  /** The ccbell events it fires for. */
  events: EventName[];
  /** A command hook's words, `${CLAUDE_PLUGIN_ROOT}` filled in. */
  words?: string[];
}

/** Everything that wires ccbell into Claude Code here, and the files that could not be read. */
export interface Wiring {
  hooks: WiredHook[];
  /** Settings files read (they exist), in Claude Code's order: user, project, local. */
  files: { kind: HookOrigin['kind']; path: string }[];
  /** ccbell plugins Claude Code loads here. */
  plugins: { key: string; root: string; hooksPath: string }[];
  unreadable: { path: string; problem: string }[];
  /**
   * The `env` blocks of those settings files, merged in Claude Code's order: Claude Code applies
   * them to its own environment, so an http hook's token may come from there (as
   * `ccbell service install` puts it) rather than from the shell.
   */
  settingsEnv: Record<string, string>;
}

/** The instance a settings hook belongs to, from `#ccbell:NAME` or `ccbell_instance=NAME`; else undefined. */
export function markedInstance(entry: HookEntry): string | undefined {
  if (typeof entry?.command === 'string') {
    const match = /#ccbell:(\S+)$/.exec(entry.command);
    if (match) return match[1];
  }
  if (typeof entry?.url === 'string') {
    try {
      return new URL(entry.url).searchParams.get('ccbell_instance') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The ccbell events a hook under `hookEvent` with `matcher` fires for (no matcher, "" or "*": all). */
export function eventsFiredBy(hookEvent: string, matcher: string | undefined): EventName[] {
  const matchers =
    matcher === undefined || matcher === '' || matcher === '*' ? undefined : matcher.split('|');
  const events = new Set<EventName>();
  for (const source of HOOK_SOURCES) {
    if (source.hookEvent !== hookEvent) continue;
    if (source.matcher === undefined || matchers === undefined || matchers.includes(source.matcher))
      events.add(source.event);
  }
  return [...events];
}

/** Every hook entry of a hooks section, with its event and matcher; malformed parts are skipped. */
export function eachHook(hooks: HooksSection): { hookEvent: string; matcher?: string; entry: HookEntry }[] {
  const found: { hookEvent: string; matcher?: string; entry: HookEntry }[] = [];
  for (const [hookEvent, groups] of Object.entries(hooks ?? {})) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      if (!Array.isArray(group?.hooks)) continue;
      const matcher = typeof group.matcher === 'string' ? group.matcher : undefined;
      for (const entry of group.hooks) {
        if (typeof entry === 'object' && entry !== null) found.push({ hookEvent, matcher, entry });
      }
    }
  }
  return found;
}

function readJson(path: string): unknown {
  const { text } = readRegularFile(path, { maxBytes: 16 * 1024 * 1024 });
  return JSON.parse(text);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface InstallRecord {
  scope?: unknown;
  installPath?: unknown;
  projectPath?: unknown;
}

/**
 * The installed directory of each ccbell plugin Claude Code loads in `cwd`: recorded in
 * `plugins/installed_plugins.json` (Claude Code 2.1: `{version: 2, plugins: {"ccbell@market":
 * [{scope, installPath, projectPath?}]}}`) and enabled in the merged `enabledPlugins`.
 */
function ccbellPlugins(
  claudeDir: string,
  cwd: string,
  enabled: Record<string, unknown>,
  unreadable: Wiring['unreadable'],
): { key: string; root: string }[] {
  const path = join(claudeDir, 'plugins', 'installed_plugins.json');
  let installed: unknown;
  try {
    installed = readJson(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      unreadable.push({ path, problem: messageOf(error) });
    return [];
  }
  const plugins = isObject(installed) && isObject(installed.plugins) ? installed.plugins : {};
  const found: { key: string; root: string }[] = [];
  for (const [key, records] of Object.entries(plugins)) {
    if (key.split('@')[0] !== 'ccbell' || enabled[key] !== true || !Array.isArray(records)) continue;
    const applies = (records as InstallRecord[]).filter(
      (record) =>
        typeof record?.installPath === 'string' &&
        (record.scope === 'user' ||
          (typeof record.projectPath === 'string' && resolve(record.projectPath) === resolve(cwd))),
    );
    // A plugin loads once: the project's install where there is one, else the user's.
    const chosen = applies.find((record) => record.scope !== 'user') ?? applies[0];
    if (chosen) found.push({ key, root: chosen.installPath as string });
  }
  return found;
}

/** The hooks file a plugin declares (`hooks` in .claude-plugin/plugin.json), else hooks/hooks.json. */
function pluginHooksPath(root: string): string {
  try {
    const manifest = readJson(join(root, '.claude-plugin', 'plugin.json'));
    if (isObject(manifest) && typeof manifest.hooks === 'string') return resolve(root, manifest.hooks);
  } catch {}
  return join(root, 'hooks', 'hooks.json');
}

/** The instance a plugin hook runs for: its `--instance`, else $CCBELL_INSTANCE, else default. */
function pluginInstance(words: string[], env: NodeJS.ProcessEnv): string {
  const at = words.indexOf('--instance');
  if (at !== -1 && words[at + 1]) return words[at + 1]!;
  return env.CCBELL_INSTANCE || 'default';
}

/**
 * Every ccbell hook Claude Code runs for a session started in `cwd`: the user's settings, the
 * project's `.claude/settings.json` and `.claude/settings.local.json`, and enabled ccbell
 * plugins. Reads only; an unreadable file is listed, not thrown.
 */
export function readWiring(options: { claudeDir: string; cwd: string; env: NodeJS.ProcessEnv }): Wiring {
  const { claudeDir, cwd, env } = options;
  const wiring: Wiring = {
    hooks: [],
    files: [],
    plugins: [],
    unreadable: [],
    settingsEnv: Object.create(null),
  };
  const enabled: Record<string, unknown> = Object.create(null);
  const seen = new Set<string>();
  const sources: [HookOrigin['kind'], string][] = [
    ['user', join(claudeDir, 'settings.json')],
    ['project', join(cwd, '.claude', 'settings.json')],
    ['local', join(cwd, '.claude', 'settings.local.json')],
  ];
  for (const [kind, path] of sources) {
    // In the home directory the project's settings are the user's: Claude Code reads them once.
    if (seen.has(resolve(path))) continue;
    seen.add(resolve(path));
    let settings: Record<string, unknown> & { hooks?: HooksSection };
    try {
      const file = readSettings(path);
      if (!file.exists) continue;
      settings = file.settings;
    } catch (error) {
      wiring.unreadable.push({ path, problem: messageOf(error) });
      continue;
    }
    wiring.files.push({ kind, path });
    if (isObject(settings.enabledPlugins)) Object.assign(enabled, settings.enabledPlugins);
    if (isObject(settings.env)) {
      for (const [name, value] of Object.entries(settings.env))
        if (typeof value === 'string') wiring.settingsEnv[name] = value;
    }
    for (const { hookEvent, matcher, entry } of eachHook(settings.hooks ?? {})) {
      const instance = markedInstance(entry);
      if (instance === undefined) continue;
      const words = typeof entry.command === 'string' ? splitCommandLine(entry.command).words : undefined;
      wiring.hooks.push({
        origin: { kind, path },
        hookEvent,
        matcher,
        entry,
        instance,
        events: eventsFiredBy(hookEvent, matcher),
        ...(words ? { words } : {}),
      });
    }
  }
  for (const { key, root } of ccbellPlugins(claudeDir, cwd, enabled, wiring.unreadable)) {
    const hooksPath = pluginHooksPath(root);
    wiring.plugins.push({ key, root, hooksPath });
    let declared: unknown;
    try {
      declared = readJson(hooksPath);
    } catch (error) {
      wiring.unreadable.push({ path: hooksPath, problem: messageOf(error) });
      continue;
    }
    const hooks = isObject(declared) && isObject(declared.hooks) ? (declared.hooks as HooksSection) : {};
    for (const { hookEvent, matcher, entry } of eachHook(hooks)) {
      const words =
        typeof entry.command === 'string'
          ? splitCommandLine(entry.command, { CLAUDE_PLUGIN_ROOT: root }).words
          : undefined;
      wiring.hooks.push({
        origin: { kind: 'plugin', path: hooksPath, plugin: key, pluginRoot: root },
        hookEvent,
        matcher,
        entry,
        instance: markedInstance(entry) ?? pluginInstance(words ?? [], env),
        events: eventsFiredBy(hookEvent, matcher),
        ...(words ? { words } : {}),
      });
    }
  }
  return wiring;
}
