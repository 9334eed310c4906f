// Internal to the tests of files that are not what they seem: make FIFOs and socket files, and
// take a picture of a directory (type, mode, mtime, content, link target of every entry) to
// prove afterwards that no file a person had was changed. Never opens what is not a regular file.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** Makes a FIFO at `path` (Node has no mkfifo of its own). */
export function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** A listening Unix socket at `path`; close it when the test is done. */
export async function socketFile(path: string): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return server;
}

function describeEntry(path: string): string {
  const stats = lstatSync(path);
  const base = `mode=${stats.mode.toString(8)} mtime=${stats.mtimeMs} ino=${stats.ino}`;
  if (stats.isSymbolicLink()) return `link -> ${readlinkSync(path)} ${base}`;
  if (stats.isFile()) {
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    return `file size=${stats.size} sha256=${hash} ${base}`;
  }
  if (stats.isDirectory()) return `dir ${base}`;
  if (stats.isFIFO()) return `fifo ${base}`;
  if (stats.isSocket()) return `socket ${base}`;
  return `other ${base}`;
}

/** Every entry under `dir` (recursively, links not followed) and what it is now. */
export function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      entries.set(path, describeEntry(path));
      if (lstatSync(path).isDirectory()) walk(path);
    }
  };
  walk(dir);
  return entries;
}

/**
 * What changed of what was there before: entries gone or different (new entries, such as a
 * log ccbell creates, are not changes to a person's files). Directories' mtimes are left out:
 * a new file changes them. Empty when nothing changed.
 */
export function changedSince(before: Map<string, string>, dir: string): string[] {
  const after = snapshot(dir);
  const changes: string[] = [];
  for (const [path, was] of before) {
    const now = after.get(path);
    const strip = (text: string | undefined) =>
      text?.startsWith('dir ') ? text.replace(/ mtime=\S+/, '') : text;
    if (strip(now) !== strip(was)) changes.push(`${path}: ${was} → ${now ?? 'gone'}`);
  }
  return changes;
}
