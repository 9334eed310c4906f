// The process context of src/cli/main.ts: a reader that goes away (`ccbell doctor | head -1`)
// ends nothing but the output. Real pipes, closed by the reader before ccbell writes.
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, makeSandbox, type Sandbox } from './support.js';

let sandbox: Sandbox;
beforeAll(() => {
  assertBuilt();
  sandbox = makeSandbox();
});
afterAll(() => sandbox.cleanup());

interface ClosedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What came out of the stream that stayed open. */
  other: string;
}

/**
 * Runs the CLI with `closed` (stdout or stderr) a pipe whose reading end this process destroys
 * at once, long before node has started; the other stream is read whole.
 */
function runWithClosed(closed: 'stdout' | 'stderr', args: string[]): Promise<ClosedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: sandbox.env,
      cwd: sandbox.home,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child[closed].destroy();
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    let other = '';
    open.setEncoding('utf8').on('data', (chunk: string) => {
      other += chunk;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, other });
    });
  });
}

/** The exit code of the same command with both streams read: what a closed pipe must not change. */
function usualCode(args: string[]): number | null {
  return spawnSync(process.execPath, [cliPath, ...args], { env: sandbox.env, cwd: sandbox.home }).status;
}

describe('a closed stdout', () => {
  it.each([[['doctor']], [['instance', 'list']], [['--help']], [['instance', 'show', 'default', '--json']]])(
    '`ccbell %j` ends quietly with its usual exit code',
    async (args) => {
      const run = await runWithClosed('stdout', args);
      expect(run.other).toBe(''); // no stack trace, no "write EPIPE"
      expect(run.signal).toBeNull();
      expect(run.code).toBe(usualCode(args));
    },
  );

  it('with `| head -1` in a shell: the first line, and nothing on stderr', () => {
    const run = spawnSync('/bin/sh', ['-c', `'${process.execPath}' '${cliPath}' doctor | head -1`], {
      env: { ...sandbox.env, PATH: `${sandbox.env.PATH}:/usr/bin:/bin` },
      cwd: sandbox.home,
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('ccbell doctor: instance "default"\n');
    expect(run.stderr).toBe('');
  });
});

describe('a closed stderr', () => {
  it('a hook that has a line to say still notifies and exits 0', async () => {
    const broken = sandbox.write('broken.json', '{"events": {"stop": {"volume": 3}}}');
    const run = await runWithClosed('stderr', ['--config', broken, 'stop']);
    expect(run).toMatchObject({ code: 0, signal: null, other: '' });
    expect(await sandbox.waitForPlays(1)).toHaveLength(1);
  });

  it('an error still exits 1, not with a crash of its own', async () => {
    const run = await runWithClosed('stderr', ['no-such-command']);
    expect(run).toMatchObject({ code: 1, signal: null, other: '' });
  });
});
