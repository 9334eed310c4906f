// Internal to src/protocol: the checks every message that crosses a process boundary is made
// of. A check names the field at fault and why, and never rewrites what it checks.

/** A request or answer that is not what the protocol allows; says which field and why. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field ? `${field}: ` : ''}${reason}`);
  }
}

/** Bounds on what crosses the bus; a tool input (a Write's content) may legitimately be large. */
export const PROTOCOL_LIMITS = {
  /** Serialized size of an input or updated_input, in UTF-16 code units (about). */
  inputLength: 8 * 1024 * 1024,
  /** Nesting depth of an input. */
  inputDepth: 64,
  toolNameLength: 256,
  toolUseIdLength: 256,
  messageLength: 16 * 1024,
  cwdLength: 4096,
  /** A request's `host` (issue 12): a host name is at most 255 bytes. */
  hostLength: 255,
} as const;

/**
 * The most bytes one tool call may take at ccbell's doors: an http hook's body, a JSON-RPC line
 * to the approval server, an answer from the page. What fills them is a tool input the model
 * wrote, so the model's output limit bounds it: at most 128k output tokens (Claude Code 2.1's
 * upper limit for any model), about 4 bytes of text each on average, is about 512 KiB; JSON
 * escaping (newlines, quotes) and non-ASCII text (up to 3 bytes a character) can triple that.
 * The hook events sent over http (PermissionRequest, Stop, Notification, SubagentStop,
 * SessionEnd) carry no tool output, only that input (passed whole) and a few short fields:
 * measured with Claude Code 2.1.330, a PermissionRequest body is its tool_input plus about 450
 * bytes. 4 MiB leaves room for all of that; a message bigger than it is denied, not parsed.
 */
export const MAX_TOOL_CALL_BYTES = 4 * 1024 * 1024;

/**
 * Deepest JSON nesting of such a message: a tool input's own bound plus the objects around it
 * (a hook body or a page answer holds the input one level down; a JSON-RPC call three down).
 */
export const MAX_TOOL_CALL_DEPTH = PROTOCOL_LIMITS.inputDepth + 4;

/** Checks a tool input (or updated input) on its own; throws a ProtocolError naming the fault. */
export function parseToolInput(value: unknown, field = 'input'): Record<string, unknown> {
  return toolInput(value, field);
}

export function plainObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(field, `must be an object, got ${describe(value)}`);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ProtocolError(field, 'must be a plain object');
  return value as Record<string, unknown>;
}

export function boundedString(value: unknown, field: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw new ProtocolError(field, `must be a string, got ${describe(value)}`);
  if (value === '') throw new ProtocolError(field, 'is empty');
  if (value.length > max) throw new ProtocolError(field, `longer than ${max} characters`);
  if (pattern && !pattern.test(value)) {
    throw new ProtocolError(field, `may hold only letters, digits and ${pattern.source.slice(11, -3)}`);
  }
  return value;
}

// A tool input: a plain object holding only JSON values, within the depth and size bounds.
export function toolInput(value: unknown, field: string): Record<string, unknown> {
  const record = plainObject(value, field);
  let length = 0;
  const visit = (node: unknown, path: string, depth: number, seen: Set<object>): void => {
    if (depth > PROTOCOL_LIMITS.inputDepth) {
      throw new ProtocolError(path, `nested deeper than ${PROTOCOL_LIMITS.inputDepth} levels`);
    }
    if (node === null || typeof node === 'boolean') {
      length += 5;
    } else if (typeof node === 'string') {
      length += node.length + 2;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) throw new ProtocolError(path, 'is not a finite number');
      length += 8;
    } else if (typeof node === 'object') {
      if (seen.has(node)) throw new ProtocolError(path, 'refers to itself');
      seen.add(node);
      if (Array.isArray(node)) {
        for (let index = 0; index < node.length; index++)
          visit(node[index], `${path}[${index}]`, depth + 1, seen);
      } else {
        const proto = Object.getPrototypeOf(node);
        if (proto !== Object.prototype && proto !== null)
          throw new ProtocolError(path, 'is not a plain object');
        for (const [key, item] of Object.entries(node)) {
          length += key.length + 4;
          visit(item, `${path}.${key.slice(0, 40)}`, depth + 1, seen);
        }
      }
      seen.delete(node);
    } else {
      throw new ProtocolError(path, `is not a JSON value (${typeof node})`);
    }
    if (length > PROTOCOL_LIMITS.inputLength) {
      throw new ProtocolError(field, `larger than ${PROTOCOL_LIMITS.inputLength} characters`);
    }
  };
  visit(record, field, 0, new Set());
  return record;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return typeof value;
}
