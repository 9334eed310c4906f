// The hook's view of where a session works: which instance a `projects` rule chooses, and the
// config a project file and the rules give there. Kept apart from hook.ts so the common path
// (no rules, no project file) reads as one cheap check.
import { configForPlace, findProjectFile, matchProjectRule, type Place } from '../config/index.js';
import { gitBranch } from '../events/labels.js';
import { DEFAULT_INSTANCE } from '../instance/names.js';
import type { ParsedArgs } from './args.js';
import type { CliContext } from './context.js';
import { type InstanceContext, instanceNamed, openInstance } from './instance-context.js';

/**
 * Whether this session's place can change anything: the instance's config has `projects` rules,
 * or a project file lies on the walk up from `cwd`. Costs a few stat calls when neither.
 */
export function placeMatters(opened: InstanceContext, cwd: string, env: NodeJS.ProcessEnv): boolean {
  return opened.loaded.config.projects !== undefined || findProjectFile(cwd, env.HOME) !== undefined;
}

/** The place of a session in `cwd`; the branch is read only when a rule asks about branches. */
export function placeOf(opened: InstanceContext, cwd: string, env: NodeJS.ProcessEnv): Place {
  const needsBranch = opened.loaded.config.projects?.some((rule) => rule.branch !== undefined);
  return { cwd, home: env.HOME, branch: needsBranch ? gitBranch(cwd) : undefined };
}

/**
 * The instance and config for a session at `cwd`. A `projects` rule of the opened instance's
 * config (the default instance's, when neither `--instance` nor $CCBELL_INSTANCE names one)
 * may choose another instance; then that instance's config, its project file and its own rules
 * apply. An instance that does not exist is logged and the default kept.
 */
export function placeInstance(
  opened: InstanceContext,
  cwd: string,
  args: ParsedArgs,
  context: CliContext,
): InstanceContext {
  let current = opened;
  let place = placeOf(current, cwd, context.env);
  if (!instanceNamed(args, context) && current.instance.name === DEFAULT_INSTANCE) {
    const chosen = matchProjectRule(current.loaded.config, cwd, place.branch, place.home)?.instance;
    if (chosen !== undefined && chosen !== DEFAULT_INSTANCE) {
      try {
        current = openInstance(args, context, {}, chosen);
        place = placeOf(current, cwd, context.env);
      } catch (error) {
        opened.logger.warn(
          `projects rule for ${cwd} chose instance "${chosen}": ${(error as Error).message}`,
        );
      }
    }
  }
  const placed = configForPlace(current.loaded, place);
  if (placed.projectFile)
    for (const refused of placed.projectFile.refused)
      current.logger.debug(
        `project file ${placed.projectFile.path}: ${refused.field || '(file)'} refused: ${refused.problem}`,
      );
  if (placed.config === current.loaded.config) return current;
  return { ...current, loaded: { ...current.loaded, config: placed.config } };
}
