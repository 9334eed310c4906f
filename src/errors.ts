// Typed errors: code below the CLI throws these, and the CLI's one top-level catch maps each
// kind to an exit code and a one-line message. Every error keeps its `cause`.

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

/** The message of an unknown thrown value, for logs and one-line reports. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
