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

/**
 * Reads the hook input from stdin: nothing from a terminal, at most `maxBytes`, and never
 * longer than `timeoutMs` (a caller that leaves stdin open must not hang the hook). A whole
 * JSON object is taken as soon as it is in, without waiting for the end of stdin: a busy
 * caller may close stdin long after writing, and a hook that gave up on it would lose the
 * session id (and with it, under a per-session cooldown, its notification).
 */
export function readHookInput(
  stdin: NodeJS.ReadStream = process.stdin,
  { maxBytes = MAX_HOOK_INPUT_BYTES, timeoutMs = 1000 } = {},
): Promise<InputResult> {
  if (stdin.isTTY) return Promise.resolve({ kind: 'none' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
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
