// Internal to src/protocol: a look at raw JSON bytes as they stream in, before anything parses
// them. JSON.parse and JSON.stringify recurse, so a few KB of `[[[[…` can exhaust the stack, and a
// huge message costs its whole size in memory before a parser can say no. This scanner keeps a
// few counters and never holds the text: it sees how deep the nesting goes, and can pick out a
// few short top-level members (a JSON-RPC message's "id" and "method") wherever they sit.
//
// It is not a validator: it follows strings (quotes and escapes) and brackets only, which is all
// that depth and member boundaries need. Working on bytes is safe for UTF-8: every byte of a
// multi-byte character is >= 0x80, so none can be mistaken for a quote, bracket or backslash.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Keys and captured values longer than this are not what a capture looks for. */
const MAX_KEY_BYTES = 64;
const MAX_CAPTURE_BYTES = 1024;

export interface JsonScanOptions {
  /** Deepest nesting of objects and arrays allowed (the outermost one is depth 1). */
  maxDepth?: number;
  /** Top-level members of an object to keep (parsed), when their values are short. */
  capture?: readonly string[];
}

/**
 * Follows a JSON text chunk by chunk. `push` returns false once the nesting went deeper than
 * `maxDepth` (and keeps returning false): the caller stops reading there.
 */
export class JsonScanner {
  /** The deepest nesting seen so far. */
  deepest = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private tooDeep = false;
  private readonly maxDepth: number;
  private readonly wanted: ReadonlySet<string>;
  private readonly found = new Map<string, unknown>();
  // Top-level member tracking (only when something is to be captured).
  private expectKey = false;
  private keyParts: Buffer[] | undefined;
  private keyBytes = 0;
  private key: string | undefined;
  private valueParts: Buffer[] | undefined;
  private valueBytes = 0;
  private capturing: string | undefined;

  constructor(options: JsonScanOptions = {}) {
    this.maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
    this.wanted = new Set(options.capture ?? []);
  }

  /** False when the text nests deeper than allowed. */
  get withinDepth(): boolean {
    return !this.tooDeep;
  }

  /** The captured top-level members seen so far (values parsed from their JSON text). */
  get captured(): ReadonlyMap<string, unknown> {
    return this.found;
  }

  push(chunk: Uint8Array): boolean {
    if (this.tooDeep) return false;
    const tracking = this.wanted.size > 0;
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let valueStart = 0;
    let keyStart = 0;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          if (this.keyParts) {
            this.addKeyPart(bytes.subarray(keyStart, index));
            this.finishKey();
          }
        }
        continue;
      }
      switch (byte) {
        case QUOTE:
          this.inString = true;
          if (tracking && this.depth === 1 && this.expectKey) {
            this.keyParts = [];
            this.keyBytes = 0;
            keyStart = index + 1;
          }
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          this.depth++;
          if (this.depth > this.deepest) this.deepest = this.depth;
          if (this.depth > this.maxDepth) {
            this.tooDeep = true;
            return false;
          }
          if (this.depth === 1) this.expectKey = byte === OPEN_OBJECT;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          if (tracking && this.depth === 1) this.finishValue(bytes.subarray(valueStart, index));
          this.depth = Math.max(0, this.depth - 1);
          break;
        case COMMA:
          if (tracking && this.depth === 1) {
            this.finishValue(bytes.subarray(valueStart, index));
            this.expectKey = true;
          }
          break;
        case COLON:
          if (tracking && this.depth === 1 && this.key !== undefined) {
            if (this.wanted.has(this.key)) {
              this.capturing = this.key;
              this.valueParts = [];
              this.valueBytes = 0;
              valueStart = index + 1;
            }
            this.key = undefined;
          }
          break;
      }
    }
    // What of a key or a value this chunk holds, before the rest arrives in the next one.
    if (this.keyParts) this.addKeyPart(bytes.subarray(keyStart));
    if (this.valueParts) this.addValuePart(bytes.subarray(valueStart));
    return true;
  }

  private addKeyPart(part: Uint8Array) {
    if (!this.keyParts) return;
    this.keyBytes += part.length;
    if (this.keyBytes > MAX_KEY_BYTES) this.keyParts = undefined;
    else if (part.length > 0) this.keyParts.push(Buffer.from(part));
  }

  private finishKey() {
    const parts = this.keyParts;
    this.keyParts = undefined;
    this.expectKey = false;
    this.key = undefined;
    if (!parts) return;
    try {
      // Escapes in a key ("\u0069d") mean what a parser would make of them.
      this.key = JSON.parse(`"${Buffer.concat(parts).toString('utf8')}"`) as string;
    } catch {}
  }

  private addValuePart(part: Uint8Array) {
    if (!this.valueParts) return;
    this.valueBytes += part.length;
    if (this.valueBytes > MAX_CAPTURE_BYTES) this.valueParts = undefined;
    else if (part.length > 0) this.valueParts.push(Buffer.from(part));
  }

  private finishValue(last: Uint8Array) {
    if (!this.valueParts) return;
    this.addValuePart(last);
    const parts = this.valueParts;
    this.valueParts = undefined;
    if (!parts || this.capturing === undefined) return;
    try {
      // The last of duplicate members counts, as with JSON.parse.
      this.found.set(this.capturing, JSON.parse(Buffer.concat(parts).toString('utf8')));
    } catch {}
  }
}
