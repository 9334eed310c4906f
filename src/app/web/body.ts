// Internal to src/app/web: reading a request's JSON body within bounds. The size and the nesting
// are checked on the raw bytes as they arrive, so a body too big or too deep is refused at the
// first byte over the line: it is never buffered whole, never parsed, and never blocks the app.
import type { IncomingMessage } from 'node:http';
import { JsonScanner } from '../../protocol/index.js';

/** An error the server answers with its status (4xx) and message. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface BodyLimits {
  maxBytes: number;
  maxDepth: number;
}

/**
 * Reads and parses a JSON body (an empty body is `{}`). Refuses with 413 a declared
 * Content-Length over `maxBytes` before reading anything, and a body that grows past it while
 * streaming; with 400 one nested deeper than `maxDepth`. On a refusal it stops reading: the
 * caller answers and closes the connection (see `request.complete`).
 */
export function readJsonBody(request: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    return Promise.reject(tooLarge(`${declared} bytes`, limits.maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const scanner = new JsonScanner({ maxDepth: limits.maxDepth });
    let size = 0;
    const refuse = (error: HttpError) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.pause();
      chunks.length = 0;
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes)
        return refuse(tooLarge(`more than ${limits.maxBytes} bytes`, limits.maxBytes));
      if (!scanner.push(chunk)) {
        return refuse(new HttpError(400, `body is JSON nested deeper than ${limits.maxDepth} levels`));
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new HttpError(400, 'body is not JSON', { cause: error }));
      }
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

function tooLarge(what: string, maxBytes: number): HttpError {
  return new HttpError(413, `body of ${what} is over the cap of ${maxBytes} bytes`);
}
