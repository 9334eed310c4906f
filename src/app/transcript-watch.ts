// Learns that a waiting tool call was answered in Claude Code's own dialog, by following the
// session's transcript (see src/events/transcript.ts for why the transcript). The app watches
// only while one of its requests waits, so a session without an app pays nothing.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ToolCallTracker } from '../events/transcript.js';

export interface ToolCallWatch {
  /** The transcript a hook input named (`transcript_path`). */
  path: string;
  toolName: string;
  input: unknown;
  /** When the request was filed (ms). */
  requestedAt: number;
  /** Called once, when the call got its result in the transcript. */
  onAnswered: () => void;
  /** How often the file is checked for growth; default 250 ms. */
  pollMs?: number;
  /** Told why a transcript cannot be followed (the request then waits as before). */
  onRefused?: (reason: string) => void;
}

// The tail read when watching starts: the call's tool_use was written just before the hook ran.
const TAIL_BYTES = 1024 * 1024;
// At most this much is read per check, so a huge burst of output cannot stall the app.
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Follows `path` until the tool call has its result, then calls `onAnswered`. Returns a stop
 * function. A path that is not the user's own regular `.jsonl` file is refused (a hook input
 * is not trusted to name any file), never followed through a symlink or waited on.
 */
export function watchToolCall(watch: ToolCallWatch): () => void {
  const refuse = (reason: string) => {
    watch.onRefused?.(`transcript ${JSON.stringify(watch.path.slice(0, 200))} ${reason}`);
    return () => undefined;
  };
  if (!isAbsolute(watch.path) || !watch.path.endsWith('.jsonl') || watch.path.includes('\0')) {
    return refuse('is not an absolute path to a .jsonl file');
  }
  let fd: number;
  try {
    fd = openSync(watch.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot be opened (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile() || (process.getuid && stats.uid !== process.getuid())) {
    closeSync(fd);
    return refuse('is not a regular file of this user');
  }

  const tracker = new ToolCallTracker(watch.toolName, watch.input, watch.requestedAt);
  let offset = Math.max(0, stats.size - TAIL_BYTES);
  let partial = '';
  // A character split across two reads is decoded whole.
  const decoder = new StringDecoder('utf8');
  let skipFirstLine = offset > 0;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    closeSync(fd);
  };
  const check = () => {
    if (stopped) return;
    let size: number;
    try {
      size = fstatSync(fd).size;
    } catch {
      return stop();
    }
    if (size <= offset) return;
    const length = Math.min(size - offset, CHUNK_BYTES);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, offset);
    offset += read;
    const lines = (partial + decoder.write(buffer.subarray(0, read))).split('\n');
    partial = lines.pop() ?? '';
    // A line longer than the chunk is no tool call of interest; drop it rather than grow without end.
    if (partial.length > CHUNK_BYTES) partial = '';
    if (skipFirstLine) {
      lines.shift();
      skipFirstLine = false;
    }
    if (tracker.feed(lines)) {
      stop();
      watch.onAnswered();
    }
  };
  const timer = setInterval(check, watch.pollMs ?? 250);
  timer.unref();
  check();
  return stop;
}
