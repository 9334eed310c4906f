// Internal to the CLI tests: runs the built CLI (`node dist/ccbell.js …`) in a temporary HOME,
// with fake players on PATH that log how they were called, and an environment holding only
// what the test gives it (no outer CCBELL_*, CLAUDE_*, D-Bus or slow NODE_EXTRA_CA_CERTS).
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from this file's place (test/cli/). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI the tests run. */
export const cliPath = join(repoRoot, 'dist', 'ccbell.js');

/** Fails clearly when the CLI was not built (`npm test` builds before it runs vitest). */
export function assertBuilt(): void {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run "npm run build" first ("npm test" builds before testing)`);
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How long the process took, in ms. */
  ms: number;
}

export interface RunOptions {
  /** Written to stdin, which is then closed (unless keepStdinOpen). */
  input?: string;
  /** Leave stdin open, as a caller that never closes it would. */
  keepStdinOpen?: boolean;
  /** Added to (or, with undefined values, removed from) the sandbox's environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** A temporary HOME with fake players; every path a test needs, and a way to run ccbell in it. */
export interface Sandbox {
  root: string;
  home: string;
  claudeDir: string;
  /** Holds the fake players (pw-play, paplay). */
  bin: string;
  /** Holds only a link to node: a PATH with no player at all. */
  nodeBin: string;
  /** Where the fake players append "$0 $@", one line per sound played. */
  playLog: string;
  env: Record<string, string>;
  run(args: string[], options?: RunOptions): Promise<Run>;
  /** The play log's lines so far. */
  plays(): string[];
  /** Waits until the play log has at least `count` lines (players run detached, after ccbell exits). */
  waitForPlays(count: number, timeoutMs?: number): Promise<string[]>;
  /** Writes a file under the sandbox root and returns its path. */
  write(relative: string, text: string): string;
  cleanup(): void;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes a sandbox; `players` names the fake players put on PATH. */
export function makeSandbox(players: string[] = ['pw-play', 'paplay']): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'ccbell-cli-'));
  const home = join(root, 'home');
  const claudeDir = join(home, '.claude');
  const bin = join(root, 'bin');
  const nodeBin = join(root, 'node-bin');
  const playLog = join(root, 'plays.log');
  mkdirSync(home);
  mkdirSync(bin);
  mkdirSync(nodeBin);
  // Only node on the second PATH entry: the machine's /usr/bin may hold real players and notify-send.
  symlinkSync(process.execPath, join(nodeBin, 'node'));
  for (const name of players) {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\necho "$0 $@" >> '${playLog}'\n`);
    chmodSync(file, 0o755);
  }
  const env: Record<string, string> = { HOME: home, PATH: `${bin}:${nodeBin}` };
  // The child's quiet hours are judged in local time: give it the same zone as this process.
  if (process.env.TZ) env.TZ = process.env.TZ;

  const plays = () =>
    existsSync(playLog)
      ? readFileSync(playLog, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
      : [];

  return {
    root,
    home,
    claudeDir,
    bin,
    nodeBin,
    playLog,
    env,
    plays,
    run(args, options = {}) {
      const childEnv: Record<string, string> = { ...env };
      for (const [key, value] of Object.entries(options.env ?? {})) {
        if (value === undefined) delete childEnv[key];
        else childEnv[key] = value;
      }
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cliPath, ...args], {
          env: childEnv,
          cwd: options.cwd ?? home,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(guard);
          resolve({ code, stdout, stderr, ms: Date.now() - started });
        });
        child.stdin.on('error', () => {}); // a child that exits before reading all of stdin
        if (options.input !== undefined) child.stdin.write(options.input);
        if (!options.keepStdinOpen) child.stdin.end();
      });
    },
    async waitForPlays(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = plays();
        if (lines.length >= count || Date.now() > deadline) return lines;
        await sleep(20);
      }
    },
    write(relative, text) {
      const file = join(root, relative);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Local "HH:MM" `minutes` from now, for quiet hours around the present. */
export function clockFromNow(minutes: number): string {
  const date = new Date(Date.now() + minutes * 60_000);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
