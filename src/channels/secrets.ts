// Internal: resolves a secret reference (`env:VAR`, `file:/absolute/path`) at delivery time.
// Errors name the reference (a variable name, a path), never what it holds.

import type { ChannelSettings } from '../config/index.js';
import { EnvironmentError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';

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
      // A FIFO would block, a device never end: those are refused, and named ("is a FIFO, …").
      if (error instanceof RefusedFileError)
        throw new SecretError(`secret file ${error.message}`, { cause: error });
      const code = (error as NodeJS.ErrnoException).code;
      throw new SecretError(`secret file ${path} cannot be read (${code ?? 'unknown error'})`, {
        cause: error,
      });
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

/** Whether `value` is written as a reference (and so resolved at delivery). */
function isReference(value: unknown): value is string {
  return typeof value === 'string' && (value.startsWith('env:') || value.startsWith('file:/'));
}

/**
 * Every reference a channel's settings hold, by its field (`token`, `headers.Authorization`):
 * what delivery will resolve. For doctor, which resolves each and names what fails.
 */
export function secretRefs(settings: ChannelSettings): { field: string; ref: string }[] {
  const refs: { field: string; ref: string }[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (isReference(value)) refs.push({ field: key, ref: value });
    else if (key === 'headers' && typeof value === 'object' && value !== null)
      for (const [name, header] of Object.entries(value))
        if (isReference(header)) refs.push({ field: `headers.${name}`, ref: header });
  }
  return refs;
}
