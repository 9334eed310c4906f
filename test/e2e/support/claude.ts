// Internal to the e2e tests: runs the real Claude Code CLI (node_modules/.bin/claude) offline
// against a stand-in API, in a temporary HOME, with an environment cleaned of the outer session.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's place (test/e2e/support/). */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url));

/** The Claude Code binary the e2e tests drive. */
export const claudeBin: string = join(repoRoot, 'node_modules', '.bin', 'claude');

/** How to run one `claude -p` call. */
export interface RunClaudeOptions {
  /** HOME for the run; see makeTempHome(). */
  home: string;
  cwd: string;
  /** Base URL of the stand-in API (StandInApi.url). */
  apiUrl: string;
  prompt: string;
  /** Extra CLI arguments, placed after `-p PROMPT`. */
  args?: string[];
  /** Extra environment, applied last (may override the defaults). */
  env?: Record<string, string>;
  /** Names removed from the child's environment after `env` is applied (e.g. NODE_EXTRA_CA_CERTS for node hooks). */
  unsetEnv?: string[];
  /** Default 60 s. On timeout the whole process group is killed. */
  timeoutMs?: number;
}

/** What one `claude -p` call did. */
export interface RunClaudeResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

// Outer-environment variables that would steer Claude Code (or ccbell inside it) away from the
// test's HOME and stand-in: auth, base URLs, config dirs, nested-session markers, instance ids.
const STRIPPED_PREFIXES = ['ANTHROPIC_', 'CLAUDE_', 'CCBELL_'];
const STRIPPED_NAMES = new Set([
  'CLAUDECODE',
  'MCP_TIMEOUT',
  'MCP_TOOL_TIMEOUT',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_STATE_HOME',
  'XDG_CACHE_HOME',
]);

// Kept pure and exported so a test can see exactly which environment claude (and its hooks) get.
/** Builds the child environment: a cleaned copy of `base` plus the offline settings and `extra`. */
export function claudeEnv(
  base: NodeJS.ProcessEnv,
  home: string,
  apiUrl: string,
  extra: Record<string, string> = {},
  unset: string[] = [],
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (STRIPPED_NAMES.has(upper) || STRIPPED_PREFIXES.some((prefix) => upper.startsWith(prefix))) continue;
    env[name] = value;
  }
  const noProxy = ['127.0.0.1', 'localhost', '::1', env.NO_PROXY ?? env.no_proxy]
    .filter((v) => v !== undefined && v !== '')
    .join(',');
  Object.assign(env, {
    HOME: home,
    USERPROFILE: home,
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: 'sk-ant-test',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    ...extra,
  });
  for (const name of unset) delete env[name];
  return env;
}

// Every e2e test needs a HOME of its own so the user's settings, hooks and credentials stay out.
/**
 * Makes an empty temporary HOME. Claude Code 2.1.330 needs nothing in it to run `-p` with
 * ANTHROPIC_API_KEY set (no onboarding, no trust prompt); it creates ~/.claude.json and ~/.claude/
 * itself. The caller removes it (fs.rm(home, { recursive: true, force: true })).
 */
export async function makeTempHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ccbell-e2e-home-'));
}

// The one way e2e tests start Claude Code: offline, isolated, never left running.
/** Runs `claude -p PROMPT ...args` and collects its output; kills the process group on timeout. */
export async function runClaude(options: RunClaudeOptions): Promise<RunClaudeResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(claudeBin, ['-p', options.prompt, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: claudeEnv(process.env, options.home, options.apiUrl, options.env, options.unsetEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let timedOut = false;
  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  let hardKill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    hardKill = setTimeout(() => {
      killGroup('SIGKILL');
      // A grandchild that left the group may still hold the pipes open; stop waiting for it.
      child.stdout.destroy();
      child.stderr.destroy();
    }, 2_000);
  }, timeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    return { code, stdout, stderr, timedOut };
  } finally {
    clearTimeout(timer);
    if (hardKill) clearTimeout(hardKill);
    // Hooks or MCP servers the run started must not outlive it.
    killGroup('SIGKILL');
  }
}
