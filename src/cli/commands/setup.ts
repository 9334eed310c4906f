import { instanceHookToken } from '../../app/web/hook-token.js';
import {
  ccbellHooks,
  type HookPlan,
  mergeHooks,
  readSettings,
  userSettingsPath,
  withoutInstanceHooks,
  writeSettings,
} from '../../claude/index.js';
import { loadConfig } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import { claudeConfigDir } from '../../instance/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/**
 * `ccbell setup [--instance NAME] [--approvals] [--print] [--remove]`: installs (or removes)
 * this instance's hooks in Claude Code's user settings, keeping every other hook and setting.
 */
export async function runSetup(args: ParsedArgs, context: CliContext): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const instance = selectedInstance(args, context);
  const config = loadConfig(instance.config_path).config;
  const plan: HookPlan = {
    instance: instance.name,
    nodePath: process.execPath,
    cliPath: context.cliPath,
    approvals: args.flags.approvals === true,
    approvalTimeoutSeconds: config.approvalTimeoutSeconds,
  };
  if (args.flags.http && !args.flags.remove) {
    const port = stringFlag(args, 'port') ? Number(stringFlag(args, 'port')) : config.appPort;
    if (!port || !Number.isInteger(port) || port < 1024 || port > 65535) {
      throw new UsageError(
        `http hooks need the app on a fixed port: set "appPort" in ${instance.config_path} or pass --port N (1024-65535)`,
      );
    }
    plan.http = { hooksUrl: `http://127.0.0.1:${port}/hooks`, tokenEnv: hookTokenEnv(instance.name) };
  }
  const ours = ccbellHooks(plan);
  if (args.flags.print) {
    context.stdout(`${JSON.stringify({ hooks: ours }, null, 2)}\n`);
    return 0;
  }
  const file = readSettings(userSettingsPath(claudeConfigDir(context.env)));
  const hooks = file.settings.hooks ?? {};
  const nextHooks = args.flags.remove
    ? withoutInstanceHooks(hooks, instance.name)
    : mergeHooks(hooks, ours, instance.name);
  const next = { ...file.settings, hooks: nextHooks };
  if (Object.keys(nextHooks).length === 0) delete (next as { hooks?: unknown }).hooks;
  if (JSON.stringify(next) === JSON.stringify(file.settings)) {
    context.stdout(
      `${file.path} already ${args.flags.remove ? 'has no' : 'has the'} ccbell hooks of "${instance.name}"\n`,
    );
    return 0;
  }
  const backup = writeSettings(file, next);
  if (plan.http) {
    context.stdout(
      `http hooks reach the app of "${instance.name}" at ${plan.http.hooksUrl} while it runs ("ccbell app --instance ${instance.name}").\n` +
        `Claude Code fills in the bearer token from $${plan.http.tokenEnv}; add to your shell profile:\n` +
        `  export ${plan.http.tokenEnv}=${instanceHookToken(instance)}\n`,
    );
  }
  const done = args.flags.remove ? 'removed the ccbell hooks of' : 'installed the ccbell hooks of';
  context.stdout(
    `${done} "${instance.name}" in ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`,
  );
  return 0;
}

/** The variable that holds an instance's http hook token in Claude Code's environment. */
export function hookTokenEnv(instance: string): string {
  return `CCBELL_HOOK_TOKEN_${instance.toUpperCase().replace(/-/g, '_')}`;
}
