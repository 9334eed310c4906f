// The app's launcher shell: programs start with exactly their arguments (hostile ones included),
// the shell collects no zombies, and a dead shell costs no sound.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchLine, type ShellLauncher, shellWord, startShellLauncher } from '../../src/notify/launcher.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await sleep(10);
  return check();
}

/** The pids of `parent`'s children, and which of them are zombies (Linux /proc). */
function childrenOf(parent: number): { pid: number; zombie: boolean }[] {
  const out: { pid: number; zombie: boolean }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parent) out.push({ pid: Number(name), zombie: fields[0] === 'Z' });
    } catch {}
  }
  return out;
}

let dir: string;
let launcher: ShellLauncher | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-launcher-'));
});
afterEach(() => {
  launcher?.close();
  launcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A program that writes its arguments, NUL-separated, to `<dir>/<name>.args`. */
function recorder(name = 'rec') {
  const path = join(dir, `${name} it's.sh`);
  writeFileSync(
    path,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > "$0.args.tmp" && mv "$0.args.tmp" "$0.args"\n`,
  );
  chmodSync(path, 0o755);
  return { path, args: () => readFileSync(`${path}.args`, 'utf8').split('\0').slice(0, -1) };
}

describe('shellWord and launchLine', () => {
  it('leaves plain words bare and quotes the rest', () => {
    expect(shellWord('--volume=0.5')).toBe('--volume=0.5');
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('')).toBe(`''`);
  });
  it('always quotes the program, so NAME=value is never an assignment', () => {
    expect(launchLine('A=b', [])).toBe(`( 'A=b' </dev/null >/dev/null 2>&1 & )\n`);
  });
});

describe('startShellLauncher', () => {
  it('starts programs with exactly their arguments, hostile ones included', async () => {
    const problems: string[] = [];
    launcher = startShellLauncher({ onProblem: (problem) => problems.push(problem) });
    const program = recorder();
    const hostile = [
      'plain',
      'two words',
      "it's",
      '$(touch pwned)',
      '`touch pwned`',
      '"; touch pwned; "',
      "'; touch pwned; '",
      'line one\nline two',
      '\\',
      '*',
      '',
      '-e',
    ];
    launcher.launch(program.path, hostile, (error) => problems.push(error.message));
    expect(await waitFor(() => existsSync(`${program.path}.args`))).toBe(true);
    expect(program.args()).toEqual(hostile);
    expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
    expect(problems).toEqual([]);
  });

  it('leaves no zombie behind, however many programs it started', async () => {
    launcher = startShellLauncher({ onProblem: () => undefined });
    const shell = launcher.pid as number;
    expect(shell).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) launcher.launch('/bin/true', [String(i)], () => undefined);
    const program = recorder('last');
    launcher.launch(program.path, ['done'], () => undefined);
    expect(await waitFor(() => existsSync(`${program.path}.args`))).toBe(true);
    // The shell reaps each subshell; the programs themselves were orphaned to init.
    expect(await waitFor(() => childrenOf(shell).length === 0)).toBe(true);
  });

  it('starts programs directly once the shell is gone, and says so once', async () => {
    const problems: string[] = [];
    launcher = startShellLauncher({ onProblem: (problem) => problems.push(problem) });
    process.kill(launcher.pid as number, 'SIGKILL');
    expect(await waitFor(() => problems.length > 0)).toBe(true);
    expect(launcher.pid).toBeUndefined();
    const first = recorder('a');
    const second = recorder('b');
    launcher.launch(first.path, ['1'], (error) => problems.push(error.message));
    launcher.launch(second.path, ['2'], (error) => problems.push(error.message));
    expect(await waitFor(() => existsSync(`${first.path}.args`) && existsSync(`${second.path}.args`))).toBe(
      true,
    );
    expect(problems).toEqual([
      expect.stringMatching(/launcher shell ended \(SIGKILL\); starting players directly/),
    ]);
  });

  it('reports a program that cannot start through the direct path after close', async () => {
    const problems: string[] = [];
    launcher = startShellLauncher({ onProblem: (problem) => problems.push(problem) });
    launcher.close();
    const errors: string[] = [];
    launcher.launch(join(dir, 'missing'), [], (error) => errors.push(error.message));
    expect(await waitFor(() => errors.length > 0)).toBe(true);
    expect(errors[0]).toMatch(/ENOENT/);
    expect(problems).toEqual([]);
  });
});
