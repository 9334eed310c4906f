// Runs the built ccbell CLI the way Claude Code and people do: `node dist/ccbell.js …`, in a
// temporary HOME, with fake players on PATH and a private bus directory.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './claude.js';

export const cliPath = join(repoRoot, 'dist', 'ccbell.js');

/** Fails early and clearly when the CLI was not built (`npm test` builds it first). */
export function assertBuilt() {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run "npm run build" first`);
}

/** A temporary world: HOME, a bus directory, and a bin directory whose fake players log their argv. */
export interface World {
  home: string;
  busDir: string;
  binDir: string;
  playLog: string;
  env: NodeJS.ProcessEnv;
}

export async function makeWorld(): Promise<World> {
  const root = await mkdtemp(join(tmpdir(), 'ccbell-e2e-'));
  const home = join(root, 'home');
  const busDir = join(root, 'bus');
  const binDir = join(root, 'bin');
  const playLog = join(root, 'played.log');
  await mkdir(join(home, '.claude'), { recursive: true });
  await mkdir(busDir, { mode: 0o700 });
  await mkdir(binDir);
  const player = join(binDir, 'pw-play');
  await writeFile(player, `#!/bin/sh\necho "pw-play $*" >> '${playLog}'\n`);
  await chmod(player, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    CCBELL_BUS_DIR: busDir,
    PATH: `${binDir}:${dirname(process.execPath)}:/usr/bin:/bin`,
  };
  for (const key of Object.keys(env)) {
    if (key.startsWith('CCBELL_') && key !== 'CCBELL_BUS_DIR') delete env[key];
    if (key.startsWith('CLAUDE_')) delete env[key];
  }
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return { home, busDir, binDir, playLog, env };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ccbell ARGS` to completion, with `input` on stdin. */
export function ccbell(
  world: World,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...world.env, ...options.env },
      cwd: options.cwd ?? world.home,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A long-running ccbell process (an app) whose output is collected as it comes. */
export interface Background {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once `pattern` appears in the output. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export function ccbellBackground(
  world: World,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Background {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...world.env, ...options.env },
    cwd: options.cwd ?? world.home,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern} in:\n${output}`));
        }, timeoutMs);
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(match);
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Removes a world. Retried: a detached helper a hook started (a player, a delivery, a click
 * helper) may still be writing its log into the HOME as the test ends.
 */
export async function removeWorld(world: World | undefined): Promise<void> {
  if (world) await rm(dirname(world.home), { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
