// Internal: turns a sound setting into a safe file path, and plays a file without making the
// caller (a hook that must return at once) wait for it.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { EVENT_NAMES } from '../config/schema.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { type Launch, launchDirectly } from './launcher.js';
import { type Player, playerArgs } from './players.js';

/** A sound setting that cannot name a file: bad bundled name, relative path, `..` segment. */
export class InvalidSoundSpecError extends UsageError {
  override name = 'InvalidSoundSpecError';
  constructor(
    readonly spec: string,
    problem: string,
  ) {
    super(`sound "${spec}": ${problem}`);
  }
}

/** A well-formed sound setting whose file is missing, unreadable or not a regular file. */
export class SoundNotFoundError extends EnvironmentError {
  override name = 'SoundNotFoundError';
  constructor(
    readonly spec: string,
    readonly path: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`sound "${spec}": ${path}: ${problem}`, options);
  }
}

/** The bundled sounds scripts/make-sounds.mjs writes, one per event (`bundled:NAME`). */
export const BUNDLED_SOUNDS = EVENT_NAMES;

const BUNDLED_NAME = /^[a-z_]+$/;

function hasDotDot(file: string): boolean {
  return file.split(/[\\/]/).includes('..');
}

/**
 * The absolute, symlink-free path of the regular, readable file a sound setting names:
 * `bundled:NAME` (`<bundledDir>/NAME.wav`), `custom:/abs/path` or `/abs/path`.
 */
export function resolveSound(spec: string, bundledDir: string): string {
  let file: string;
  if (spec.startsWith('bundled:')) {
    const name = spec.slice('bundled:'.length);
    if (!BUNDLED_NAME.test(name)) {
      throw new InvalidSoundSpecError(spec, 'a bundled sound name is lower-case letters and "_" only');
    }
    file = path.join(path.resolve(bundledDir), `${name}.wav`);
  } else {
    file = spec.startsWith('custom:') ? spec.slice('custom:'.length) : spec;
    if (file === '') throw new InvalidSoundSpecError(spec, 'no file given');
    if (file.includes('\0')) throw new InvalidSoundSpecError(spec, 'the path holds a NUL byte');
    if (!path.isAbsolute(file)) {
      throw new InvalidSoundSpecError(spec, 'a sound file must be an absolute path (or bundled:NAME)');
    }
    if (hasDotDot(file)) throw new InvalidSoundSpecError(spec, 'a sound path must not contain ".."');
  }

  // Follow every symlink first, then check what it ends at: the final target must be a regular
  // file we can read (not a directory, device or FIFO, which would make a player hang).
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'no such file'
        : code === 'ELOOP'
          ? 'too many levels of symbolic links'
          : code === 'EACCES'
            ? 'permission denied'
            : `cannot be resolved (${code ?? 'unknown error'})`;
    throw new SoundNotFoundError(spec, file, problem, { cause: error });
  }
  const shown = real === file ? file : `${file} (→ ${real})`;
  let isFile: boolean;
  try {
    isFile = statSync(real).isFile();
  } catch (error) {
    throw new SoundNotFoundError(spec, shown, 'cannot be read', { cause: error });
  }
  if (!isFile) throw new SoundNotFoundError(spec, shown, 'not a regular file');
  try {
    accessSync(real, constants.R_OK);
  } catch (error) {
    throw new SoundNotFoundError(spec, shown, 'not readable', { cause: error });
  }
  return real;
}

/**
 * Starts `player` on `file` in its own process group and returns at once: the child outlives
 * the caller, and a player that fails to start (ENOENT, EACCES) is reported to `onError`, never
 * thrown, so a hook cannot crash on it.
 */
export function playSound(options: {
  player: Player;
  file: string;
  volume: number;
  onError?: (error: Error) => void;
  /** How the player is started (the app's launcher shell); default a direct spawn. */
  launch?: Launch;
}): void {
  const { player, file, volume, onError } = options;
  (options.launch ?? launchDirectly)(player.path, playerArgs(player, file, volume), (error) =>
    onError?.(error),
  );
}
