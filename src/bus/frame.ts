// Internal: the wire format of the bus, pure (no sockets). One frame is one line of JSON:
//   {"t":"post","p":…}  {"t":"req","id":…,"p":…}  {"t":"rep","id":…,"p":…}  {"t":"err","id":…,"m":"…"}
// JSON.stringify never emits a raw newline, so '\n' ends a frame unambiguously.

/** Frames above this many bytes (newline excluded) are refused unless a caller sets its own cap. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

export type RequestId = number | string;

export type Frame =
  | { t: 'post'; p?: unknown }
  | { t: 'req'; id: RequestId; p?: unknown }
  | { t: 'rep'; id: RequestId; p?: unknown }
  | { t: 'err'; id: RequestId; m: string };

/** Why a frame was refused: too big for the cap, not a frame at all, or too slow to arrive. */
export class FrameError extends Error {
  override name = 'FrameError';
  constructor(
    readonly reason: 'too-large' | 'malformed' | 'too-slow',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const NEWLINE = 0x0a;

/** Serialises a frame with its terminating newline; throws FrameError when it cannot be sent. */
export function encodeFrame(frame: Frame, maxFrameBytes = DEFAULT_MAX_FRAME_BYTES): Buffer {
  let text: string;
  try {
    text = JSON.stringify(frame);
  } catch (error) {
    throw new FrameError('malformed', `payload is not serialisable as JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const bytes = Buffer.byteLength(text);
  if (bytes > maxFrameBytes) {
    throw new FrameError('too-large', `frame is ${bytes} bytes, over the cap of ${maxFrameBytes}`);
  }
  const buffer = Buffer.allocUnsafe(bytes + 1);
  buffer.write(text, 0, 'utf8');
  buffer[bytes] = NEWLINE;
  return buffer;
}

function isRequestId(value: unknown): value is RequestId {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= 200)
  );
}

/** Checks one line of text is a well-shaped frame; throws FrameError('malformed') if not. */
export function parseFrame(text: string): Frame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FrameError('malformed', 'frame is not JSON', { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FrameError('malformed', 'frame is not a JSON object');
  }
  const record = value as Record<string, unknown>;
  switch (record.t) {
    case 'post':
      return { t: 'post', p: record.p };
    case 'req':
    case 'rep':
      if (!isRequestId(record.id)) throw new FrameError('malformed', `"${record.t}" frame has no valid id`);
      return { t: record.t, id: record.id, p: record.p };
    case 'err':
      if (!isRequestId(record.id)) throw new FrameError('malformed', '"err" frame has no valid id');
      if (typeof record.m !== 'string') throw new FrameError('malformed', '"err" frame has no message');
      return { t: 'err', id: record.id, m: record.m };
    default:
      throw new FrameError('malformed', 'frame has no known type "t"');
  }
}

/** What one chunk yielded: the whole frames it completed, then the error that stopped decoding. */
export interface DecodeResult {
  frames: Frame[];
  error?: FrameError;
}

/**
 * Splits a byte stream into frames. A frame growing past the cap is refused as soon as the cap is
 * crossed, without waiting for its newline, so a peer cannot make us buffer without bound. After an
 * error the decoder stays failed: the connection it reads is to be closed.
 */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private failure: FrameError | undefined;

  constructor(readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Bytes of an unfinished frame held so far. */
  get buffered(): number {
    return this.pendingBytes;
  }

  push(chunk: Uint8Array): DecodeResult {
    const frames: Frame[] = [];
    if (this.failure) return { frames, error: this.failure };
    let data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (;;) {
      const newline = data.indexOf(NEWLINE);
      if (newline === -1) {
        this.pendingBytes += data.length;
        if (this.pendingBytes > this.maxFrameBytes) return { frames, error: this.fail(this.tooLarge()) };
        if (data.length > 0) this.pending.push(data);
        return { frames };
      }
      const frameBytes = this.pendingBytes + newline;
      if (frameBytes > this.maxFrameBytes) return { frames, error: this.fail(this.tooLarge()) };
      const line =
        this.pending.length === 0
          ? data.subarray(0, newline)
          : Buffer.concat([...this.pending, data.subarray(0, newline)], frameBytes);
      this.pending = [];
      this.pendingBytes = 0;
      data = data.subarray(newline + 1);
      try {
        frames.push(parseFrame(line.toString('utf8')));
      } catch (error) {
        return { frames, error: this.fail(error as FrameError) };
      }
    }
  }

  /** The stream ended: an unfinished frame left over is a broken frame. */
  end(): FrameError | undefined {
    if (this.failure) return this.failure;
    if (this.pendingBytes > 0) return this.fail(new FrameError('malformed', 'stream ended inside a frame'));
    return undefined;
  }

  private tooLarge(): FrameError {
    return new FrameError('too-large', `frame exceeds the cap of ${this.maxFrameBytes} bytes`);
  }

  private fail(error: FrameError): FrameError {
    this.failure = error;
    this.pending = [];
    this.pendingBytes = 0;
    return error;
  }
}
