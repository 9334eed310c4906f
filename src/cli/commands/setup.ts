import { instanceHookToken } from '../../app/web/hook-token.js';
import {
  ccbellHooks,
  type HookPlan,
  hookTokenEnv,
  mergeHooks,
  onlyInstanceHooks,
  readSettings,
  userSettingsPath,
  withoutInstanceHooks,
  writeSettings,
} from '../../claude/index.js';
import { type ConfigEdit, loadConfig, readConfigForEdit, writeConfigField } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import { claudeConfigDir, selectInstanceName } from '../../instance/index.js';
import { type ParsedArgs, portFlag, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/** Kept for callers of the earlier place; the rule lives in src/claude/token-env.ts. */
export { hookTokenEnv };

/**
 * `ccbell setup --remove [--instance NAME] [--print]`: takes the instance's hooks out of the
 * user's settings. Works for an instance that no longer exists (its hooks may outlive it).
 */
async function runRemove(args: ParsedArgs, context: CliContext): Promise<number> {
  const name = selectInstanceName(stringFlag(args, 'instance'), context.env);
  const file = readSettings(userSettingsPath(claudeConfigDir(context.env)));
  const hooks = file.settings.hooks ?? {};
  if (args.flags.print) {
    context.stdout(
      `${JSON.stringify({ file: file.path, remove: onlyInstanceHooks(hooks, name) }, null, 2)}\n`,
    );
    return 0;
  }
  const nextHooks = withoutInstanceHooks(hooks, name);
  const next = { ...file.settings, hooks: nextHooks };
  if (Object.keys(nextHooks).length === 0) delete (next as { hooks?: unknown }).hooks;
  if (JSON.stringify(next) === JSON.stringify(file.settings)) {
    context.stdout(`${file.path} already has no ccbell hooks of "${name}"\n`);
    return 0;
  }
  const backup = writeSettings(file, next);
  context.stdout(
    `removed the ccbell hooks of "${name}" in ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`,
  );
  return 0;
}

/**
 * `ccbell setup [--instance NAME] [--approvals] [--http [--port N]] [--print] [--remove]`:
 * installs (or removes) this instance's hooks in Claude Code's user settings, keeping every
 * other hook and setting. `--http --port N` also records N as the instance's appPort, so that
 * its app listens where the hooks send.
 */
export async function runSetup(args: ParsedArgs, context: CliContext): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  if (args.flags.remove) return runRemove(args, context);
  const instance = selectedInstance(args, context);
  const config = loadConfig(instance.config_path).config;
  const plan: HookPlan = {
    instance: instance.name,
    nodePath: process.execPath,
    cliPath: context.cliPath,
    approvals: args.flags.approvals === true,
    approvalTimeoutSeconds: config.approvalTimeoutSeconds,
  };
  let recordPort: { edit: ConfigEdit; port: number } | undefined;
  if (args.flags.http) {
    const given = portFlag(args);
    const port = given ?? config.appPort;
    if (!port) {
      throw new UsageError(
        `http hooks need the app on a fixed port: pass --port N (1024-65535; it is recorded as "appPort" in ${instance.config_path})`,
      );
    }
    // Read (and refuse a broken config) before anything is written.
    if (given !== undefined && !args.flags.print)
      recordPort = { edit: readConfigForEdit(instance.config_path), port: given };
    plan.http = { hooksUrl: `http://127.0.0.1:${port}/hooks`, tokenEnv: hookTokenEnv(instance.name) };
  } else if (args.flags.port !== undefined) {
    throw new UsageError('--port goes with --http (the port the http hooks send to)');
  }
  const ours = ccbellHooks(plan);
  if (args.flags.print) {
    context.stdout(`${JSON.stringify({ hooks: ours }, null, 2)}\n`);
    return 0;
  }
  const file = readSettings(userSettingsPath(claudeConfigDir(context.env)));
  const nextHooks = mergeHooks(file.settings.hooks ?? {}, ours, instance.name);
  const next = { ...file.settings, hooks: nextHooks };
  const unchanged = JSON.stringify(next) === JSON.stringify(file.settings);
  const backup = unchanged ? undefined : writeSettings(file, next);
  if (recordPort && writeConfigField(recordPort.edit, 'appPort', recordPort.port)) {
    const was = recordPort.edit.fields.appPort;
    context.stdout(
      `recorded appPort ${recordPort.port} in ${instance.config_path}${was === undefined ? '' : ` (was ${JSON.stringify(was)})`}: "ccbell app --instance ${instance.name}" listens there\n`,
    );
  }
  if (plan.http) {
    context.stdout(
      `http hooks reach the app of "${instance.name}" at ${plan.http.hooksUrl} while it runs ("ccbell app --instance ${instance.name}").\n` +
        `Claude Code fills in the bearer token from $${plan.http.tokenEnv}; add to your shell profile:\n` +
        `  export ${plan.http.tokenEnv}=${instanceHookToken(instance)}\n`,
    );
  }
  context.stdout(
    unchanged
      ? `${file.path} already has the ccbell hooks of "${instance.name}"\n`
      : `installed the ccbell hooks of "${instance.name}" in ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`,
  );
  return 0;
}
