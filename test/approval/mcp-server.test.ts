// The approval server through the SDK's own Client over an in-memory transport, against a
// stand-in app that observes the request channel on a temporary bus directory and answers by
// replying to the bus request (its handler's resolved value), as the real app does.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APPROVAL_MAX_FRAME_BYTES,
  type ApprovalAnswer,
  type ApprovalRequest,
  channelsFor,
  createApprovalServer,
  parseApprovalRequest,
  runApprovalServer,
} from '../../src/approval/index.js';
import { type Frame, FrameDecoder } from '../../src/bus/frame.js';
import { type Observer, observe, post } from '../../src/bus/index.js';
import { socketFileName } from '../../src/bus/naming.js';

const ID_A = '1111_1763770000123';
const ID_B = '2222_1763770000456';

let dir: string;
let cleanups: (() => Promise<unknown> | unknown)[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-ap-'));
  cleanups = [];
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function envFor(id: string | undefined): NodeJS.ProcessEnv {
  const base = { CCBELL_BUS_DIR: dir, CCBELL_HOST: 'this-machine' };
  return id === undefined ? base : { ...base, CLAUDE_CODE_UI_INSTANCE_ID: id };
}

async function connect(id: string | undefined, timeoutMs = 10_000) {
  const logs: string[] = [];
  const server = createApprovalServer({
    env: envFor(id),
    timeoutMs,
    log: (line) => logs.push(line),
    cwd: '/w/proj',
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'claude-stand-in', version: '1' });
  await client.connect(clientTransport);
  cleanups.push(() => client.close());
  cleanups.push(() => server.close());
  const prompt = async (args: Record<string, unknown>) => {
    const result = await client.callTool({ name: 'approval_prompt', arguments: args }, undefined, {
      timeout: 30_000,
    });
    const content = result.content as { type: string; text: string }[];
    expect(content).toHaveLength(1);
    expect(content[0]!.type).toBe('text');
    return { result, answer: JSON.parse(content[0]!.text) as Record<string, unknown> };
  };
  return { client, server, logs, prompt };
}

/**
 * A stand-in app: observes the request channel of `id` (with the frame cap the real app uses) and
 * replies to each request with what `respond` returns or resolves to; a promise that resolves
 * later models a person answering, one that never resolves an app that never answers.
 */
async function standInApp(id: string | undefined, respond: (request: ApprovalRequest) => unknown) {
  const channels = channelsFor(id);
  const seen: ApprovalRequest[] = [];
  const kinds: string[] = [];
  const observer: Observer = await observe(
    channels.request,
    (payload, info) => {
      kinds.push(info.kind);
      const received = parseApprovalRequest(payload);
      seen.push(received);
      return respond(received);
    },
    { dir, maxFrameBytes: APPROVAL_MAX_FRAME_BYTES },
  );
  cleanups.push(() => observer.close());
  return { observer, seen, kinds, channels };
}

/** What a stand-in app that never answers returns. */
const never = () => new Promise<never>(() => undefined);

/** A reply allowing the request it answers. */
const allow = (req: ApprovalRequest): ApprovalAnswer => ({ tool_use_id: req.tool_use_id, behavior: 'allow' });

interface RawConnection {
  readonly frames: Frame[];
  closed: boolean;
  socket: Socket;
}

let rawSeq = 0;

/**
 * An app speaking the bus by hand on the request channel's socket file, so a test can see its
 * connections: what arrived on each and whether the approval server closed it. It never replies.
 */
async function rawApp(id: string | undefined) {
  const channel = channelsFor(id).request;
  // Far above the sequence numbers observe() gives out in this process, so the names never meet.
  const path = join(dir, socketFileName(channel, process.pid, 1_000_000 + rawSeq++));
  const connections: RawConnection[] = [];
  const server = createServer((socket) => {
    const connection: RawConnection = { frames: [], closed: false, socket };
    connections.push(connection);
    const decoder = new FrameDecoder(APPROVAL_MAX_FRAME_BYTES);
    socket.on('data', (chunk: Buffer) => connection.frames.push(...decoder.push(chunk).frames));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      connection.closed = true;
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const { socket } of connections) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { connections };
}

const nestedInput = () => ({
  file_path: '/tmp/ü/データ.json',
  edits: [
    { old_string: 'a\nb', new_string: '🎉 "quoted" \\ back', replace_all: false },
    { old_string: '', new_string: 'x', extra: { deep: [[1, 2], [{ n: null }]] } },
  ],
  options: { nested: { array: [true, false, 0, -1.5, 'ß', '\u2028'] } },
  empty: {},
  none: [],
});

describe('approval server', () => {
  it('offers one tool, approval_prompt, taking tool_name, input and tool_use_id', async () => {
    const { client, logs } = await connect(ID_A);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['approval_prompt']);
    const schema = tools[0]!.inputSchema as {
      properties: Record<string, { type?: string }>;
      required: string[];
    };
    expect(schema.properties.tool_name?.type).toBe('string');
    expect(schema.properties.input?.type).toBe('object');
    expect(schema.properties.tool_use_id?.type).toBe('string');
    expect(schema.required.sort()).toEqual(['input', 'tool_name']);
    expect(logs).toContain(`Configuring for instance: ${ID_A}`);
  });

  it('asks with a bus request and allows with the original nested input, returned intact', async () => {
    const app = await standInApp(ID_A, allow);
    const { prompt } = await connect(ID_A);
    const { answer, result } = await prompt({
      tool_name: 'MultiEdit',
      input: nestedInput(),
      tool_use_id: 'toolu_01',
    });
    expect(result.isError).toBeFalsy();
    expect(answer).toEqual({ behavior: 'allow', updatedInput: nestedInput() });
    expect(app.seen).toEqual([
      // The host names the session's machine: the app shows it when it is not its own.
      {
        tool_name: 'MultiEdit',
        input: nestedInput(),
        tool_use_id: 'toolu_01',
        cwd: '/w/proj',
        host: 'this-machine',
      },
    ]);
    expect(app.kinds).toEqual(['request']);
  });

  it('keeps a "__proto__" key of the input', async () => {
    await standInApp(ID_A, allow);
    const { prompt } = await connect(ID_A);
    const input = JSON.parse('{"a":{"__proto__":{"x":1}},"b":[{"__proto__":2}]}');
    const { answer } = await prompt({ tool_name: 'X', input, tool_use_id: 'toolu_p' });
    expect(JSON.stringify(answer)).toBe(`{"behavior":"allow","updatedInput":${JSON.stringify(input)}}`);
  });

  it('allows with the updated input the app replies with', async () => {
    const updated = { command: 'ls -la', nested: { list: [{ a: 1 }, { b: [2] }] } };
    await standInApp(ID_A, (req) => ({
      tool_use_id: req.tool_use_id,
      behavior: 'allow',
      updated_input: updated,
    }));
    const { prompt } = await connect(ID_A);
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_02' });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: updated });
  });

  it('denies with the app’s message', async () => {
    await standInApp(ID_A, (req) => ({
      tool_use_id: req.tool_use_id,
      behavior: 'deny',
      message: 'Not on main, please',
    }));
    const { prompt, logs } = await connect(ID_A);
    const { answer } = await prompt({
      tool_name: 'Bash',
      input: { command: 'git push' },
      tool_use_id: 'toolu_03',
    });
    expect(answer).toEqual({ behavior: 'deny', message: 'Not on main, please' });
    expect(logs).toContain('answer toolu_03: deny');
  });

  it('takes an answer the person gives later', async () => {
    let answer!: (value: ApprovalAnswer) => void;
    const app = await standInApp(ID_A, () => new Promise((resolve) => (answer = resolve)));
    const { prompt } = await connect(ID_A);
    let done = false;
    const call = prompt({ tool_name: 'Bash', input: { command: 'make' }, tool_use_id: 'toolu_l' }).finally(
      () => {
        done = true;
      },
    );
    await vi.waitFor(() => expect(app.seen).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    answer({ tool_use_id: 'toolu_l', behavior: 'allow', updated_input: { command: 'make -n' } });
    expect((await call).answer).toEqual({ behavior: 'allow', updatedInput: { command: 'make -n' } });
  });

  it('denies at once, naming the channel, when no app listens', async () => {
    const { prompt } = await connect(ID_A, 20_000);
    const started = Date.now();
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_04' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain(`no ccbell app is listening on ClaudeCodeUIApprovalRequest_${ID_A}`);
  });

  it('denies when the app closes mid-request, well before the timeout', async () => {
    let app!: Awaited<ReturnType<typeof standInApp>>;
    app = await standInApp(ID_A, () => {
      setTimeout(() => void app.observer.close(), 50);
      return never();
    });
    const { prompt } = await connect(ID_A, 20_000);
    const started = Date.now();
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_05' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toMatch(/went away before answering/);
    expect(answer.message).toContain(ID_A);
    expect(app.seen).toHaveLength(1);
  });

  it('denies after the timeout, saying how long it waited', async () => {
    const app = await standInApp(ID_A, never);
    const { prompt } = await connect(ID_A, 300);
    const started = Date.now();
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_06' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain(`no answer from the ccbell app (runtime id ${ID_A}) within 300 ms`);
    expect(app.seen).toHaveLength(1);
  });

  it('takes no answer from the Response channel: only the reply counts', async () => {
    let delivered: number | undefined;
    await standInApp(ID_A, async (req) => {
      const delivery = await post(channelsFor(ID_A).response, allow(req), { dir });
      delivered = delivery.delivered;
      return never();
    });
    const { prompt } = await connect(ID_A, 300);
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_r' });
    expect(delivered).toBe(0);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain('300 ms');
  });

  it('denies a reply that answers another tool_use_id, naming it', async () => {
    await standInApp(ID_A, () => ({ tool_use_id: 'toolu_other', behavior: 'allow' }));
    const { prompt, logs } = await connect(ID_A);
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'rm' }, tool_use_id: 'toolu_09' });
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain('answered another request (toolu_other)');
    expect(answer.message).toContain(ID_A);
    expect(logs.some((line) => line.startsWith('deny toolu_09 Bash:'))).toBe(true);
  });

  it.each<[string, (req: ApprovalRequest) => unknown, string]>([
    ['nothing (an app that posts its answer instead)', () => undefined, 'must be an object, got undefined'],
    ['a string', () => 'allow', 'must be an object, got a string'],
    ['an array', (req) => [allow(req)], 'must be an object, got an array'],
    ['no tool_use_id', () => ({ behavior: 'allow' }), 'tool_use_id: must be a string'],
    [
      'an unknown behavior',
      (req) => ({ tool_use_id: req.tool_use_id, behavior: 'maybe' }),
      'behavior: must be',
    ],
    [
      'a deny with updated_input',
      (req) => ({ tool_use_id: req.tool_use_id, behavior: 'deny', updated_input: { command: 'x' } }),
      'updated_input: only an allow',
    ],
    [
      'an updated_input that is not an object',
      (req) => ({ tool_use_id: req.tool_use_id, behavior: 'allow', updated_input: 'rm -rf /' }),
      'updated_input: must be an object',
    ],
  ])('denies a malformed reply (%s), naming the problem', async (_, reply, problem) => {
    await standInApp(ID_A, reply);
    const { prompt } = await connect(ID_A, 20_000);
    const started = Date.now();
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_m' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain(problem);
    expect(answer.message).toContain(ID_A);
  });

  it('denies, passing the app’s error on, when the app’s handler throws', async () => {
    await standInApp(ID_A, async () => {
      throw new Error('the prompt window crashed');
    });
    const { prompt } = await connect(ID_A, 20_000);
    const started = Date.now();
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_t' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain('the prompt window crashed');
    expect(answer.message).toContain(ID_A);
  });

  it('keeps two runtime ids apart', async () => {
    const appA = await standInApp(ID_A, allow);
    const appB = await standInApp(ID_B, (req) => ({
      tool_use_id: req.tool_use_id,
      behavior: 'deny',
      message: 'B says no',
    }));
    const a = await connect(ID_A);
    const b = await connect(ID_B);
    const [resultA, resultB] = await Promise.all([
      a.prompt({ tool_name: 'Bash', input: { command: 'a' }, tool_use_id: 'toolu_same' }),
      b.prompt({ tool_name: 'Bash', input: { command: 'b' }, tool_use_id: 'toolu_same' }),
    ]);
    expect(resultA.answer).toEqual({ behavior: 'allow', updatedInput: { command: 'a' } });
    expect(resultB.answer).toEqual({ behavior: 'deny', message: 'B says no' });
    expect(appA.seen.map((r) => r.input.command)).toEqual(['a']);
    expect(appB.seen.map((r) => r.input.command)).toEqual(['b']);
  });

  it('does not reach an app of another id, nor a legacy app, from an id', async () => {
    const other = await standInApp(ID_B, allow);
    const legacy = await standInApp(undefined, allow);
    const { prompt } = await connect(ID_A);
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'x' }, tool_use_id: 'toolu_07' });
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain('no ccbell app is listening');
    expect(other.seen).toEqual([]);
    expect(legacy.seen).toEqual([]);
  });

  it('uses the legacy channel names when no id is set', async () => {
    const scoped = await standInApp(ID_A, (req) => ({ tool_use_id: req.tool_use_id, behavior: 'deny' }));
    const legacy = await standInApp(undefined, allow);
    expect(legacy.channels.request).toBe('ClaudeCodeUIApprovalRequest');
    const { prompt, logs } = await connect(undefined);
    const { answer } = await prompt({
      tool_name: 'Read',
      input: { file_path: '/a' },
      tool_use_id: 'toolu_08',
    });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: { file_path: '/a' } });
    expect(legacy.seen).toHaveLength(1);
    expect(scoped.seen).toEqual([]);
    expect(logs.some((line) => line.startsWith('Configuring for instance: (none'))).toBe(true);
  });

  it('answers concurrent calls each with its own answer', async () => {
    const pending = new Map<string, (answer: ApprovalAnswer) => void>();
    const app = await standInApp(
      ID_A,
      (req) => new Promise<ApprovalAnswer>((resolve) => pending.set(req.tool_use_id, resolve)),
    );
    const { prompt } = await connect(ID_A);
    const first = prompt({ tool_name: 'Bash', input: { command: 'one' }, tool_use_id: 'toolu_1' });
    const second = prompt({ tool_name: 'Bash', input: { command: 'two' }, tool_use_id: 'toolu_2' });
    await vi.waitFor(() => expect(pending.size).toBe(2));
    pending.get('toolu_2')!({ tool_use_id: 'toolu_2', behavior: 'deny', message: 'two: no' });
    expect((await second).answer).toEqual({ behavior: 'deny', message: 'two: no' });
    pending.get('toolu_1')!({ tool_use_id: 'toolu_1', behavior: 'allow' });
    expect((await first).answer).toEqual({ behavior: 'allow', updatedInput: { command: 'one' } });
    expect(app.seen).toHaveLength(2);
  });

  it('makes a tool_use_id when Claude Code gives none, and expects it back', async () => {
    const app = await standInApp(ID_A, allow);
    const { prompt } = await connect(ID_A);
    const { answer } = await prompt({ tool_name: 'Read', input: { file_path: '/n' } });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: { file_path: '/n' } });
    expect(app.seen[0]!.tool_use_id).toMatch(/^ccbell_[0-9a-f-]{36}$/);
    const again = await prompt({ tool_name: 'Read', input: { file_path: '/n' } });
    expect(again.answer.behavior).toBe('allow');
    expect(app.seen[1]!.tool_use_id).not.toBe(app.seen[0]!.tool_use_id);
  });

  it('denies, naming the variable, when the runtime id is malformed', async () => {
    const app = await standInApp(undefined, allow);
    const { prompt } = await connect('../../etc');
    const { answer } = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'toolu_11' });
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain('CLAUDE_CODE_UI_INSTANCE_ID');
    expect(app.seen).toEqual([]);
  });

  it('denies a request the protocol refuses, without bothering the app', async () => {
    const app = await standInApp(ID_A, allow);
    const { prompt } = await connect(ID_A);
    const bad = await prompt({ tool_name: 'Bash', input: { command: 'ls' }, tool_use_id: 'id with spaces' });
    expect(bad.answer.behavior).toBe('deny');
    expect(bad.answer.message).toContain('tool_use_id');
    const deep = await prompt({ tool_name: 'Bash(x)', input: {}, tool_use_id: 'toolu_12' });
    expect(deep.answer.behavior).toBe('deny');
    expect(app.seen).toEqual([]);
  });

  it('returns an MCP error for arguments of the wrong type, and never asks the app', async () => {
    const app = await standInApp(ID_A, allow);
    const { client } = await connect(ID_A);
    for (const args of [
      { tool_name: 'Bash', input: ['ls'] },
      { tool_name: 'Bash', input: 'ls' },
      { input: {} },
    ]) {
      const result = await client.callTool({ name: 'approval_prompt', arguments: args });
      expect(result.isError).toBe(true);
    }
    expect(app.seen).toEqual([]);
  });

  it('keeps one connection to the app for every call, observes nothing, and closes it with the server', async () => {
    const raw = await rawApp(ID_A);
    const { prompt, server } = await connect(ID_A, 20_000);
    const call = prompt({ tool_name: 'Read', input: { file_path: '/c' }, tool_use_id: 'toolu_13' });
    await vi.waitFor(() => expect(raw.connections[0]?.frames).toHaveLength(1));
    const connection = raw.connections[0]!;
    const frame = connection.frames[0]!;
    expect(frame).toMatchObject({ t: 'req', p: { tool_use_id: 'toolu_13', input: { file_path: '/c' } } });
    if (frame.t !== 'req') throw new Error(`expected a request frame, got "${frame.t}"`);
    const answer13 = { tool_use_id: 'toolu_13', behavior: 'allow' };
    const delivery = await post(channelsFor(ID_A).response, answer13, { dir });
    expect(delivery.delivered).toBe(0);
    expect(connection.closed).toBe(false);
    connection.socket.write(`${JSON.stringify({ t: 'rep', id: frame.id, p: answer13 })}\n`);
    expect((await call).answer).toEqual({ behavior: 'allow', updatedInput: { file_path: '/c' } });

    const next = prompt({ tool_name: 'Read', input: { file_path: '/d' }, tool_use_id: 'toolu_14' });
    await vi.waitFor(() => expect(connection.frames).toHaveLength(2));
    expect(raw.connections).toHaveLength(1);
    expect(connection.closed).toBe(false);
    const second = connection.frames[1]!;
    if (second.t !== 'req') throw new Error(`expected a request frame, got "${second.t}"`);
    expect(second.id).not.toBe(frame.id);
    const answer14 = { tool_use_id: 'toolu_14', behavior: 'deny', message: 'no' };
    connection.socket.write(`${JSON.stringify({ t: 'rep', id: second.id, p: answer14 })}\n`);
    expect((await next).answer).toEqual({ behavior: 'deny', message: 'no' });
    expect(raw.connections).toHaveLength(1);

    await server.close();
    await vi.waitFor(() => expect(connection.closed).toBe(true), { timeout: 2000 });
  });

  it('stops waiting when Claude Code cancels the call, and ignores a late answer', async () => {
    const raw = await rawApp(ID_A);
    const { client, logs, prompt } = await connect(ID_A, 20_000);
    const controller = new AbortController();
    const call = client.callTool(
      {
        name: 'approval_prompt',
        arguments: { tool_name: 'Bash', input: { command: 'x' }, tool_use_id: 'toolu_c' },
      },
      undefined,
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(raw.connections[0]?.frames).toHaveLength(1));
    expect(raw.connections[0]!.closed).toBe(false);
    controller.abort();
    await expect(call).rejects.toThrow();
    await vi.waitFor(() =>
      expect(logs).toContain('deny toolu_c Bash: ccbell: the approval request was cancelled. Denied.'),
    );
    // The connection stays for the next call; the cancelled call's late answer goes nowhere.
    const connection = raw.connections[0]!;
    expect(connection.closed).toBe(false);
    const cancelled = connection.frames[0]!;
    if (cancelled.t !== 'req') throw new Error(`expected a request frame, got "${cancelled.t}"`);
    const late = { tool_use_id: 'toolu_c', behavior: 'allow' };
    connection.socket.write(`${JSON.stringify({ t: 'rep', id: cancelled.id, p: late })}\n`);
    const next = prompt({ tool_name: 'Bash', input: { command: 'y' }, tool_use_id: 'toolu_d' });
    await vi.waitFor(() => expect(connection.frames).toHaveLength(2));
    const frame = connection.frames[1]!;
    if (frame.t !== 'req') throw new Error(`expected a request frame, got "${frame.t}"`);
    const answer = { tool_use_id: 'toolu_d', behavior: 'allow' };
    connection.socket.write(`${JSON.stringify({ t: 'rep', id: frame.id, p: answer })}\n`);
    expect((await next).answer).toEqual({ behavior: 'allow', updatedInput: { command: 'y' } });
    expect(raw.connections).toHaveLength(1);
  });

  it('carries an input larger than the bus default frame (1 MiB) both ways', async () => {
    const content = `${'データ'.repeat(400_000)}🎉`;
    await standInApp(ID_A, (req) => ({
      tool_use_id: req.tool_use_id,
      behavior: 'allow',
      updated_input: { ...req.input, ok: 1 },
    }));
    const { prompt } = await connect(ID_A);
    const { answer } = await prompt({
      tool_name: 'Write',
      input: { file_path: '/big', content },
      tool_use_id: 'toolu_big',
    });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: { file_path: '/big', content, ok: 1 } });
  });

  it('writes nothing to stdout while serving a call', async () => {
    await standInApp(ID_A, allow);
    const write = vi.spyOn(process.stdout, 'write');
    try {
      const { prompt } = await connect(ID_A);
      await prompt({ tool_name: 'Read', input: { file_path: '/s' }, tool_use_id: 'toolu_14' });
      await prompt({ tool_name: 'Read', input: { file_path: '/s' }, tool_use_id: 'toolu_15' });
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });
});

describe('runApprovalServer', () => {
  it('speaks MCP over the given streams and resolves `closed` when stdin ends', async () => {
    await standInApp(ID_A, allow);
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const logs: string[] = [];
    const { closed } = await runApprovalServer({
      env: envFor(ID_A),
      timeoutMs: 5000,
      log: (line) => logs.push(line),
      stdin,
      stdout,
    });
    const lines: Record<string, unknown>[] = [];
    let buffered = '';
    stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        lines.push(JSON.parse(buffered.slice(0, newline)));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    });
    const send = (message: Record<string, unknown>) =>
      stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    await vi.waitFor(() => expect(lines.find((line) => line.id === 1)).toBeDefined());
    send({ method: 'notifications/initialized' });
    send({
      id: 2,
      method: 'tools/call',
      params: {
        name: 'approval_prompt',
        arguments: {
          tool_name: 'Bash',
          input: { command: 'ls', list: [1, { a: 'ü' }] },
          tool_use_id: 'toolu_s',
        },
      },
    });
    await vi.waitFor(() => expect(lines.find((line) => line.id === 2)).toBeDefined(), { timeout: 5000 });
    const reply = lines.find((line) => line.id === 2) as { result: { content: { text: string }[] } };
    expect(JSON.parse(reply.result.content[0]!.text)).toEqual({
      behavior: 'allow',
      updatedInput: { command: 'ls', list: [1, { a: 'ü' }] },
    });
    stdin.end();
    await closed;
    expect(logs).toContain(`Configuring for instance: ${ID_A}`);
  });
});
