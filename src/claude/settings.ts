import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseJsonObject, RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';
import type { HooksSection } from './hooks.js';

/** Claude Code's user settings file, where `ccbell setup` installs hooks. */
export function userSettingsPath(claudeDir: string): string {
  return join(claudeDir, 'settings.json');
}

export interface SettingsFile {
  path: string;
  exists: boolean;
  settings: Record<string, unknown> & { hooks?: HooksSection };
}

/** Reads settings; a broken file is an error naming it, so it is never overwritten. */
export function readSettings(path: string): SettingsFile {
  let text: string;
  try {
    // Claude Code's settings are its own: a FIFO or device there is named, never waited on.
    text = readRegularFile(path, { maxBytes: 16 * 1024 * 1024 }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path, '', error.problem, { cause: error });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, exists: false, settings: {} };
    throw new ConfigError(path, '', 'cannot be read', { cause: error });
  }
  if (text.trim() === '') return { path, exists: true, settings: {} };
  const value = parseJsonObject(path, text);
  const hooks = value.hooks;
  if (hooks !== undefined && (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))) {
    throw new ConfigError(path, 'hooks', 'must be an object of hook events');
  }
  return { path, exists: true, settings: value as SettingsFile['settings'] };
}

/**
 * Writes settings atomically, keeping the previous file as `<path>.ccbell-backup` and its mode
 * (`privateMode`: without any group or other access, for settings that hold a secret).
 * Returns the backup's path when there was a file to back up.
 */
export function writeSettings(
  file: SettingsFile,
  settings: SettingsFile['settings'],
  options: { privateMode?: boolean } = {},
): string | undefined {
  mkdirSync(dirname(file.path), { recursive: true, mode: 0o700 });
  let backup: string | undefined;
  let mode = 0o600;
  if (file.exists) {
    backup = `${file.path}.ccbell-backup`;
    copyFileSync(file.path, backup);
    mode = statSync(file.path).mode & 0o777;
  }
  if (options.privateMode) mode &= 0o700;
  writeFileAtomic(file.path, `${JSON.stringify(settings, null, 2)}\n`, { mode, durable: true });
  return backup;
}
