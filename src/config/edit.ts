import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';

/**
 * Sets one top-level field of the config at `path`, keeping every other field as it is (and the
 * file's mode); a missing file becomes `{ key: value }`. A file that is not a JSON object is
 * refused with its path, never replaced. The write is atomic.
 */
export function setConfigField(path: string, key: string, value: unknown): void {
  let text: string | undefined;
  let mode = 0o600;
  try {
    text = readRegularFile(path, { maxBytes: 1024 * 1024 }).text;
    mode = statSync(path).mode & 0o777;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path, '', error.problem, { cause: error });
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(path, '', `cannot be read (${(error as Error).message})`, { cause: error });
    }
  }
  let config: Record<string, unknown> = {};
  if (text !== undefined && text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        path,
        '',
        `is not valid JSON (${(error as Error).message}); fix it first, ccbell will not rewrite it`,
        { cause: error },
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(path, '', 'must hold a JSON object; fix it first, ccbell will not rewrite it');
    }
    config = parsed as Record<string, unknown>;
  }
  if (JSON.stringify(config[key]) === JSON.stringify(value)) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomic(path, `${JSON.stringify({ ...config, [key]: value }, null, 2)}\n`, { mode, durable: true });
}
