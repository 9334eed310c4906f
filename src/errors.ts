// Typed errors: code below the CLI throws these, and the CLI's one top-level catch maps each
// kind to an exit code and a one-line message. Every error keeps its `cause`.

// The built CLI is more than one bundle (the hook path, and the lazily loaded commands), each
// with its own copy of these classes, so `instanceof` cannot tell a kind across them. Each base
// class carries a registry-wide symbol on its prototype instead, which every copy shares.
const KIND = Symbol.for('ccbell.errorKind');

/** The kinds of typed error the CLI's top-level catch reports as one line. */
export type ErrorKind = 'usage' | 'environment' | 'config';

/** A user's input (argument, name, file) is wrong; the message says what and where. Exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something the user's machine lacks or refuses (no player, missing sound, busy instance). Exit 1. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** A file the user owns is broken; names the file and the field at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`, options);
  }
}

Object.defineProperty(UsageError.prototype, KIND, { value: 'usage' });
Object.defineProperty(EnvironmentError.prototype, KIND, { value: 'environment' });
Object.defineProperty(ConfigError.prototype, KIND, { value: 'config' });

/**
 * The kind of a typed error (a UsageError, EnvironmentError, ConfigError or a subclass), from
 * whichever bundle's copy of the classes threw it; undefined for anything else.
 */
export function errorKind(error: unknown): ErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const kind = (error as { [KIND]?: unknown })[KIND];
  return kind === 'usage' || kind === 'environment' || kind === 'config' ? kind : undefined;
}

/** The message of an unknown thrown value, for logs and one-line reports. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
