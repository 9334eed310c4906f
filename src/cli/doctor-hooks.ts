// doctor's checks of the hooks Claude Code will run: paths, instances, ports, tokens, doubles.
// Internal to `ccbell doctor`; the hook files are found by src/claude (readWiring).
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { hookTokenPath } from '../app/web/hook-token.js';
import { HOOK_SOURCES, type HookOrigin, type WiredHook, type Wiring } from '../claude/index.js';
import { loadConfig } from '../config/index.js';
import { readRegularFile } from '../fs/index.js';
import { type InstanceConfig, readRunningApp } from '../instance/index.js';
import { PLACE_HEADERS } from '../notify/index.js';

/** One check's result: what was found and, when it is not fine, what to do about it. */
export interface Finding {
  ok: boolean;
  warn?: boolean;
  /** Set on what `doctor --fix` changed. */
  fixed?: boolean;
  what: string;
  fix?: string;
}

/** What doctor knows of the instances: which exist, and the files of those that do. */
export interface InstanceLookup {
  /** The instance's files when it exists, else undefined. */
  find(name: string): InstanceConfig | undefined;
}

/** What the current install would write into a hook. */
export interface Current {
  nodePath: string;
  cliPath: string;
}

/** "Stop, Notification": the hook events of `hooks`, each once, in the order they were found. */
function listEvents(hooks: WiredHook[]): string {
  return [...new Set(hooks.map((hook) => hook.hookEvent))].join(', ');
}

/**
 * What makes Claude Code run a hook, one name per kind of happening: "Stop", or a
 * Notification's type ("Notification (idle_prompt)"). Two hooks with one trigger both run.
 */
function triggersOf(hook: WiredHook): string[] {
  const any = hook.matcher === undefined || hook.matcher === '' || hook.matcher === '*';
  return HOOK_SOURCES.filter(
    (source) =>
      source.hookEvent === hook.hookEvent &&
      (source.matcher === undefined || any || hook.matcher!.split('|').includes(source.matcher)),
  ).map((source) => (source.matcher ? `${source.hookEvent} (${source.matcher})` : source.hookEvent));
}

/** Where a hook comes from, as a person reads it. */
export function describeOrigin(origin: HookOrigin): string {
  return origin.kind === 'plugin' ? `plugin ${origin.plugin} (${origin.path})` : origin.path;
}

/** Groups `items` by `key`, keeping first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

/** The command that takes one wiring of `instance` away, by where it lives. */
function removalAdvice(origin: HookOrigin, instance: string): string {
  if (origin.kind === 'plugin') return `"claude plugin uninstall ${origin.plugin}"`;
  if (origin.kind === 'user') return `"ccbell setup --remove --instance ${instance}"`;
  return `remove the "#ccbell:${instance}" hooks from ${origin.path}`;
}

function unknownInstance(hooks: WiredHook[]): Finding {
  const { origin, instance } = hooks[0]!;
  const what = `${origin.kind === 'plugin' ? `plugin ${origin.plugin} runs` : `${origin.path} has`} hooks of instance "${instance}", which does not exist: ${listEvents(hooks)} fail with "unknown instance ${instance}"`;
  const fix =
    origin.kind === 'user'
      ? `run "ccbell doctor --fix" (or "ccbell setup --remove --instance ${instance}")`
      : origin.kind === 'local'
        ? 'run "ccbell doctor --fix"'
        : origin.kind === 'project'
          ? `remove the "#ccbell:${instance}" hooks from ${origin.path} (a project's shared settings: doctor --fix leaves them to you)`
          : `run "ccbell instance create ${instance}", or start Claude Code without CCBELL_INSTANCE=${instance}`;
  return { ok: false, what, fix };
}

/** The advice for a ccbell command hook whose node or CLI is gone. */
function stalePathFix(origin: HookOrigin, which: 'node' | 'cli', current: Current): string {
  const now = which === 'node' ? current.nodePath : current.cliPath;
  if (origin.kind === 'user' || origin.kind === 'local')
    return `run "ccbell doctor --fix" (it points them at ${now})`;
  if (origin.kind === 'project')
    return `edit ${origin.path}: use ${now} (doctor --fix leaves a project's shared settings to you)`;
  return `reinstall the plugin: "claude plugin uninstall ${origin.plugin}" then "claude plugin install ${origin.plugin}"`;
}

function stalePaths(hooks: WiredHook[], current: Current): Finding[] {
  const { origin, instance } = hooks[0]!;
  const findings: Finding[] = [];
  // Settings hooks as setup writes them: node, then the CLI. A plugin's: its script first.
  const slots: ['node' | 'cli', number, string][] =
    origin.kind === 'plugin'
      ? [['cli', 0, 'its script']]
      : [
          ['node', 0, 'node'],
          ['cli', 1, 'ccbell'],
        ];
  for (const [which, index, label] of slots) {
    const missing = hooks.filter((hook) => {
      const path = hook.words?.[index];
      return path !== undefined && isAbsolute(path) && !existsSync(path);
    });
    for (const same of groupBy(missing, (hook) => hook.words![index]!)) {
      findings.push({
        ok: false,
        what: `hooks of "${instance}" in ${describeOrigin(origin)} run ${label} ${same[0]!.words![index]}, which does not exist: ${listEvents(same)} do nothing`,
        fix: stalePathFix(origin, which, current),
      });
    }
  }
  return findings;
}

/** The port an instance's app listens on (running) or will listen on (appPort), and whence. */
function appPort(instance: InstanceConfig): { port?: number; from: 'app' | 'config' | 'none' } {
  const app = readRunningApp(instance.pid_path);
  if (app?.url) {
    try {
      return { port: Number(new URL(app.url).port), from: 'app' };
    } catch {}
  }
  const configured = loadConfig(instance.config_path).config.appPort;
  return configured ? { port: configured, from: 'config' } : { from: 'none' };
}

function readToken(instance: InstanceConfig): string | undefined {
  try {
    return readRegularFile(hookTokenPath(instance), { maxBytes: 4096, followSymlinks: false }).text.trim();
  } catch {
    return undefined;
  }
}

/** The variable an http hook's Authorization header takes the token from. */
function tokenVariable(hook: WiredHook): string | undefined {
  const header = hook.entry.headers?.Authorization;
  const fromHeader = typeof header === 'string' ? /\$\{?([A-Z_][A-Z0-9_]*)/.exec(header)?.[1] : undefined;
  return fromHeader ?? hook.entry.allowedEnvVars?.[0];
}

/** Whether an http hook hands the app the session's tmux pane (the header and its variable). */
function carriesPlace(hook: WiredHook): boolean {
  const pane = PLACE_HEADERS.find((entry) => entry.variable === 'TMUX_PANE')!;
  const value = hook.entry.headers?.[pane.header];
  return (
    typeof value === 'string' &&
    value.includes(pane.variable) &&
    Array.isArray(hook.entry.allowedEnvVars) &&
    hook.entry.allowedEnvVars.includes(pane.variable)
  );
}

function httpFindings(
  hooks: WiredHook[],
  instance: InstanceConfig,
  env: NodeJS.ProcessEnv,
  settingsEnv: Record<string, string>,
): Finding[] {
  const http = hooks.filter((hook) => hook.entry.type === 'http' && typeof hook.entry.url === 'string');
  if (http.length === 0) return [];
  const { origin } = http[0]!;
  const name = instance.name;
  const where = `http hooks of "${name}" in ${describeOrigin(origin)}`;
  const findings: Finding[] = [];
  const app = appPort(instance);
  for (const same of groupBy(http, (hook) => new URL(hook.entry.url!).port)) {
    const port = Number(new URL(same[0]!.entry.url!).port);
    if (app.port === port) continue;
    const setupAt = (p: number | string) => `"ccbell setup --http --instance ${name} --port ${p}"`;
    findings.push(
      app.from === 'none'
        ? {
            ok: false,
            what: `${where} go to port ${port}, but "${name}" has no fixed port (no appPort in ${instance.config_path}): its next app picks another one and ${listEvents(same)} fail`,
            fix: `run ${setupAt(port)} (it records appPort ${port})`,
          }
        : {
            ok: false,
            what: `${where} go to port ${port}, but ${app.from === 'app' ? `its app listens on ${app.port}` : `its app will listen on ${app.port} (appPort in ${instance.config_path})`}: ${listEvents(same)} fail`,
            fix: `run ${setupAt(app.port!)}`,
          },
    );
  }
  for (const same of groupBy(http, (hook) => tokenVariable(hook) ?? '')) {
    const variable = tokenVariable(same[0]!);
    if (!variable) continue;
    const token = readToken(instance);
    // Claude Code's settings `env` wins over the shell's (seen with 2.1.330).
    const value = Object.hasOwn(settingsEnv, variable) ? settingsEnv[variable] : env[variable];
    const export_ = `add to your shell profile: export ${variable}="$(cat ${hookTokenPath(instance)})", then start Claude Code from a new shell`;
    if (!value) {
      findings.push({
        ok: false,
        what: `${where} send the token in $${variable}, which is not set in this environment: Claude Code started from here gets 401 for ${listEvents(same)}`,
        fix: export_,
      });
    } else if (token !== undefined && value !== token) {
      findings.push({
        ok: false,
        what: `${where} send $${variable}, which does not hold the token of "${name}" (${hookTokenPath(instance)}): every event gets 401`,
        fix: export_,
      });
    }
  }
  if (findings.length === 0 && !readRunningApp(instance.pid_path)) {
    findings.push({
      ok: false,
      warn: true,
      what: `${where} need its app, which is not running: until it runs, Claude Code reports "hook failed"`,
      fix: `start it: "ccbell app --instance ${name}"`,
    });
  }
  // Written by a ccbell before the place headers (docs/focus.md): the app cannot tell where
  // these sessions live.
  const placeless = http.filter((hook) => !carriesPlace(hook));
  if (placeless.length > 0) {
    findings.push({
      ok: false,
      warn: true,
      what: `${where} do not say where the session's terminal is (written by an older ccbell): "Go to session" and a notification's click cannot reach those sessions`,
      fix: `run "ccbell setup --http --instance ${name} --port ${new URL(placeless[0]!.entry.url!).port}" again (or "ccbell service install" if it wrote them)`,
    });
  }
  return findings;
}

/** Events wired more than once: each wiring plays its own sound. */
function duplicates(hooks: WiredHook[]): Finding[] {
  const byTrigger = new Map<string, WiredHook[]>();
  for (const hook of hooks) {
    for (const trigger of new Set(triggersOf(hook)))
      byTrigger.set(trigger, [...(byTrigger.get(trigger) ?? []), hook]);
  }
  const wirer = (hook: WiredHook) =>
    `"${hook.instance}" ${hook.origin.kind === 'plugin' ? 'by' : 'in'} ${describeOrigin(hook.origin)}`;
  const doubled = [...byTrigger].filter(([, wired]) => wired.length > 1);
  return groupBy(doubled, ([, wired]) => wired.map(wirer).join(' | ')).map((group) => {
    const wired = group[0]![1];
    const triggers = group.map(([trigger]) => trigger);
    const shown =
      triggers.length > 3
        ? `${triggers.slice(0, 3).join(', ')} and ${triggers.length - 3} more`
        : triggers.join(', ');
    const wirers = [...new Set(wired.map(wirer))];
    const sameInstance = new Set(wired.map((hook) => hook.instance)).size === 1;
    // The settings' wiring is named first: removing it is ccbell's own command.
    const removals = [
      ...new Set(
        [...wired]
          .sort((a, b) => Number(a.origin.kind === 'plugin') - Number(b.origin.kind === 'plugin'))
          .map((hook) => removalAdvice(hook.origin, hook.instance)),
      ),
    ];
    return {
      ok: false,
      warn: true,
      what: `${shown} ${wirers.length === 1 ? `wired ${wired.length} times by ${wirers[0]}` : `wired ${wired.length} times: ${wirers.join(' and ')}`}: ${sameInstance ? 'each sound plays twice' : 'each instance plays its own sound'}`,
      fix:
        wirers.length === 1
          ? `run "ccbell setup --instance ${wired[0]!.instance}" (it writes each hook once)`
          : `keep one: ${removals.join(', or ')}`,
    };
  });
}

/**
 * doctor's findings about the hooks Claude Code will run: files it cannot read, hooks of
 * instances that are gone, node or CLI paths that are gone, http hooks whose port or token
 * cannot work, and events wired twice.
 */
export function hookFindings(
  wiring: Wiring,
  instances: InstanceLookup,
  current: Current,
  env: NodeJS.ProcessEnv,
): Finding[] {
  const findings: Finding[] = wiring.unreadable.map(({ path, problem }) => ({
    ok: false,
    what: `${path}: ${problem}`.replace(`${path}: ${path}: `, `${path}: `),
    fix: 'fix the file (ccbell will not touch it); until then doctor cannot check the hooks in it',
  }));
  const known = wiring.hooks.filter((hook) => instances.find(hook.instance));
  for (const group of groupBy(wiring.hooks, (hook) => `${hook.origin.path}\n${hook.instance}`)) {
    const instance = instances.find(group[0]!.instance);
    if (!instance) {
      findings.push(unknownInstance(group));
      continue;
    }
    findings.push(...stalePaths(group, current), ...httpFindings(group, instance, env, wiring.settingsEnv));
  }
  findings.push(...duplicates(known));
  return findings;
}
