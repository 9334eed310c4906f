// Internal to src/approval: splits the approval server's stdin into JSON-RPC lines, with a cap.
// The MCP SDK's own reader gives up on a line over its buffer size (10 MiB), and then the whole
// connection is closed: every later call of the session fails. Here a line over the cap is not
// kept: its bytes are counted and passed through a scanner that picks out its top-level "id" and
// "method" (the SDK client writes "id" last, after the big params), so it can be answered.
import { JsonScanner } from '../protocol/index.js';

const NEWLINE = 0x0a;

/** What one chunk of input completed: a line to parse, or a line too long to keep. */
export type LineEvent =
  | { kind: 'line'; text: string }
  | { kind: 'oversized'; bytes: number; id?: string | number; method?: string };

/** Splits a byte stream into lines of at most `maxLineBytes` (newline excluded). */
export class JsonRpcLineReader {
  private parts: Buffer[] = [];
  private bytes = 0;
  // Set while skipping a line over the cap.
  private scanner: JsonScanner | undefined;

  constructor(readonly maxLineBytes: number) {}

  /** Bytes of an unfinished line held so far (none of a line over the cap). */
  get buffered(): number {
    return this.parts.reduce((sum, part) => sum + part.length, 0);
  }

  push(chunk: Buffer): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      this.take(piece);
      if (newline === -1) return events;
      const event = this.finishLine();
      if (event) events.push(event);
      start = newline + 1;
    }
  }

  private take(piece: Buffer) {
    this.bytes += piece.length;
    if (this.scanner) {
      this.scanner.push(piece);
      return;
    }
    if (this.bytes <= this.maxLineBytes) {
      if (piece.length > 0) this.parts.push(piece);
      return;
    }
    // Over the cap: what was kept goes through the scanner, and from now on only the scanner.
    this.scanner = new JsonScanner({ capture: ['id', 'method'] });
    for (const part of this.parts) this.scanner.push(part);
    this.scanner.push(piece);
    this.parts = [];
  }

  private finishLine(): LineEvent | undefined {
    const scanner = this.scanner;
    const bytes = this.bytes;
    const parts = this.parts;
    this.scanner = undefined;
    this.parts = [];
    this.bytes = 0;
    if (scanner) {
      const id = scanner.captured.get('id');
      const method = scanner.captured.get('method');
      return {
        kind: 'oversized',
        bytes,
        ...(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? { id } : {}),
        ...(typeof method === 'string' ? { method: method.slice(0, 200) } : {}),
      };
    }
    const text = Buffer.concat(parts, bytes).toString('utf8').replace(/\r$/, '');
    return text.trim() === '' ? undefined : { kind: 'line', text };
  }
}
