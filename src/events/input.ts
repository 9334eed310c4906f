import { fstatSync, readSync } from 'node:fs';

/** The fields of Claude Code's hook input that ccbell uses; everything else is kept as is. */
export interface HookInput {
  session_id?: string;
  cwd?: string;
  transcript_path?: string;
  hook_event_name?: string;
  notification_type?: string;
  message?: string;
  tool_name?: string;
  tool_input?: unknown;
  tool_use_id?: string;
  [key: string]: unknown;
}

/** Hook input is small; anything bigger is not Claude Code's and is not read whole. */
export const MAX_HOOK_INPUT_BYTES = 1024 * 1024;

export type InputResult =
  | { kind: 'none' }
  | { kind: 'json'; input: HookInput }
  | { kind: 'invalid'; reason: string };

/** Parses hook input text; garbage is reported, never thrown (a hook must go on without it). */
export function parseHookInput(text: string): InputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { kind: 'invalid', reason: 'hook input is JSON but not an object' };
    }
    return { kind: 'json', input: value as HookInput };
  } catch (error) {
    return { kind: 'invalid', reason: `hook input is not JSON (${(error as Error).message})` };
  }
}

/** Whether `chunk` ends with `}` (trailing whitespace aside): the input may be complete. */
function endsWithBrace(chunk: Buffer): boolean {
  for (let i = chunk.length - 1; i >= 0; i--) {
    const byte = chunk[i];
    if (byte === 0x7d) return true;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return false;
}

/** What readHookInputSync could not finish: the stream reads on, after `head`. */
export interface StreamReadsOn {
  kind: 'stream';
  head: Buffer;
}

/**
 * Whether Claude Code started this process as a command hook. It gives every hook
 * CLAUDE_PROJECT_DIR, and writes the hook's input to its stdin and ends it at once.
 */
export function startedByClaudeCode(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CLAUDE_PROJECT_DIR);
}

/**
 * Reads the hook input from `fd` synchronously: about 0.5 ms, where process.stdin costs a hook
 * about 8 (the tty, net and stream modules, a socket, an event loop turn; docs/benchmarks.md).
 * Only where a synchronous read cannot hang: a regular file always; a pipe or a socket only when
 * `writerEndsAtOnce` (Claude Code's hooks: see startedByClaudeCode). A caller that leaves stdin
 * open and silent would block a read for ever, and no timer runs during one, so everything
 * else (a terminal, a pipe from anyone else, a read that would block on a non-blocking stdin)
 * is left to readHookInput and its timeout, with what was read so far. Like readHookInput, it
 * takes a whole JSON object without waiting for the end of stdin.
 */
export function readHookInputSync(
  fd: number,
  { maxBytes = MAX_HOOK_INPUT_BYTES, writerEndsAtOnce = false } = {},
): InputResult | StreamReadsOn {
  const chunks: Buffer[] = [];
  let kind: ReturnType<typeof fstatSync>;
  try {
    kind = fstatSync(fd);
  } catch {
    return { kind: 'none' }; // no stdin at all (closed)
  }
  const safe = kind.isFile() || (writerEndsAtOnce && (kind.isFIFO() || kind.isSocket()));
  if (!safe) return { kind: 'stream', head: Buffer.alloc(0) };
  const buffer = Buffer.allocUnsafe(64 * 1024);
  let size = 0;
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return { kind: 'stream', head: Buffer.concat(chunks) };
      return { kind: 'invalid', reason: `cannot read stdin (${code ?? message})` };
    }
    if (count === 0) return parseHookInput(Buffer.concat(chunks).toString('utf8'));
    size += count;
    if (size > maxBytes) return { kind: 'invalid', reason: `hook input is larger than ${maxBytes} bytes` };
    const chunk = Buffer.from(buffer.subarray(0, count));
    chunks.push(chunk);
    if (endsWithBrace(chunk)) {
      const read = parseHookInput(Buffer.concat(chunks).toString('utf8'));
      if (read.kind === 'json') return read;
    }
  }
}

/**
 * Reads this process's hook input from stdin the fastest way that cannot hang: synchronously
 * when readHookInputSync may, else (or for the rest) through process.stdin with a timeout.
 */
export function readStdinHookInput(
  env: NodeJS.ProcessEnv,
  options: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<InputResult> {
  const read = readHookInputSync(0, {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    writerEndsAtOnce: startedByClaudeCode(env),
  });
  if (read.kind !== 'stream') return Promise.resolve(read);
  return readHookInput(process.stdin, { ...options, head: read.head });
}

/**
 * Reads the hook input from stdin: nothing from a terminal, at most `maxBytes`, and never
 * longer than `timeoutMs` (a caller that leaves stdin open must not hang the hook). A whole
 * JSON object is taken as soon as it is in, without waiting for the end of stdin: a busy
 * caller may close stdin long after writing, and a hook that gave up on it would lose the
 * session id (and with it, under a per-session cooldown, its notification).
 */
export function readHookInput(
  stdin: NodeJS.ReadStream = process.stdin,
  {
    maxBytes = MAX_HOOK_INPUT_BYTES,
    timeoutMs = 1000,
    head = Buffer.alloc(0),
  }: { maxBytes?: number; timeoutMs?: number; head?: Buffer } = {},
): Promise<InputResult> {
  if (stdin.isTTY) return Promise.resolve({ kind: 'none' });
  return new Promise((resolve) => {
    // `head`: what readHookInputSync read before it had to leave the rest to the stream.
    const chunks: Buffer[] = head.length > 0 ? [head] : [];
    let size = head.length;
    const finish = (result: InputResult) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end').removeAllListeners('error');
      stdin.pause();
      stdin.unref?.();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(
        size === 0
          ? { kind: 'none' }
          : { kind: 'invalid', reason: `hook input incomplete after ${timeoutMs} ms` },
      );
    }, timeoutMs);
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish({ kind: 'invalid', reason: `hook input is larger than ${maxBytes} bytes` });
      else {
        chunks.push(chunk);
        if (!endsWithBrace(chunk)) return;
        const read = parseHookInput(Buffer.concat(chunks).toString('utf8'));
        if (read.kind === 'json') finish(read);
      }
    });
    stdin.on('end', () => finish(parseHookInput(Buffer.concat(chunks).toString('utf8'))));
    stdin.on('error', (error) => finish({ kind: 'invalid', reason: `cannot read stdin (${error.message})` }));
  });
}
