// The approval path across real processes: an app killed mid-request, and the approval server
// started as Claude Code starts it (node, stdio, env) and driven by the SDK's stdio client.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APPROVAL_MAX_FRAME_BYTES,
  channelsFor,
  createApprovalServer,
  parseApprovalRequest,
} from '../../src/approval/index.js';
import { observe } from '../../src/bus/index.js';
import { bundleForChildren, type TestBundle } from '../support/bundle.js';

const ID = '4242_1763770000999';
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let built: TestBundle;
let bundle: string;
let dir: string;
let children: ChildProcess[];
let cleanups: (() => Promise<unknown> | unknown)[];

// Children start faster without the CA bundle (see the preamble).
const { NODE_EXTRA_CA_CERTS: _slow, ...baseEnv } = process.env;

beforeAll(async () => {
  built = await bundleForChildren(fixture('entry.ts'), 'approval');
  bundle = built.path;
});
afterAll(() => built.remove());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccb-ap-'));
  children = [];
  cleanups = [];
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function spawnApp(): { child: ChildProcess; next: () => Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, [fixture('app.mjs'), bundle, ID], {
    env: { ...baseEnv, CCBELL_BUS_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let waiter: (() => void) | undefined;
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(JSON.parse(text));
    waiter?.();
  });
  const next = async () => {
    while (lines.length === 0) await new Promise<void>((resolve) => (waiter = resolve));
    return lines.shift()!;
  };
  return { child, next };
}

describe('approval across processes', () => {
  it('denies when the app process is killed mid-request', async () => {
    const app = spawnApp();
    expect(await app.next()).toEqual({ ready: true });
    const server = createApprovalServer({
      env: { CCBELL_BUS_DIR: dir, CLAUDE_CODE_UI_INSTANCE_ID: ID },
      timeoutMs: 30_000,
    });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    const client = new Client({ name: 't', version: '1' });
    await client.connect(clientTransport);
    cleanups.push(() => client.close());

    const started = Date.now();
    const call = client.callTool({
      name: 'approval_prompt',
      arguments: { tool_name: 'Bash', input: { command: 'make deploy' }, tool_use_id: 'toolu_k' },
    });
    const seen = await app.next();
    expect(seen.kind).toBe('request');
    expect(parseApprovalRequest(seen.request).input).toEqual({ command: 'make deploy' });
    // The app holds the request unanswered until it dies: only its death can end the call early.
    let done = false;
    void call.finally(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    app.child.kill('SIGKILL');
    const result = await call;
    const answer = JSON.parse((result.content as { text: string }[])[0]!.text);
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toBe(
      `ccbell: the ccbell app (runtime id ${ID}) went away before answering. Denied.`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs as Claude Code starts it: node, stdio, identity from the env, logs to a file only', async () => {
    const channels = channelsFor(ID);
    const observer = await observe(
      channels.request,
      (payload) => {
        const request = parseApprovalRequest(payload);
        return {
          tool_use_id: request.tool_use_id,
          behavior: 'allow',
          updated_input: { ...request.input, checked: true },
        };
      },
      { dir, maxFrameBytes: APPROVAL_MAX_FRAME_BYTES },
    );
    cleanups.push(() => observer.close());
    const logFile = join(dir, 'server.log');
    const stderr: string[] = [];
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [fixture('server.mjs'), bundle, logFile],
      env: { ...(baseEnv as Record<string, string>), CCBELL_BUS_DIR: dir, CLAUDE_CODE_UI_INSTANCE_ID: ID },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const errors: Error[] = [];
    const client = new Client({ name: 'claude-stand-in', version: '1' });
    client.onerror = (error) => errors.push(error);
    await client.connect(transport);
    cleanups.push(() => client.close());

    const input = { command: 'ls', args: [{ a: [1, 2] }, 'ü'], env: { nested: { deep: true } } };
    const result = await client.callTool({
      name: 'approval_prompt',
      arguments: { tool_name: 'Bash', input, tool_use_id: 'toolu_p' },
    });
    expect(JSON.parse((result.content as { text: string }[])[0]!.text)).toEqual({
      behavior: 'allow',
      updatedInput: { ...input, checked: true },
    });
    await client.close();
    expect(errors).toEqual([]);
    expect(stderr.join('')).toBe('');
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain(`Configuring for instance: ${ID}`);
    expect(log).toContain('answer toolu_p: allow');
  });
});
