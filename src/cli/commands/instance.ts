import { existsSync } from 'node:fs';
import {
  readSettings,
  type SettingsFile,
  userSettingsPath,
  withoutInstanceHooks,
  writeSettings,
} from '../../claude/index.js';
import { loadConfig } from '../../config/index.js';
import { messageOf, UsageError } from '../../errors.js';
import {
  claudeConfigDir,
  copyInstance,
  createInstance,
  defaultInstancePaths,
  type InstanceConfig,
  type InstanceStatus,
  instanceStatus,
  listInstanceStatuses,
  removeInstance,
  resolveInstance,
} from '../../instance/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE =
  'usage: ccbell instance list|show NAME|create NAME [--config FILE]|copy SRC DST|remove NAME [--json]';

function describe(status: InstanceStatus): string {
  const running = status.app
    ? `running (app pid ${status.app.pid}, id ${status.app.runtimeId})`
    : 'not running';
  return [
    `${status.name}: ${running}`,
    `  config: ${status.config_path}${status.configExists ? '' : ' (none yet: defaults)'}`,
    `  state:  ${status.state_path}`,
    `  cache:  ${status.cache_dir}`,
    `  log:    ${status.log_path}`,
    `  pid:    ${status.pid_path}`,
    ...(status.app?.url ? [`  page:   ${status.app.url.replace(/token=[^&]+/, 'token=…')}`] : []),
  ].join('\n');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, (key, v) => (key === 'hookToken' || key === 'url' ? undefined : v), 2)}\n`;
}

/**
 * Checks a new instance's config as `doctor` would and names each problem on stderr, in
 * doctor's words: the instance is created all the same (a broken setting means its default,
 * as in every run), but the person learns now, not from a hook that sounds wrong.
 */
function reportConfigProblems(instance: InstanceConfig, context: CliContext): void {
  const loaded = loadConfig(instance.config_path);
  if (loaded.problems.length === 0) return;
  for (const { field, problem } of loaded.problems) {
    context.stderr(`ccbell: config ${loaded.path}: ${field ? `${field} ` : ''}${problem}\n`);
  }
  context.stderr(
    `ccbell: instance "${instance.name}" uses the defaults for ${loaded.problems.length === 1 ? 'this' : 'these'} until the file is fixed ("ccbell doctor --instance ${instance.name}" checks it)\n`,
  );
}

function readSettingsForRemoval(name: string, env: NodeJS.ProcessEnv): SettingsFile {
  try {
    return readSettings(userSettingsPath(claudeConfigDir(env)));
  } catch (error) {
    throw new UsageError(
      `instance "${name}" not removed: ${messageOf(error)}; its hooks there must go with it, so fix the file first (or remove it and run "ccbell setup --remove --instance ${name}" once it is fixed)`,
      { cause: error },
    );
  }
}

/** Takes the removed instance's hooks out of the user's settings, with a backup. */
function removeHooksOf(name: string, file: SettingsFile, context: CliContext): boolean {
  const hooks = file.settings.hooks ?? {};
  const nextHooks = withoutInstanceHooks(hooks, name);
  const next = { ...file.settings, hooks: nextHooks };
  if (Object.keys(nextHooks).length === 0) delete (next as { hooks?: unknown }).hooks;
  if (JSON.stringify(next) === JSON.stringify(file.settings)) return true;
  try {
    const backup = writeSettings(file, next);
    context.stdout(
      `removed its ccbell hooks from ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`,
    );
    return true;
  } catch (error) {
    context.stderr(
      `ccbell: could not remove the hooks of "${name}" from ${file.path} (${messageOf(error)}); run "ccbell setup --remove --instance ${name}"\n`,
    );
    return false;
  }
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}; ${USAGE}`);
  return value;
}

/** `ccbell instance …` (and the seed's `ccbell --instance …`): manage named instances. */
export async function runInstance(args: ParsedArgs, context: CliContext): Promise<number> {
  const [action, first, second, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; ${USAGE}`);
  const asJson = args.flags.json === true;
  const { env, stdout } = context;
  switch (action) {
    case 'list': {
      const all = listInstanceStatuses(env);
      stdout(asJson ? json(all) : `${all.map(describe).join('\n')}\n`);
      return 0;
    }
    case 'show': {
      const status = instanceStatus(resolveInstance(need(first, 'instance name'), env));
      stdout(asJson ? json(status) : `${describe(status)}\n`);
      return 0;
    }
    case 'create': {
      const name = need(first, 'instance name');
      const fromConfig = stringFlag(args, 'config');
      // A config left by an earlier instance of this name (remove keeps files) is used again.
      const left = !fromConfig && existsSync(defaultInstancePaths(name, claudeConfigDir(env)).config_path);
      const created = createInstance(name, fromConfig, env, { reuseConfig: true });
      stdout(
        left
          ? `created instance "${created.name}" with the config already at ${created.config_path} (left by an earlier "${created.name}"; to start from the defaults, remove that file first)\n`
          : `created instance "${created.name}" with config ${created.config_path}\n`,
      );
      reportConfigProblems(created, context);
      return 0;
    }
    case 'copy': {
      const created = copyInstance(need(first, 'source instance'), need(second, 'new instance name'), env);
      stdout(`copied the config of "${first}" to new instance "${created.name}" (${created.config_path})\n`);
      reportConfigProblems(created, context);
      return 0;
    }
    case 'remove': {
      const name = need(first, 'instance name');
      // Its hooks go with it, else every session reports "unknown instance". The settings are
      // read first: a broken file stops the removal before anything changed.
      const settings = readSettingsForRemoval(name, env);
      const removed = removeInstance(name, env);
      stdout(
        `removed instance "${removed.name}" from the registry; its files are kept (${removed.config_path})\n`,
      );
      return removeHooksOf(name, settings, context) ? 0 : 1;
    }
    default:
      throw new UsageError(action ? `unknown instance command "${action}"; ${USAGE}` : USAGE);
  }
}
