// I/O: the unit file on disk. ccbell replaces or removes only a file it wrote (it carries
// SERVICE_FILE_MARKER); anything else at that path is the person's and is left alone.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';
import { SERVICE_FILE_MARKER } from './unit.js';

/** What is at the unit file's path: nothing, ccbell's file (with its text), or someone else's. */
export type UnitFileState =
  | { kind: 'absent' }
  | { kind: 'ours'; text: string }
  | { kind: 'foreign'; problem: string };

export function readUnitFile(path: string): UnitFileState {
  try {
    const { text } = readRegularFile(path, { maxBytes: 256 * 1024, followSymlinks: false });
    return text.includes(SERVICE_FILE_MARKER)
      ? { kind: 'ours', text }
      : { kind: 'foreign', problem: 'was not written by ccbell' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    if (error instanceof RefusedFileError) return { kind: 'foreign', problem: error.problem };
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      return { kind: 'foreign', problem: 'is a symbolic link' };
    throw new EnvironmentError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function refuseForeign(path: string, state: UnitFileState): void {
  if (state.kind === 'foreign') {
    throw new EnvironmentError(
      `${path} ${state.problem}; ccbell leaves it alone: move it away and run this again`,
    );
  }
}

/** Writes the unit file (atomically); returns whether its text changed. Refuses a file ccbell did not write. */
export function writeUnitFile(path: string, text: string): boolean {
  const state = readUnitFile(path);
  refuseForeign(path, state);
  if (state.kind === 'ours' && state.text === text) return false;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomic(path, text, { mode: 0o644, durable: true });
  return true;
}

/** Removes the unit file when it is ccbell's; returns whether there was one. Refuses a file ccbell did not write. */
export function removeUnitFile(path: string): boolean {
  const state = readUnitFile(path);
  refuseForeign(path, state);
  if (state.kind === 'absent') return false;
  rmSync(path, { force: true });
  return true;
}
