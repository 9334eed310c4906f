import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  mode?: number;
  durable?: boolean;
}

/** A temporary file beside its target, opened ahead of the write that will replace the target. */
export interface PreparedWrite {
  /** Writes `data` and renames the temporary file over the target. */
  commit(data: string): void;
  /** Removes the temporary file; nothing is replaced. Harmless after commit. */
  abandon(): void;
}

/**
 * Opens the temporary file of an atomic write of `path` now, so that the write itself is a
 * write and a rename: the cooldown state creates its file before taking the lock, which
 * keeps the part every other hook of a burst waits for short.
 */
export function prepareAtomicWrite(path: string, options: AtomicWriteOptions = {}): PreparedWrite {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  let fd: number | undefined = openSync(temp, 'wx', options.mode ?? 0o600);
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  return {
    commit(data) {
      if (fd === undefined) throw new Error(`${temp} was already committed or abandoned`);
      try {
        writeSync(fd, data);
        if (options.durable) fsyncSync(fd);
        close();
        renameSync(temp, path);
      } catch (error) {
        try {
          close();
        } catch {}
        rmSync(temp, { force: true });
        throw error;
      }
    },
    abandon() {
      if (fd === undefined) return;
      close();
      rmSync(temp, { force: true });
    },
  };
}

/**
 * Replaces `path` with `data` so that readers see the old file or the new one, never a part:
 * write a temporary file beside it, then rename over. `durable` adds an fsync, for files a
 * person wrote (settings, config); the cooldown state skips it to stay fast.
 */
export function writeFileAtomic(path: string, data: string, options: AtomicWriteOptions = {}) {
  prepareAtomicWrite(path, options).commit(data);
}
