// The built approval server (`node dist/ccbell.js approval-server`) over real stdio, driven by the
// SDK's own Client the way Claude Code drives it, against a real `ccbell app` on a temporary bus.
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView } from '../../src/protocol/index.js';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  cliPath,
  eventually,
  makeWorld,
  type World,
} from '../e2e/support/ccbell.js';

/** What `ccbell pending --json` prints. */
type PendingView = ItemView;

// A runtime id no app has: well-formed, so the server gets as far as posting and finds nobody.
const NOBODY = '1_1700000000000';

let world: World;
let app: Background;
let appId: string;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  assertBuilt();
  world = await makeWorld();
  await writeFile(
    join(world.home, '.claude', 'ccbell.config.json'),
    JSON.stringify({ debug: true, approvals: { allow: ['Bash(echo *)'], deny: [] } }),
  );
  app = ccbellBackground(world, ['app']);
  appId = (await app.waitFor(/app running: id (\d+_\d+)/, 15_000))[1]!;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  if (world) await rm(dirname(world.home), { recursive: true, force: true });
});

/** The approval server's environment: only what it needs, NODE_EXTRA_CA_CERTS left out. */
function serverEnv(runtimeId: string): Record<string, string> {
  return {
    HOME: world.home,
    PATH: world.env.PATH!,
    CCBELL_BUS_DIR: world.busDir,
    CLAUDE_CODE_UI_INSTANCE_ID: runtimeId,
  };
}

/** Starts `node dist/ccbell.js approval-server` under the SDK's stdio client. */
async function connect(runtimeId: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliPath, 'approval-server'],
    env: serverEnv(runtimeId),
    cwd: world.home,
    stderr: 'pipe',
  });
  // Anything on stdout that is not a JSON-RPC message ends up here.
  const transportErrors: Error[] = [];
  transport.onerror = (error) => transportErrors.push(error);
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  const client = new Client({ name: 'claude-stand-in', version: '1' });
  await client.connect(transport);
  cleanups.push(() => client.close());
  const prompt = async (args: Record<string, unknown>) => {
    const result = await client.callTool({ name: 'approval_prompt', arguments: args });
    const content = result.content as { type: string; text: string }[];
    expect(result.isError).toBeFalsy();
    expect(content).toHaveLength(1);
    expect(content[0]!.type).toBe('text');
    return JSON.parse(content[0]!.text) as Record<string, unknown>;
  };
  return { client, prompt, transportErrors, stderr: () => stderr };
}

async function pending(): Promise<PendingView[]> {
  const run = await ccbell(world, ['pending', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PendingView[];
}

describe('approval-server over stdio (built CLI, real app)', () => {
  it('lists approval_prompt with its input schema', async () => {
    const { client, transportErrors } = await connect(appId);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['approval_prompt']);
    const schema = tools[0]!.inputSchema as {
      type: string;
      properties: Record<string, { type?: string }>;
      required?: string[];
    };
    expect(schema.type).toBe('object');
    expect(schema.properties.tool_name?.type).toBe('string');
    expect(schema.properties.input?.type).toBe('object');
    expect(schema.properties.tool_use_id?.type).toBe('string');
    expect([...(schema.required ?? [])].sort()).toEqual(['input', 'tool_name']);
    expect(transportErrors).toEqual([]);
  });

  it('allows a command the config allows, returning the nested input intact', async () => {
    const { prompt, transportErrors } = await connect(appId);
    const input = {
      command: 'echo hi',
      description: 'say hi',
      nested: { list: [1, 'two', { three: [3, null, true] }], empty: {}, text: 'ünï "quoted" \n line' },
      matrix: [[1, 2], [{ a: { b: { c: 'deep' } } }]],
    };
    const answer = await prompt({ tool_name: 'Bash', input, tool_use_id: 'toolu_allow_1' });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: input });
    // The rule answered: nothing is left waiting.
    expect(await pending()).toEqual([]);
    expect(transportErrors).toEqual([]);
  });

  it('keeps an unlisted command pending until `ccbell answer … deny --message` answers it', async () => {
    const { prompt, transportErrors } = await connect(appId);
    let settled = false;
    const call = prompt({
      tool_name: 'Bash',
      input: { command: 'rm -rf ./scratch', description: 'remove scratch' },
      tool_use_id: 'toolu_wait_1',
    }).finally(() => {
      settled = true;
    });
    const item = await eventually(async () =>
      (await pending()).find((p) => p.input.command === 'rm -rf ./scratch'),
    );
    expect(item.tool_name).toBe('Bash');
    // Still waiting a moment later: nothing answers an unlisted command by itself.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    const answered = await ccbell(world, ['answer', item.id, 'deny', '--message', 'why']);
    expect(answered.code, answered.stderr).toBe(0);
    expect(await call).toEqual({ behavior: 'deny', message: 'why' });
    expect(await pending()).toEqual([]);
    expect(transportErrors).toEqual([]);
  });

  it('denies at once, naming the channel, when no app has that runtime id', async () => {
    const { prompt, transportErrors } = await connect(NOBODY);
    const started = Date.now();
    const answer = await prompt({
      tool_name: 'Bash',
      input: { command: 'echo hi' },
      tool_use_id: 'toolu_none',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain(`ClaudeCodeUIApprovalRequest_${NOBODY}`);
    // The app of the other id saw nothing of it.
    expect(await pending()).toEqual([]);
    expect(app.output()).not.toContain('toolu_none');
    expect(transportErrors).toEqual([]);
  });

  it('denies an oversized call, naming its size, and answers the next call on the same server', async () => {
    const { client, prompt, transportErrors } = await connect(appId);
    // About 15 MB: over the SDK's own 10 MiB read buffer, which used to close the connection.
    const content = 'line of a very large file\n'.repeat(600_000);
    const started = Date.now();
    const denied = await prompt({
      tool_name: 'Write',
      input: { file_path: '/tmp/huge.txt', content },
      tool_use_id: 'toolu_huge',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(denied.behavior).toBe('deny');
    expect(denied.message).toMatch(/approval request is 15\.\d MiB \(\d+ bytes\), over the 4 MiB/);
    // The app never saw it, and the same server answers the next call.
    expect(await pending()).toEqual([]);
    expect(app.output()).not.toContain('toolu_huge');
    const allowed = await prompt({
      tool_name: 'Bash',
      input: { command: 'echo after' },
      tool_use_id: 'toolu_after_huge',
    });
    expect(allowed).toEqual({ behavior: 'allow', updatedInput: { command: 'echo after' } });
    // Other requests too big to read get a JSON-RPC error for their id, not silence.
    await expect(
      client.request(
        { method: 'tools/list', params: { padding: 'x'.repeat(5 * 1024 * 1024) } },
        ListToolsResultSchema,
      ),
    ).rejects.toThrow(/message is 5\.0 MiB .* over the 4 MiB/);
    expect((await client.listTools()).tools).toHaveLength(1);
    expect(transportErrors).toEqual([]);
  });

  it('writes nothing but JSON-RPC to stdout, and logs to the instance log instead', async () => {
    const child = spawn(process.execPath, [cliPath, 'approval-server'], {
      env: serverEnv(NOBODY),
      cwd: world.home,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'approval_prompt', arguments: { tool_name: 'Bash', input: { command: 'ls' } } },
    });
    await eventually(() => (stdout.includes('"id":3') ? true : undefined), 10_000);
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines.map((line) => (JSON.parse(line) as { id?: number }).id)).toEqual([1, 2, 3]);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(stderr).toBe('');
    const log = await readFile(join(world.home, '.claude', 'ccbell.log'), 'utf8');
    expect(log).toContain(`Configuring for instance: ${NOBODY}`);
    expect(log).toContain(`Configuring for instance: ${appId}`);
  });
});
