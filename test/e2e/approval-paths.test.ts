// The ways a real Claude Code session (offline, stand-in API) reaches a `ccbell app` when the
// test, not the app, starts claude: the legacy un-suffixed channel, an app that dies while a
// request waits, and a PermissionRequest command hook in -p mode with and without an app.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  removeWorld,
  type World,
} from './support/ccbell.js';
import { type RunClaudeResult, runClaude } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

/** What `ccbell pending --json` prints. */
type PendingView = ItemView;

interface HookResponse {
  type: 'system';
  subtype: 'hook_response';
  hook_event: string;
  stdout: string;
  stderr: string;
  exit_code: number;
  outcome: string;
}

const PROMPT_TOOL = 'mcp__approval_server__approval_prompt';

let api: StandInApi;
let world: World;
const apps: Background[] = [];

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  // The default instance's config sits at its usual place; the others are registered.
  await writeFile(join(world.home, '.claude', 'ccbell.config.json'), JSON.stringify({ debug: true }));
  for (const name of ['plain', 'doomed', 'hooked']) {
    const config = join(world.home, `${name}.json`);
    await writeFile(config, JSON.stringify({ debug: true }));
    expect((await ccbell(world, ['instance', 'create', name, '--config', config])).code).toBe(0);
  }
});

afterAll(async () => {
  for (const app of apps) {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
    await app.exited;
  }
  await api?.close();
  await removeWorld(world);
});

/** Starts `ccbell app ARGS` with no child and returns it with its runtime id. */
async function startApp(args: string[]): Promise<{ app: Background; id: string }> {
  const app = ccbellBackground(world, ['app', ...args]);
  apps.push(app);
  const id = (await app.waitFor(/app running: id (\d+_\d+)/, 15_000))[1]!;
  return { app, id };
}

async function stopApp(app: Background): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toBe(0);
}

async function pendingOf(instance: string): Promise<PendingView[]> {
  const run = await ccbell(world, ['pending', '--instance', instance, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PendingView[];
}

async function project(name: string): Promise<string> {
  const dir = join(world.home, name);
  await mkdir(dir);
  return dir;
}

/** An `--mcp-config` file for the built approval server, with `env` given to it. */
async function mcpConfigFile(name: string, env: Record<string, string>): Promise<string> {
  const file = join(world.home, `${name}.mcp.json`);
  const config = {
    mcpServers: {
      approval_server: { type: 'stdio', command: process.execPath, args: [cliPath, 'approval-server'], env },
    },
  };
  await writeFile(file, JSON.stringify(config));
  return file;
}

/** `claude -p PROMPT` in the world's HOME, its hooks and MCP servers on the world's bus. */
function claude(cwd: string, prompt: string, args: string[]): Promise<RunClaudeResult> {
  return runClaude({
    home: world.home,
    cwd,
    apiUrl: api.url,
    prompt,
    args,
    env: { CCBELL_BUS_DIR: world.busDir, PATH: world.env.PATH! },
    unsetEnv: ['NODE_EXTRA_CA_CERTS'],
    timeoutMs: 60_000,
  });
}

function hookResponses(run: RunClaudeResult): HookResponse[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type?: string; subtype?: string; hook_event?: string })
    .filter(
      (m): m is HookResponse =>
        m.type === 'system' && m.subtype === 'hook_response' && m.hook_event === 'PermissionRequest',
    );
}

describe('legacy channel: approval server started with no runtime id', () => {
  const legacyArgs = async (name: string) => [
    '--mcp-config',
    await mcpConfigFile(name, {}),
    '--permission-prompt-tool',
    PROMPT_TOOL,
  ];

  it('reaches an app started with --accept-legacy, and only that one; allow runs the command', async () => {
    const plain = await startApp(['--instance', 'plain']);
    const legacy = await startApp(['--accept-legacy']);
    expect(legacy.app.output()).toContain('and the legacy channel');
    const cwd = await project('legacy');
    const run = claude(cwd, '[[bash:echo legacy > legacy.txt]]', await legacyArgs('legacy'));
    const item = await eventually(async () => (await pendingOf('default'))[0]);
    expect(item.input.command).toBe('echo legacy > legacy.txt');
    expect(item.sources).toEqual(['prompt-tool']);
    // The app without --accept-legacy never hears of it.
    expect(await pendingOf('plain')).toEqual([]);
    const answered = await ccbell(world, ['answer', item.id, 'allow']);
    expect(answered.code, answered.stderr).toBe(0);
    const result = await run;
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(cwd, 'legacy.txt'), 'utf8')).toBe('legacy\n');
    expect(plain.app.output()).not.toContain('legacy.txt');
    await stopApp(legacy.app);
  });

  it('is denied at once when only an app without --accept-legacy runs', async () => {
    // `plain` from the test above is still running; nothing listens on the legacy channel.
    expect(existsSync(join(world.home, '.claude', 'ccbell-plain.pid'))).toBe(true);
    const cwd = await project('legacy-refused');
    const result = await claude(cwd, '[[bash:echo nobody > nobody.txt]]', await legacyArgs('legacy-refused'));
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('no ccbell app is listening on ClaudeCodeUIApprovalRequest;');
    expect(existsSync(join(cwd, 'nobody.txt'))).toBe(false);
    expect(await pendingOf('plain')).toEqual([]);
    const log = await readFile(join(world.home, '.claude', 'ccbell.log'), 'utf8');
    expect(log).toContain('Configuring for instance: (none: legacy channel names)');
  });
});

describe('app killed while a request waits', () => {
  it('denies the call promptly; claude goes on and the command does not run', async () => {
    const { app, id } = await startApp(['--instance', 'doomed']);
    const cwd = await project('doomed');
    const mcp = await mcpConfigFile('doomed', { CLAUDE_CODE_UI_INSTANCE_ID: id, CCBELL_INSTANCE: 'doomed' });
    const run = claude(cwd, '[[bash:echo doomed > doomed.txt]]', [
      '--mcp-config',
      mcp,
      '--permission-prompt-tool',
      PROMPT_TOOL,
    ]);
    const item = await eventually(async () => (await pendingOf('doomed'))[0]);
    expect(item.input.command).toBe('echo doomed > doomed.txt');
    const killedAt = Date.now();
    app.child.kill('SIGKILL');
    const result = await run;
    // The approval timeout is 240 s; only noticing the closed connection ends it this soon.
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`the ccbell app (runtime id ${id}) went away before answering`);
    expect(existsSync(join(cwd, 'doomed.txt'))).toBe(false);
  });
});

describe('PermissionRequest command hook in -p mode (no prompt tool)', () => {
  const hookArgs = [
    '--settings',
    JSON.stringify({
      hooks: {
        PermissionRequest: [
          {
            hooks: [
              {
                type: 'command',
                command: `'${process.execPath}' '${cliPath}' --instance hooked permission-request`,
                timeout: 120,
              },
            ],
          },
        ],
      },
    }),
    '--output-format',
    'stream-json',
    '--verbose',
    '--include-hook-events',
  ];

  it('asks the running app of the instance; `ccbell answer … allow` runs the command', async () => {
    const { app } = await startApp(['--instance', 'hooked']);
    const cwd = await project('hooked');
    const run = claude(cwd, '[[bash:echo hooked > hooked.txt]]', hookArgs);
    const item = await eventually(async () => (await pendingOf('hooked'))[0]);
    expect(item.input.command).toBe('echo hooked > hooked.txt');
    expect(item.sources).toEqual(['hook']);
    const answered = await ccbell(world, ['answer', item.id, 'allow', '--instance', 'hooked']);
    expect(answered.code, answered.stderr).toBe(0);
    const result = await run;
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    const [hook] = hookResponses(result);
    expect(hook?.exit_code).toBe(0);
    expect(JSON.parse(hook!.stdout)).toEqual({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
    });
    expect(await readFile(join(cwd, 'hooked.txt'), 'utf8')).toBe('hooked\n');
    await stopApp(app);
  });

  it('with no app running prints nothing, exits 0, and Claude Code refuses the command', async () => {
    expect(existsSync(join(world.home, '.claude', 'ccbell-hooked.pid'))).toBe(false);
    const cwd = await project('unhooked');
    const result = await claude(cwd, '[[bash:echo unhooked > unhooked.txt]]', hookArgs);
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    const hooks = hookResponses(result);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ stdout: '', exit_code: 0, outcome: 'success' });
    expect(result.stderr).not.toMatch(/hook/i);
    expect(existsSync(join(cwd, 'unhooked.txt'))).toBe(false);
    const log = await readFile(join(world.home, '.claude', 'ccbell-hooked.log'), 'utf8');
    expect(log).toContain('permission-request: no app running; leaving the decision to Claude Code');
    // It notified instead (the fake player logs its argv).
    expect(await readFile(world.playLog, 'utf8')).toContain('pw-play');
  });
});
