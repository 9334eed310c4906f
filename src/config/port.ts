/** The ports a fixed address may use: appPort, `setup --port`, `app --port`. Below 1024 needs root. */
export const FIXED_PORT_MIN = 1024;
export const PORT_MAX = 65535;

/**
 * Why `value` is not a fixed port (1024-65535), or undefined when it is. With `allowAny`, 0 is
 * accepted too: "any free port", which only `app --port` may ask for.
 */
export function portProblem(value: unknown, options: { allowAny?: boolean } = {}): string | undefined {
  if (options.allowAny && value === 0) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= FIXED_PORT_MIN && value <= PORT_MAX)
    return undefined;
  return `must be a port number from ${FIXED_PORT_MIN} to ${PORT_MAX}${options.allowAny ? ' (or 0: any free port)' : ''}`;
}

/** A port given as text (a command-line flag): the number, or undefined when it is not one. */
export function parsePortText(text: string): number | undefined {
  return /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}
