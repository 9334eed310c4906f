// The config a session gets where it works: the instance's config, then the repository's
// `.ccbell.json` (harmless settings only), then the person's first matching `projects` rule.
// The person has the last word: their rule beats a file somebody else wrote.
import { RefusedFileError } from '../fs/index.js';
import type { LoadedConfig } from './load.js';
import { type FoundProjectFile, findProjectFile, readProjectFile } from './project-file.js';
import { matchProjectRule, mergeRaw } from './project-rules.js';
import { readProjectSettings } from './project-settings.js';
import type { Config, ProjectRule } from './schema.js';
import { type ConfigProblem, type ValidateOptions, validateConfig } from './validate.js';

/** A session's place: its working directory and git branch. */
export interface Place {
  cwd: string;
  branch?: string | undefined;
  home?: string | undefined;
}

/** What a place changed, for the log and for `ccbell doctor`. */
export interface PlacedConfig {
  config: Config;
  /** The project file that applied (or was refused as a whole), with what it may not set. */
  projectFile?: { path: string; refused: ConfigProblem[] };
  rule?: ProjectRule;
}

/** Reads a found project file; unreadable or not JSON refuses it whole, as one problem. */
function readFound(found: FoundProjectFile) {
  let text: string;
  try {
    text = readProjectFile(found);
  } catch (error) {
    const problem =
      error instanceof RefusedFileError
        ? error.problem
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    return { settings: undefined, refused: [{ field: '', problem }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      settings: undefined,
      refused: [{ field: '', problem: `is not valid JSON (${(error as Error).message})` }],
    };
  }
  return readProjectSettings(raw, found);
}

/**
 * `loaded`'s config for a session at `place`. Without a project file or a matching rule it is
 * `loaded.config` itself (nothing re-validated: the common hook path stays as it was).
 */
export function configForPlace(
  loaded: LoadedConfig,
  place: Place,
  options: ValidateOptions = {},
): PlacedConfig {
  const found = findProjectFile(place.cwd, place.home);
  const rule = matchProjectRule(loaded.config, place.cwd, place.branch, place.home);
  if (!found && !rule) return { config: loaded.config };
  let raw = loaded.raw ?? {};
  const placed: PlacedConfig = { config: loaded.config };
  if (found) {
    const { settings, refused } = readFound(found);
    placed.projectFile = { path: found.path, refused };
    if (settings) raw = mergeRaw(raw, settings.overlay);
  }
  if (rule) {
    placed.rule = rule;
    raw = mergeRaw(raw, rule.settings);
  }
  const { config, problems } = validateConfig(raw, options);
  // The person's own problems are reported with their file; new ones came from the project file.
  const own = new Set(loaded.problems.map((problem) => problem.field));
  if (placed.projectFile) {
    for (const problem of problems)
      if (!own.has(problem.field) && !problem.field.startsWith('projects'))
        placed.projectFile.refused.push(problem);
  }
  placed.config = config;
  return placed;
}
