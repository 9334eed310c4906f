// Internal to src/approval: the MCP stdio server Claude Code calls through
// `--permission-prompt-tool mcp__approval_server__approval_prompt`. Each call is forwarded to the
// app that launched the session (found by the runtime id in CLAUDE_CODE_UI_INSTANCE_ID) and its
// answer returned; when no answer can come, the call is denied with a message saying why.
// Nothing here writes to stdout except the MCP transport: logging goes to the `log` callback.
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import {
  BrokerUnavailableError,
  BusAbortedError,
  BusPermissionError,
  BusTimeoutError,
  busDirectory,
  type ChannelClient,
  channelClient,
  NoListenerError,
  ObserverGoneError,
} from '../bus/index.js';
import type { RemoteConfig } from '../config/remote.js';
import { messageOf } from '../errors.js';
import {
  APPROVAL_MAX_FRAME_BYTES,
  type ApprovalRequest,
  denyResult,
  MAX_TOOL_CALL_BYTES,
  type PromptToolResult,
  parseApprovalAnswer,
  parseApprovalRequest,
  toClaudeResult,
} from '../protocol/index.js';
import { type ApprovalChannels, channelsFor, RUNTIME_ID_ENV, runtimeIdFromEnv } from './identity.js';
import { hostName, sessionRemote, subjectsOf } from './route.js';
import { BoundedStdioServerTransport, type OversizedMessage } from './stdio-transport.js';

/** The MCP server's name in `--mcp-config`; Claude Code prefixes its tools with `mcp__<name>__`. */
export const APPROVAL_SERVER_NAME = 'approval_server';
/** The one tool the server offers. */
export const APPROVAL_TOOL_NAME = 'approval_prompt';

/** How the approval server is set up; the CLI builds this from its environment and the instance. */
export interface ApprovalServerOptions {
  /** Where CLAUDE_CODE_UI_INSTANCE_ID (and CCBELL_BUS_DIR) are read, on every call. */
  env: NodeJS.ProcessEnv;
  /** How long one call waits for the app's answer before denying. */
  timeoutMs: number;
  /** Where log lines go (the instance's log file); never stdout, which carries MCP. */
  log?: (line: string) => void;
  /** The session's working directory, sent with each request; default process.cwd(). */
  cwd?: string;
  /**
   * The instance's NATS broker (issue 12): when no app listens on the local bus, the request goes
   * to the app's subject there (a session on another machine than its app).
   */
  remote?: { config: RemoteConfig; instance: string };
}

/** Options of runApprovalServer: the server's, plus the streams MCP runs over (default stdio). */
export interface RunApprovalServerOptions extends ApprovalServerOptions {
  stdin?: Readable;
  stdout?: Writable;
  /** Longest JSON-RPC message read; bigger calls are denied unread. Default MAX_TOOL_CALL_BYTES. */
  maxMessageBytes?: number;
}

const inputSchema = {
  tool_name: z.string().describe('The tool Claude Code wants to use'),
  // Not z.record: parsing a record re-creates the object, and a key like "__proto__" would be
  // lost. The input must reach the app and come back exactly as sent.
  input: z
    .unknown()
    .refine((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
      message: 'input must be an object',
    })
    .meta({ type: 'object', description: 'The input of that tool call' }),
  tool_use_id: z.string().optional().describe('Claude Code’s id of the tool call'),
};

/** Builds the approval MCP server (not yet connected); tests connect it to an in-memory client. */
export function createApprovalServer(options: ApprovalServerOptions): McpServer {
  const log = options.log ?? (() => undefined);
  const server = new McpServer({ name: 'ccbell-approval', version: '1' });
  const clients = new ClientCache(options.remote, options.env);
  // runApprovalServer chains its own onclose after this one.
  server.server.onclose = () => clients.closeAll();
  try {
    const id = runtimeIdFromEnv(options.env);
    log(`Configuring for instance: ${id ?? '(none: legacy channel names)'}`);
  } catch (error) {
    log(`Configuring for instance: ${messageOf(error)}; every call will be denied`);
  }

  server.registerTool(
    APPROVAL_TOOL_NAME,
    {
      title: 'ccbell approval',
      description: 'Asks the ccbell app that launched this session whether a tool call may run.',
      inputSchema,
    },
    async (args, extra) => {
      const result = await answerCall(
        {
          tool_name: args.tool_name,
          input: args.input as Record<string, unknown>,
          tool_use_id: args.tool_use_id,
        },
        options,
        log,
        extra.signal,
        clients,
      );
      return { content: [{ type: 'text' as const, text: JSON.stringify(result) }] };
    },
  );
  return server;
}

/**
 * Runs the approval server over stdio (Claude Code's `--mcp-config` starts it so). `closed`
 * resolves when Claude Code closes the connection or stdin ends.
 */
export async function runApprovalServer(
  options: RunApprovalServerOptions,
): Promise<{ server: McpServer; closed: Promise<void> }> {
  const log = options.log ?? (() => undefined);
  const server = createApprovalServer(options);
  const stdin = options.stdin ?? process.stdin;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_TOOL_CALL_BYTES;
  const transport = new BoundedStdioServerTransport(stdin, options.stdout ?? process.stdout, {
    maxMessageBytes,
    onOversized: (message) => oversizedReply(message, maxMessageBytes, log),
  });
  const closed = new Promise<void>((resolve) => {
    const closeClients = server.server.onclose;
    server.server.onclose = () => {
      closeClients?.();
      log('approval server: connection closed');
      resolve();
    };
  });
  transport.onerror = (error) => log(`approval server: transport error: ${messageOf(error)}`);
  await server.connect(transport);
  stdin.once('end', () => {
    void server.close();
  });
  return { server, closed };
}

/**
 * The bus clients of one approval server, one per (bus directory, channel), made on first use:
 * each keeps its connection to the app open between calls (idle, it does not keep the process
 * alive), and is closed when the MCP connection closes.
 */
class ClientCache {
  private readonly clients = new Map<string, ChannelClient>();
  private remoteTransport: ReturnType<typeof sessionRemote>;

  constructor(
    private readonly remoteOptions: ApprovalServerOptions['remote'],
    env: NodeJS.ProcessEnv,
  ) {
    this.remoteTransport = sessionRemote(remoteOptions?.config, env, 'approval-server');
  }

  /** The broker transport and the app's approval subject, when the instance has a remote config. */
  remote(runtimeId: string | undefined) {
    const subjects = subjectsOf(this.remoteOptions?.config, this.remoteOptions?.instance ?? '', runtimeId);
    return this.remoteTransport && subjects
      ? { transport: this.remoteTransport, subject: subjects.approval }
      : undefined;
  }

  get(channel: string, dir: string): ChannelClient {
    const key = `${dir}\0${channel}`;
    let client = this.clients.get(key);
    if (!client) {
      client = channelClient(channel, { dir, maxFrameBytes: APPROVAL_MAX_FRAME_BYTES });
      this.clients.set(key, client);
    }
    return client;
  }

  closeAll(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
    void this.remoteTransport?.close();
    this.remoteTransport = undefined;
  }
}

interface ToolCall {
  tool_name: string;
  input: Record<string, unknown>;
  tool_use_id: string | undefined;
}

async function answerCall(
  call: ToolCall,
  options: ApprovalServerOptions,
  log: (line: string) => void,
  signal: AbortSignal,
  clients: ClientCache,
): Promise<PromptToolResult> {
  const deny = (message: string) => {
    log(`deny ${call.tool_use_id ?? '(no id)'} ${call.tool_name}: ${message}`);
    return denyResult(message);
  };

  let id: string | undefined;
  let channels: ApprovalChannels;
  let dir: string;
  let request: ApprovalRequest;
  try {
    id = runtimeIdFromEnv(options.env);
    channels = channelsFor(id);
  } catch (error) {
    return deny(`ccbell: ${messageOf(error)}; is ${RUNTIME_ID_ENV} set by \`ccbell app\`?`);
  }
  try {
    request = parseApprovalRequest({
      tool_name: call.tool_name,
      input: call.input,
      tool_use_id: call.tool_use_id || `ccbell_${randomUUID()}`,
      cwd: options.cwd ?? process.cwd(),
      host: hostName(options.env),
    });
  } catch (error) {
    return deny(`ccbell: refused a malformed approval request: ${messageOf(error)}`);
  }
  try {
    dir = busDirectory(options.env);
  } catch (error) {
    return deny(`ccbell: cannot use the bus: ${messageOf(error)}`);
  }

  const app =
    id === undefined ? 'the ccbell app (legacy channel names)' : `the ccbell app (runtime id ${id})`;
  const toolUseId = request.tool_use_id;
  const timeoutMs =
    Number.isFinite(options.timeoutMs) && options.timeoutMs > 0 ? options.timeoutMs : 2 ** 31 - 1;
  // The app replies on the connection the request came by, so its answer needs no listener of our
  // own, and its death closes the connection (no answer lost, no wait until the timeout). The
  // connection is kept for the next call. The Response channel stays for clients that post instead.
  log(`request ${toolUseId} ${request.tool_name} → ${channels.request}`);
  try {
    let reply: unknown;
    try {
      reply = await clients.get(channels.request, dir).request(request, { timeoutMs, signal });
    } catch (error) {
      // Nobody on this machine: the app may be on another one, through the broker.
      const remote = error instanceof NoListenerError ? clients.remote(id) : undefined;
      if (!remote) throw error;
      log(`request ${toolUseId}: no app on the local bus; asking ${remote.subject}`);
      reply = await remote.transport.request(remote.subject, request, {
        timeoutMs,
        signal,
        maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
      });
    }
    let answer: ReturnType<typeof parseApprovalAnswer>;
    try {
      answer = parseApprovalAnswer(reply);
    } catch (error) {
      return deny(`ccbell: ${app} sent a malformed answer: ${messageOf(error)}. Denied.`);
    }
    if (answer.tool_use_id !== toolUseId) {
      return deny(`ccbell: ${app} answered another request (${answer.tool_use_id}). Denied.`);
    }
    log(`answer ${toolUseId}: ${answer.behavior}${answer.updated_input ? ' (updated input)' : ''}`);
    return toClaudeResult(answer, request.input);
  } catch (error) {
    if (error instanceof BrokerUnavailableError) {
      return deny(`ccbell: no ccbell app on this machine, and ${error.reason}. Denied.`);
    }
    if (error instanceof BusPermissionError) return deny(`ccbell: ${error.message}. Denied.`);
    if (error instanceof NoListenerError) {
      return deny(
        `ccbell: no ccbell app is listening on ${channels.request}; is \`ccbell app\` running? Denied.`,
      );
    }
    if (error instanceof ObserverGoneError) return deny(`ccbell: ${app} went away before answering. Denied.`);
    if (error instanceof BusTimeoutError) {
      return deny(`ccbell: no answer from ${app} within ${formatDuration(options.timeoutMs)}. Denied.`);
    }
    if (error instanceof BusAbortedError) return deny('ccbell: the approval request was cancelled. Denied.');
    return deny(`ccbell: could not ask ${app}: ${messageOf(error)}. Denied.`);
  }
}

/**
 * The answer to a message too big to read: a tool call is denied like any refused request (the
 * server offers one tool, so a tools/call is an approval_prompt call); any other request gets a
 * JSON-RPC error. A message whose id could not be found (a notification) gets nothing.
 */
function oversizedReply(
  message: OversizedMessage,
  maxBytes: number,
  log: (line: string) => void,
): JSONRPCMessage | undefined {
  const why = `ccbell: this ${message.method === 'tools/call' ? 'approval request' : 'message'} is ${formatBytes(message.bytes)}, over the ${formatBytes(maxBytes)} ccbell reads. Denied.`;
  log(`refused ${message.method ?? 'a message'} ${message.id ?? '(no id)'}: ${why}`);
  if (message.id === undefined) return undefined;
  if (message.method === 'tools/call') {
    const text = JSON.stringify(denyResult(why));
    return { jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text }] } };
  }
  return { jsonrpc: '2.0', id: message.id, error: { code: ErrorCode.InvalidRequest, message: why } };
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 120) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  return `${Math.round(seconds / 60)} min`;
}
