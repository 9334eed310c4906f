// Internal to the e2e tests: a scripted stand-in for the Anthropic Messages API, so the real
// Claude Code CLI can run offline. Behaviour is driven by markers in the last user message.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. `body` is the parsed JSON body, or the raw text if it was not JSON. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/messages`. */
  path: string;
  /** Full request URL as sent, query included. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A running stand-in. `url` is what ANTHROPIC_BASE_URL should be set to. */
export interface StandInApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The scripted answer to one /v1/messages call. */
export type ScriptedReply =
  | { kind: 'text'; text: string }
  | { kind: 'tool_use'; name: string; input: Record<string, unknown> };

interface ContentBlock {
  type?: unknown;
  text?: unknown;
  content?: unknown;
}

interface Message {
  role?: unknown;
  content?: unknown;
}

const BASH_MARKER = /\[\[bash:([\s\S]*?)\]\]/;
const AGENT_MARKER = /\[\[agent:([\s\S]*?)\]\]/;

function blocksOf(content: unknown): ContentBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (Array.isArray(content))
    return content.filter((b): b is ContentBlock => typeof b === 'object' && b !== null);
  return [];
}

function textOfToolResult(content: unknown): string {
  if (typeof content === 'string') return content;
  return blocksOf(content)
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => b.text as string)
    .join('\n');
}

function offersTool(body: unknown, name: string): boolean {
  const tools = typeof body === 'object' && body !== null ? (body as { tools?: unknown }).tools : undefined;
  return (
    Array.isArray(tools) &&
    tools.some((t) => typeof t === 'object' && t !== null && (t as { name?: unknown }).name === name)
  );
}

// Pure so it can be unit-tested: decides the reply from a /v1/messages request body.
/** Decides the reply for a Messages request: tool_result → `done: …`, `[[bash:CMD]]` → Bash tool_use, else `ok`. */
export function scriptReply(body: unknown): ScriptedReply {
  const messages: Message[] =
    typeof body === 'object' && body !== null && Array.isArray((body as { messages?: unknown }).messages)
      ? (body as { messages: Message[] }).messages
      : [];
  let lastUser: Message | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') {
      lastUser = messages[i];
      break;
    }
  }
  const blocks = blocksOf(lastUser?.content);
  const toolResult = blocks.find((b) => b.type === 'tool_result');
  if (toolResult) return { kind: 'text', text: `done: ${textOfToolResult(toolResult.content)}` };
  const text = blocks
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => b.text as string)
    .join('\n');
  const bash = BASH_MARKER.exec(text);
  // Side requests (title generation, quota checks) carry the prompt but offer no tools: answer them with text.
  if (bash && offersTool(body, 'Bash')) {
    return { kind: 'tool_use', name: 'Bash', input: { command: bash[1], description: 'test command' } };
  }
  const agent = AGENT_MARKER.exec(text);
  if (agent && offersTool(body, 'Agent')) {
    return {
      kind: 'tool_use',
      name: 'Agent',
      input: {
        description: 'test agent',
        prompt: agent[1],
        subagent_type: 'general-purpose',
        run_in_background: false,
      },
    };
  }
  return { kind: 'text', text: 'ok' };
}

/** The text of the last user message of a Messages request (empty when there is none). */
function lastUserText(body: unknown): string {
  const messages =
    typeof body === 'object' && body !== null && Array.isArray((body as { messages?: unknown }).messages)
      ? ((body as { messages: Message[] }).messages as Message[])
      : [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  return blocksOf(last?.content)
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}

function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function modelOf(body: unknown): string {
  const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model : 'claude-sonnet-4-5';
}

function usage(outputTokens: number) {
  return {
    input_tokens: 10,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
  };
}

function assistantContent(reply: ScriptedReply, id: string) {
  return reply.kind === 'text'
    ? [{ type: 'text', text: reply.text }]
    : [{ type: 'tool_use', id, name: reply.name, input: reply.input }];
}

function streamMessage(res: ServerResponse, body: unknown, reply: ScriptedReply): void {
  const messageId = `msg_${randomBytes(12).toString('hex')}`;
  const toolUseId = `toolu_${randomBytes(12).toString('hex')}`;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_${randomBytes(12).toString('hex')}`,
  });
  sse(res, 'message_start', {
    type: 'message_start',
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model: modelOf(body),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usage(1),
    },
  });
  if (reply.kind === 'text') {
    sse(res, 'content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    });
    sse(res, 'content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: reply.text },
    });
  } else {
    sse(res, 'content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: toolUseId, name: reply.name, input: {} },
    });
    sse(res, 'content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'input_json_delta', partial_json: JSON.stringify(reply.input) },
    });
  }
  sse(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
  sse(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: reply.kind === 'text' ? 'end_turn' : 'tool_use', stop_sequence: null },
    usage: { output_tokens: 5 },
  });
  sse(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

function jsonMessage(res: ServerResponse, body: unknown, reply: ScriptedReply): void {
  sendJson(res, 200, {
    id: `msg_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: modelOf(body),
    content: assistantContent(reply, `toolu_${randomBytes(12).toString('hex')}`),
    stop_reason: reply.kind === 'text' ? 'end_turn' : 'tool_use',
    stop_sequence: null,
    usage: usage(5),
  });
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  const text = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function notFound(res: ServerResponse, method: string, path: string): void {
  sendJson(res, 404, {
    type: 'error',
    error: { type: 'not_found_error', message: `stand-in API has no ${method} ${path}` },
  });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function estimateTokens(body: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(body ?? '').length / 4));
}

// Starts the stand-in on 127.0.0.1 at a random port; every request is recorded in `requests`.
/** Starts a scripted Messages API stand-in for running the real Claude Code CLI offline. */
export async function startStandInApi(): Promise<StandInApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    readBody(req).then(
      (body) => {
        requests.push({ method, path, url, headers: { ...req.headers }, body });
        if (method === 'POST' && path === '/v1/messages/count_tokens') {
          sendJson(res, 200, { input_tokens: estimateTokens(body) });
        } else if (method === 'POST' && path === '/v1/messages') {
          // `[[api-error]]` in the prompt: the API refuses the call (a 400 is not retried), and the
          // turn ends on an error (Claude Code's StopFailure).
          if (JSON.stringify(lastUserText(body)).includes('[[api-error]]')) {
            sendJson(res, 400, {
              type: 'error',
              error: { type: 'invalid_request_error', message: 'stand-in: refused on purpose' },
            });
            return;
          }
          const reply = scriptReply(body);
          const stream = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream;
          if (stream === true) streamMessage(res, body, reply);
          else jsonMessage(res, body, reply);
        } else if (method === 'HEAD' || (method === 'GET' && path === '/')) {
          // Connectivity probes: answer them without an error.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(method === 'HEAD' ? undefined : '{}');
        } else {
          notFound(res, method, path);
        }
      },
      (error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 400, {
            type: 'error',
            error: { type: 'invalid_request_error', message: String(error) },
          });
        else res.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
