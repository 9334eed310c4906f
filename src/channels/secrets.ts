// Internal: resolves a secret reference (`env:VAR`, `file:/absolute/path`) at delivery time.
// Errors name the reference (a variable name, a path), never what it holds.

import { EnvironmentError } from '../errors.js';
import { readRegularFile } from '../fs/index.js';

/** A secret reference that gives no value: unset variable, unreadable or empty file. */
export class SecretError extends EnvironmentError {
  override name = 'SecretError';
}

/** Secret files are small: a token, a URL. */
const SECRET_MAX_BYTES = 16 * 1024;

/** The value `ref` names, trimmed; throws SecretError when there is none. */
export function resolveSecret(ref: string, env: NodeJS.ProcessEnv): string {
  if (ref.startsWith('env:')) {
    const name = ref.slice(4);
    const value = env[name]?.trim();
    if (!value) throw new SecretError(`environment variable ${name} is not set or empty`);
    return value;
  }
  if (ref.startsWith('file:/')) {
    const path = ref.slice(5);
    let text: string;
    try {
      text = readRegularFile(path, { maxBytes: SECRET_MAX_BYTES }).text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SecretError(
        `secret file ${path} cannot be read (${code ?? 'not a regular file or too large'})`,
        {
          cause: error,
        },
      );
    }
    const value = text.trim();
    if (!value) throw new SecretError(`secret file ${path} is empty`);
    return value;
  }
  throw new SecretError('a secret must be env:VAR or file:/absolute/path');
}

/** A value that may be a reference (a topic, a chat id, a URL): resolved when it is one. */
export function resolveMaybeSecret(value: string, env: NodeJS.ProcessEnv): string {
  return value.startsWith('env:') || value.startsWith('file:/') ? resolveSecret(value, env) : value;
}
