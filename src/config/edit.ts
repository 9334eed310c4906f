import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseJsonObject, RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';

/** A config file read for one change: its fields as written, or none when there is no file. */
export interface ConfigEdit {
  path: string;
  exists: boolean;
  fields: Record<string, unknown>;
}

/**
 * Reads a config to change one field of it. A broken file (not JSON, not an object, a FIFO) is
 * a ConfigError naming it, thrown before anything is written anywhere: it is never rewritten.
 */
export function readConfigForEdit(path: string): ConfigEdit {
  let text: string;
  try {
    text = readRegularFile(path, { maxBytes: 1024 * 1024 }).text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, exists: false, fields: {} };
    const problem = error instanceof RefusedFileError ? error.problem : 'cannot be read';
    throw new ConfigError(path, '', `${problem}; ccbell will not change it`, { cause: error });
  }
  return { path, exists: true, fields: parseJsonObject(path, text) };
}

/**
 * Sets one top-level field and writes the file atomically, keeping every other field (in its
 * order) and the file's mode. Returns false, writing nothing, when the field already has `value`.
 */
export function writeConfigField(edit: ConfigEdit, field: string, value: unknown): boolean {
  if (Object.hasOwn(edit.fields, field) && edit.fields[field] === value) return false;
  const next = { ...edit.fields };
  Object.defineProperty(next, field, { value, enumerable: true, writable: true, configurable: true });
  const mode = edit.exists ? statSync(edit.path).mode & 0o777 : 0o600;
  writeFileAtomic(edit.path, `${JSON.stringify(next, null, 2)}\n`, { mode, durable: true });
  return true;
}

/**
 * Sets one top-level field of the config at `path` in one step (read, check, write); a missing
 * file becomes `{ field: value }` in a new private file. A broken file is refused, never replaced.
 */
export function setConfigField(path: string, field: string, value: unknown): boolean {
  const edit = readConfigForEdit(path);
  if (!edit.exists) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return writeConfigField(edit, field, value);
}
