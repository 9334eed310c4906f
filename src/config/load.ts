import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { type Config, defaultConfig } from './schema.js';
import { type ConfigProblem, type ValidateOptions, validateConfig } from './validate.js';

/** A config as loaded: what to use, where it came from, and what was wrong with the file. */
export interface LoadedConfig {
  config: Config;
  path: string;
  exists: boolean;
  problems: ConfigProblem[];
  /** The file's JSON, when it held an object: per-project rules are merged into it (issue 11). */
  raw?: Record<string, unknown>;
}

/** The largest config ccbell reads; a real one is a few KB. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * Reads the config at `path`. A missing file means defaults; a broken one means defaults for
 * what is broken, with the problems listed. Never writes: a person's file is theirs.
 */
export function loadConfig(path: string, options: ValidateOptions = {}): LoadedConfig {
  let text: string;
  try {
    // A symlinked config is a person's choice (dotfiles); a FIFO or a device is refused unread.
    text = readRegularFile(path, { maxBytes: CONFIG_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) {
      return {
        config: defaultConfig(),
        path,
        exists: true,
        problems: [{ field: '', problem: error.problem }],
      };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { config: defaultConfig(), path, exists: false, problems: [] };
    return {
      config: defaultConfig(),
      path,
      exists: true,
      problems: [{ field: '', problem: `cannot be read (${code ?? (error as Error).message})` }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      config: defaultConfig(),
      path,
      exists: true,
      problems: [{ field: '', problem: `is not valid JSON (${(error as Error).message})` }],
    };
  }
  const object =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : undefined;
  return { path, exists: true, ...validateConfig(raw, options), ...(object ? { raw: object } : {}) };
}

/** The one line a person sees about a broken config: the file, the first field, how many more. */
export function describeProblems(loaded: LoadedConfig): string | undefined {
  const [first, ...rest] = loaded.problems;
  if (!first) return undefined;
  const where = first.field ? `${loaded.path}: ${first.field}` : loaded.path;
  const more = rest.length ? ` (and ${rest.length} more; run "ccbell doctor")` : '';
  // A broken rule (`approvals.allow[2]`) is left out; any other field falls back to its default.
  const fallback = /\[\d+\]$/.test(first.field) ? 'skipping it' : 'using defaults for it';
  return `config ${where} ${first.problem}; ${fallback}${more}`;
}
