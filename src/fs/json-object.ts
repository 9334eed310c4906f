import { ConfigError } from '../errors.js';

/**
 * The JSON object a person's file holds (a config, Claude Code's settings); anything else is a
 * ConfigError naming the file, so that the caller leaves the file as it is.
 */
export function parseJsonObject(path: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      path,
      '',
      `is not valid JSON (${(error as Error).message}); fix it, ccbell will not touch it`,
      {
        cause: error,
      },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(path, '', 'must hold a JSON object; ccbell will not touch it');
  }
  return value as Record<string, unknown>;
}
