// Internal to src/approval: the approval server's MCP stdio transport. It behaves like the SDK's
// StdioServerTransport (one JSON-RPC message per line on stdin and stdout), but with a bound on
// one message: a line over it is skipped without being held, and answered in its place through
// `onOversized`, so one huge call is refused and the server lives on for the next.
import type { Readable, Writable } from 'node:stream';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { JsonRpcLineReader } from './stdio-lines.js';

/** A message too big to read: its size, and its id and method when they could be picked out. */
export interface OversizedMessage {
  bytes: number;
  id?: string | number;
  method?: string;
}

export interface BoundedStdioOptions {
  /** Longest line read, in bytes (newline excluded). */
  maxMessageBytes: number;
  /** The reply to send for a message over the bound; undefined sends nothing. */
  onOversized: (message: OversizedMessage) => JSONRPCMessage | undefined;
}

/** MCP over stdio with a bound on each incoming message. */
export class BoundedStdioServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly reader: JsonRpcLineReader;
  private started = false;
  private closed = false;

  constructor(
    private readonly stdin: Readable,
    private readonly stdout: Writable,
    private readonly options: BoundedStdioOptions,
  ) {
    this.reader = new JsonRpcLineReader(options.maxMessageBytes);
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('BoundedStdioServerTransport already started');
    this.started = true;
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onStreamError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(serializeMessage(message))) resolve();
      else this.stdout.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onStreamError);
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (const event of this.reader.push(bytes)) {
      if (this.closed) return;
      if (event.kind === 'oversized') {
        const { kind: _, ...message } = event;
        const reply = this.options.onOversized(message);
        if (reply) this.send(reply).catch((error: unknown) => this.onStreamError(error as Error));
        continue;
      }
      let message: JSONRPCMessage;
      try {
        message = deserializeMessage(event.text);
      } catch (error) {
        this.onerror?.(error as Error);
        continue;
      }
      this.onmessage?.(message);
    }
  };

  private readonly onStreamError = (error: Error) => {
    this.onerror?.(error);
  };
}
