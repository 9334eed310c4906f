// The MCP Inspector's CLI, an MCP client ccbell did not write, calling tools/list and tools/call
// on the built approval server (`node dist/ccbell.js approval-server`) against a real app.
// The inspector is the devDependency @modelcontextprotocol/inspector (2.x; its CLI mode runs on
// Node 20 too); INSPECTOR_BIN may point at another copy of its `mcp-inspector` bin.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { repoRoot } from '../e2e/support/claude.js';

const inspectorBin = process.env.INSPECTOR_BIN || join(repoRoot, 'node_modules', '.bin', 'mcp-inspector');

// A runtime id no app has.
const NOBODY = '1_1700000000000';

let world: World;
let app: Background;
let appId: string;

beforeAll(async () => {
  if (!existsSync(inspectorBin)) {
    throw new Error(
      `the MCP Inspector is missing at ${inspectorBin}: install the devDependency ` +
        '(npm i -D -E @modelcontextprotocol/inspector@2.12.0) or set INSPECTOR_BIN to its mcp-inspector bin',
    );
  }
  assertBuilt();
  world = await makeWorld();
  await writeFile(
    join(world.home, '.claude', 'ccbell.config.json'),
    JSON.stringify({ approvals: { allow: ['Bash(echo *)'], deny: [] } }),
  );
  app = ccbellBackground(world, ['app']);
  appId = (await app.waitFor(/app running: id (\d+_\d+)/, 15_000))[1]!;
});

afterAll(async () => {
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  if (world) await rm(dirname(world.home), { recursive: true, force: true });
});

interface InspectorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mcp-inspector --cli … -- node dist/ccbell.js approval-server` with the Node running the
 * tests. The inspector gives the server only a default environment plus its `-e` pairs.
 */
function inspector(runtimeId: string, methodArgs: string[]): Promise<InspectorRun> {
  const serverEnv = {
    HOME: world.home,
    CCBELL_BUS_DIR: world.busDir,
    CLAUDE_CODE_UI_INSTANCE_ID: runtimeId,
  };
  const args = [
    inspectorBin,
    '--cli',
    ...Object.entries(serverEnv).flatMap(([key, value]) => ['-e', `${key}=${value}`]),
    ...methodArgs,
    '--',
    process.execPath,
    cliPath,
    'approval-server',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: world.env, cwd: world.home });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

/** tools/call approval_prompt through the inspector; returns the decision JSON from its one text block. */
async function callPrompt(
  runtimeId: string,
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const toolArgs = Object.entries(args).map(
    ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  const run = await inspector(runtimeId, [
    '--method',
    'tools/call',
    '--tool-name',
    'approval_prompt',
    '--tool-arg',
    ...toolArgs,
  ]);
  expect(run.code, run.stderr || run.stdout).toBe(0);
  const result = JSON.parse(run.stdout) as { content: { type: string; text: string }[]; isError?: boolean };
  expect(result.isError).toBeFalsy();
  expect(result.content).toHaveLength(1);
  expect(result.content[0]!.type).toBe('text');
  return JSON.parse(result.content[0]!.text) as Record<string, unknown>;
}

async function pending(): Promise<{ id: string; input: Record<string, unknown> }[]> {
  const run = await ccbell(world, ['pending', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { id: string; input: Record<string, unknown> }[];
}

describe('approval-server under the MCP Inspector CLI', () => {
  it('tools/list shows approval_prompt and its input schema', async () => {
    const run = await inspector(appId, ['--method', 'tools/list']);
    expect(run.code, run.stderr).toBe(0);
    const { tools } = JSON.parse(run.stdout) as {
      tools: {
        name: string;
        inputSchema: { type: string; properties: Record<string, { type?: string }>; required?: string[] };
      }[];
    };
    expect(tools.map((tool) => tool.name)).toEqual(['approval_prompt']);
    const schema = tools[0]!.inputSchema;
    expect(schema.type).toBe('object');
    expect(schema.properties.tool_name?.type).toBe('string');
    expect(schema.properties.input?.type).toBe('object');
    expect([...(schema.required ?? [])].sort()).toEqual(['input', 'tool_name']);
  });

  it('tools/call of an allowed command returns allow with the nested input intact', async () => {
    const input = { command: 'echo hi', nested: { list: [1, 'two', { three: null }], flag: true } };
    const answer = await callPrompt(appId, { tool_name: 'Bash', input, tool_use_id: 'toolu_insp_allow' });
    expect(answer).toEqual({ behavior: 'allow', updatedInput: input });
  });

  it('tools/call of an unlisted command waits for `ccbell answer … allow`', async () => {
    const input = { command: 'touch marker', description: 'make a marker' };
    let settled = false;
    const call = callPrompt(appId, { tool_name: 'Bash', input, tool_use_id: 'toolu_insp_wait' }).finally(
      () => {
        settled = true;
      },
    );
    const item = await eventually(async () =>
      (await pending()).find((p) => p.input.command === 'touch marker'),
    );
    expect(settled).toBe(false);
    const answered = await ccbell(world, ['answer', item.id, 'allow']);
    expect(answered.code, answered.stderr).toBe(0);
    expect(await call).toEqual({ behavior: 'allow', updatedInput: input });
  });

  it('tools/call with no app of that runtime id is denied, naming the channel', async () => {
    const answer = await callPrompt(NOBODY, { tool_name: 'Bash', input: { command: 'echo hi' } });
    expect(answer.behavior).toBe('deny');
    expect(answer.message).toContain(`ClaudeCodeUIApprovalRequest_${NOBODY}`);
  });
});
