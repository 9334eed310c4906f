// Internal: how a channel name becomes a socket file name, pure (no file system). A hash keeps any
// name (long, with slashes, unicode) short and safe; the pid and a sequence number keep several
// observers of one name apart, and the pid lets a stale file be recognised.
import { createHash } from 'node:crypto';
import { EnvironmentError } from '../errors.js';

/** Hex digits of sha256(name) kept in a file name: 96 bits, far beyond accidental collision. */
export const HASH_HEX_LENGTH = 24;

/** The hash part of every socket file of a channel. */
export function channelHash(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, HASH_HEX_LENGTH);
}

/** The file an observer listens on, once it accepts connections. */
export function socketFileName(name: string, pid: number, seq: number): string {
  return `${channelHash(name)}.${pid}.${seq}.sock`;
}

/** The file an observer binds first; renamed to its socket file name once it listens. */
export function pendingFileName(name: string, pid: number, seq: number): string {
  return `${channelHash(name)}.${pid}.${seq}.tmp`;
}

export interface ParsedSocketFile {
  hash: string;
  pid: number;
  seq: number;
  /** true for a listening socket (.sock), false for one not yet listening (.tmp). */
  ready: boolean;
}

const FILE_PATTERN = /^([0-9a-f]{24})\.([1-9][0-9]{0,9})\.([0-9]{1,15})\.(sock|tmp)$/;

/** Reads a directory entry back; undefined for anything that is not a bus socket file. */
export function parseSocketFileName(file: string): ParsedSocketFile | undefined {
  const match = FILE_PATTERN.exec(file);
  if (!match) return undefined;
  return { hash: match[1]!, pid: Number(match[2]), seq: Number(match[3]), ready: match[4] === 'sock' };
}

/** Longest socket path the OS takes, in bytes without the NUL: sun_path is 108 on Linux, 104 elsewhere. */
export function maxSocketPathBytes(platform: NodeJS.Platform = process.platform): number {
  return platform === 'linux' ? 107 : 103;
}

/** Throws an EnvironmentError naming the directory when `path` is too long to bind or connect to. */
export function assertSocketPathFits(
  path: string,
  dir: string,
  platform: NodeJS.Platform = process.platform,
): void {
  const bytes = Buffer.byteLength(path);
  const limit = maxSocketPathBytes(platform);
  if (bytes > limit) {
    throw new EnvironmentError(
      `bus directory ${dir} is too long for a socket path: ${path} is ${bytes} bytes, ${platform} allows ${limit}; ` +
        'set CCBELL_BUS_DIR to a shorter directory',
    );
  }
}
