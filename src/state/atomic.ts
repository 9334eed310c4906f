import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` with `data` so that readers see the old file or the new one, never a part:
 * write a temporary file beside it, then rename over. `durable` adds an fsync, for files a
 * person wrote (settings, config); the cooldown state skips it to stay fast.
 */
export function writeFileAtomic(
  path: string,
  data: string,
  options: { mode?: number; durable?: boolean } = {},
) {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const fd = openSync(temp, 'wx', options.mode ?? 0o600);
  try {
    writeSync(fd, data);
    if (options.durable) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
