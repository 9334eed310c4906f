import { UsageError } from '../errors.js';

/** Words the seed's spelling (`ccbell --instance list`) reads as commands, so no instance may use them. */
export const INSTANCE_COMMAND_WORDS = ['list', 'create', 'copy', 'remove', 'show'] as const;

/** The instance every existing ccbell setup already is: original file names, no registry needed. */
export const DEFAULT_INSTANCE = 'default';

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Why `name` cannot be an instance name, or undefined when it can. Names become file names. */
export function instanceNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 64) return `is ${name.length} characters long (at most 64)`;
  if (!NAME_PATTERN.test(name)) return 'may hold only letters, digits, "-" and "_"';
  if ((INSTANCE_COMMAND_WORDS as readonly string[]).includes(name)) return 'is a command word';
  return undefined;
}

/** Checks a user-given instance name; throws a UsageError that quotes it and says why. */
export function assertInstanceName(name: string): string {
  const problem = instanceNameProblem(name);
  if (problem) {
    throw new UsageError(
      `invalid instance name ${JSON.stringify(name.slice(0, 80))}: it ${problem}; ` +
        `use letters, digits, "-" and "_" (at most 64), not one of ${INSTANCE_COMMAND_WORDS.join(', ')}`,
    );
  }
  return name;
}
