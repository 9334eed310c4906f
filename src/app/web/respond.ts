// Internal to the page servers (the app's and the inbox's): answering, and refusing so that the
// refusal reaches the client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security.js';

export function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown) {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

// How long a refused connection whose body was not read stays half-open after the answer, so
// that the client reads the answer before the close (a close with unread data resets the
// connection, and a reset can take the answer with it).
const LINGER_MS = 500;

/**
 * Answers a refused request. When its body was not read (refused on its headers, or cut off
 * over a bound) the connection is closed soon after the answer: reading on would let the client
 * hold it open and make the app take in what it was refused.
 */
export function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string) {
  if (response.headersSent) return void response.end();
  const unread = !request.complete;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    ...(unread ? { Connection: 'close' } : {}),
  });
  response.end(JSON.stringify({ error: message }), () => {
    if (!unread) return;
    const socket = request.socket;
    // Drain (and drop) what the client still sends until it closes or the linger ends: closing
    // with unread bytes makes the kernel answer with a reset, which can overtake the refusal.
    request.removeAllListeners('data');
    request.resume();
    socket.end();
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
  });
}
