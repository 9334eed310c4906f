import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import { readRegularFile } from '../../fs/index.js';
import type { InstanceConfig } from '../../instance/index.js';
import { writeFileAtomic } from '../../state/index.js';
import { makeToken } from './security.js';

/** Where an instance keeps the bearer token of its http hooks (private to the user). */
export function hookTokenPath(instance: InstanceConfig): string {
  return join(instance.cache_dir, 'hook-token');
}

const uid = () => process.getuid?.();

/**
 * Makes the instance's cache directory if missing, and refuses one that another user owns or
 * that every user may write to: whoever can write there can swap the token file.
 */
function privateCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = statSync(dir);
  const me = uid();
  if (!stats.isDirectory()) throw new EnvironmentError(`cache directory ${dir} is not a directory`);
  if (me !== undefined && stats.uid !== me) {
    throw new EnvironmentError(
      `cache directory ${dir} is owned by uid ${stats.uid}, not by this user (uid ${me})`,
    );
  }
  // Group write is left to the person (a umask of 002 gives it to a group of one); world write is not.
  if ((stats.mode & 0o002) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw new EnvironmentError(
      `cache directory ${dir} has mode ${mode}, writable by every user; chmod 700 ${dir}`,
    );
  }
}

/**
 * The token in the file at `path` when the file can be trusted: a regular file (not a link, not
 * a FIFO), owned by this user, mode 0600, holding a token of full length. Undefined otherwise.
 */
function trustedToken(path: string): string | undefined {
  try {
    const { text, stats } = readRegularFile(path, { maxBytes: 4096, followSymlinks: false });
    const me = uid();
    if (me !== undefined && stats.uid !== me) return undefined;
    if ((stats.mode & 0o777) !== 0o600) return undefined;
    const token = text.trim();
    return token.length >= 32 ? token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The instance's http hook token. It outlives one app run so that hooks installed by
 * `ccbell setup --http` keep working when the app restarts; made on first use. A token file
 * that cannot be trusted (see trustedToken) is replaced by a new one, by rename: whatever was
 * at the path (another user's file, a link, a FIFO) is neither used, nor followed, nor written.
 */
export function instanceHookToken(instance: InstanceConfig): string {
  const path = hookTokenPath(instance);
  privateCacheDir(instance.cache_dir);
  const kept = trustedToken(path);
  if (kept) return kept;
  const token = makeToken();
  try {
    writeFileAtomic(path, `${token}\n`, { mode: 0o600, durable: true });
  } catch (error) {
    // A directory at the path cannot be renamed over (EISDIR, ENOTEMPTY).
    throw new EnvironmentError(`cannot write the hook token ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return token;
}
