import { ccbellHooks, mergeHooks, readSettings, userSettingsPath, withoutInstanceHooks, writeSettings } from '../../claude/index.js';
import { loadConfig } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import { claudeConfigDir, resolveInstance, selectInstanceName } from '../../instance/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';

/**
 * `ccbell setup [--instance NAME] [--approvals] [--print] [--remove]`: installs (or removes)
 * this instance's hooks in Claude Code's user settings, keeping every other hook and setting.
 */
export async function runSetup(args: ParsedArgs, context: CliContext): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  if (args.flags.http) {
    throw new UsageError('http hooks go to a running app: start "ccbell app" and see its page for "setup --http"');
  }
  const instance = resolveInstance(selectInstanceName(stringFlag(args, 'instance'), context.env), context.env);
  const plan = {
    instance: instance.name,
    nodePath: process.execPath,
    cliPath: context.cliPath,
    approvals: args.flags.approvals === true,
    approvalTimeoutSeconds: loadConfig(instance.config_path).config.approvalTimeoutSeconds,
  };
  const ours = ccbellHooks(plan);
  if (args.flags.print) {
    context.stdout(`${JSON.stringify({ hooks: ours }, null, 2)}\n`);
    return 0;
  }
  const file = readSettings(userSettingsPath(claudeConfigDir(context.env)));
  const hooks = file.settings.hooks ?? {};
  const nextHooks = args.flags.remove ? withoutInstanceHooks(hooks, instance.name) : mergeHooks(hooks, ours, instance.name);
  const next = { ...file.settings, hooks: nextHooks };
  if (Object.keys(nextHooks).length === 0) delete (next as { hooks?: unknown }).hooks;
  if (JSON.stringify(next) === JSON.stringify(file.settings)) {
    context.stdout(`${file.path} already ${args.flags.remove ? 'has no' : 'has the'} ccbell hooks of "${instance.name}"\n`);
    return 0;
  }
  const backup = writeSettings(file, next);
  const done = args.flags.remove ? 'removed the ccbell hooks of' : 'installed the ccbell hooks of';
  context.stdout(`${done} "${instance.name}" in ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`);
  return 0;
}
