// Internal to the browser tests: Debian's Chromium driven by playwright-core, and a `ccbell app`
// of one named instance running in the background, with its page's address and tokens.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type Browser, chromium } from 'playwright-core';
import { type Background, ccbell, ccbellBackground, cliPath, type World } from '../../e2e/support/ccbell.js';
import { repoRoot } from '../../e2e/support/claude.js';

/** The browser the tests drive; CCBELL_TEST_CHROMIUM points elsewhere when needed. */
export const chromiumPath = process.env.CCBELL_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Where screenshots go (gitignored). */
export const resultsDir = join(repoRoot, 'test-results');

/** Starts headless Chromium, or fails saying which binary is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CCBELL_TEST_CHROMIUM)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A running `ccbell app` and how to reach it. */
export interface PageApp {
  background: Background;
  /** The page's address with its token, as printed. */
  url: string;
  /** The page's origin, e.g. http://127.0.0.1:PORT */
  origin: string;
  port: number;
  runtimeId: string;
  /** The bearer token of the http hooks, from the PID file. */
  hookToken: string;
  stop(): Promise<void>;
}

/** Makes instance `name` with `config`, then starts `ccbell app --instance NAME --no-open [-- command…]`. */
export async function startPageApp(
  world: World,
  name: string,
  options: { config?: object; command?: string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<PageApp> {
  const configFile = join(world.home, `${name}.config-source.json`);
  await writeFile(configFile, JSON.stringify(options.config ?? { debug: true }));
  const created = await ccbell(world, ['instance', 'create', name, '--config', configFile]);
  if (created.code !== 0) throw new Error(`instance create failed: ${created.stderr}`);
  const command = options.command ? ['--', ...options.command] : [];
  const background = ccbellBackground(world, ['app', '--instance', name, '--no-open', ...command], {
    ...(options.env ? { env: options.env } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const runtimeId = (await background.waitFor(/app running: id (\d+_\d+)/))[1]!;
  const url = (await background.waitFor(/page: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/))[1]!;
  const { origin, port } = new URL(url);
  const pid = JSON.parse(await readFile(join(world.home, '.claude', `ccbell-${name}.pid`), 'utf8')) as {
    hookToken?: string;
  };
  if (!pid.hookToken) throw new Error('the PID file has no hookToken');
  return {
    background,
    url,
    origin,
    port: Number(port),
    runtimeId,
    hookToken: pid.hookToken,
    stop: async () => {
      if (background.child.exitCode === null) background.child.kill('SIGTERM');
      await background.exited;
    },
  };
}

/** POSTs one hook input to the app's /hooks, as Claude Code's http hooks do; resolves with the JSON reply. */
export async function postHook(
  app: PageApp,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${app.origin}/hooks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.hookToken}` },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`/hooks answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** An MCP client on `node dist/ccbell.js approval-server`, as Claude Code starts it for a session of the app. */
export async function connectApprovalServer(world: World, runtimeId: string, cwd: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cliPath, 'approval-server'],
    env: {
      HOME: world.home,
      PATH: world.env.PATH!,
      CCBELL_BUS_DIR: world.busDir,
      CLAUDE_CODE_UI_INSTANCE_ID: runtimeId,
    },
    cwd,
    stderr: 'pipe',
  });
  const client = new Client({ name: 'claude-stand-in', version: '1' });
  await client.connect(transport);
  /** Calls approval_prompt; resolves with the decision JSON once someone answers. */
  const prompt = async (args: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const result = await client.callTool({ name: 'approval_prompt', arguments: args }, undefined, {
      timeout: 120_000,
    });
    const content = result.content as { type: string; text: string }[];
    if (result.isError || content.length !== 1 || content[0]!.type !== 'text') {
      throw new Error(`unexpected tool result ${JSON.stringify(result)}`);
    }
    return JSON.parse(content[0]!.text) as Record<string, unknown>;
  };
  return { client, prompt };
}

/** A directory that looks like a git checkout on `branch` (for session labels). */
export async function makeProject(root: string, name: string, branch: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, '.git'), { recursive: true });
  await writeFile(join(dir, '.git', 'HEAD'), `ref: refs/heads/${branch}\n`);
  return dir;
}
