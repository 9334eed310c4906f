import { describeProblems, type LoadedConfig, loadConfig, type ValidateOptions } from '../config/index.js';
import { type InstanceConfig, resolveInstance, selectInstanceName } from '../instance/index.js';
import { type Logger, openLogger } from '../log/index.js';
import { type ParsedArgs, stringFlag } from './args.js';
import type { CliContext } from './context.js';

/** What a command working for one instance starts from: its files, its config, its log. */
export interface InstanceContext {
  instance: InstanceConfig;
  loaded: LoadedConfig;
  logger: Logger;
}

/** Whether `--instance` or $CCBELL_INSTANCE names the instance (then `projects` rules do not choose it). */
export function instanceNamed(args: ParsedArgs, context: CliContext): boolean {
  return stringFlag(args, 'instance') !== undefined || Boolean(context.env.CCBELL_INSTANCE);
}

/** The files of the instance this command is for: `--instance`, else `$CCBELL_INSTANCE`, else `default`. */
export function selectedInstance(args: ParsedArgs, context: CliContext): InstanceConfig {
  return resolveInstance(selectInstanceName(stringFlag(args, 'instance'), context.env), context.env);
}

/**
 * Opens the selected instance (`--instance`, `$CCBELL_INSTANCE`, `default`) with its config
 * (or `--config` for this run) and log; a broken config is reported once, on stderr and in the
 * log, and so is a `--config` file that is not there (the instance's own config may be missing:
 * defaults are its normal state). `options.checkRule` also checks permission rules (the app's;
 * hooks do not load the rule parser).
 */
export function openInstance(
  args: ParsedArgs,
  context: CliContext,
  options: ValidateOptions = {},
  /** An instance chosen otherwise (a `projects` rule), instead of the flag and the environment. */
  chosen?: string,
): InstanceContext {
  const instance =
    chosen === undefined ? selectedInstance(args, context) : resolveInstance(chosen, context.env);
  const given = stringFlag(args, 'config');
  const loaded = loadConfig(given ?? instance.config_path, options);
  const logger = openLogger(instance.log_path, loaded.config.debug);
  const problem =
    given !== undefined && !loaded.exists
      ? `config ${loaded.path} (--config) does not exist; using defaults`
      : describeProblems(loaded);
  if (problem) {
    context.stderr(`ccbell: ${problem}\n`);
    logger.warn(problem);
  }
  return { instance, loaded, logger };
}
