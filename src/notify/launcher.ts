// How fire-and-forget programs (a sound player, a speech program) are started: detached, stdio
// to /dev/null, never waited for.
//
// A hook process starts its one player directly. The app starts one per notification, for days,
// and forking a Node process of 60 to 100 MB copies its page tables: 2 to 3 ms in which its event
// loop (answering http hooks and approvals) stands still, and more as the app grows. So the app
// keeps one small /bin/sh (`sh -s`, reading its script from a pipe) and hands it each program as
// a line: the shell forks in a fraction of that time, on another CPU, while the app goes on.
import type { ChildProcess } from 'node:child_process';
import { spawn } from './spawn.js';

/** Starts `file` with `args`, detached; a failure to start is reported to `onError`, never thrown. */
export type Launch = (file: string, args: readonly string[], onError: (error: Error) => void) => void;

/** A direct child_process.spawn, in its own process group (it outlives the caller). */
export const launchDirectly: Launch = (file, args, onError) => {
  try {
    const child = spawn(file, [...args], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', onError);
    child.unref();
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
  }
};

/**
 * `word` as one POSIX sh word: as it is when made only of characters no shell treats specially,
 * else single-quoted, where nothing is special but the quote itself (closed, escaped, reopened).
 * Newlines inside stay part of the word. (terminal-notifier's -execute also runs a shell string.)
 */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : quoted(word);
}

function quoted(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell line that starts `file args…` and forgets it. The parentheses matter: the subshell
 * puts the program in the background and exits at once, so the long-lived shell reaps it and
 * never collects a zombie per sound; the program, orphaned, is reaped by init.
 */
export function launchLine(file: string, args: readonly string[]): string {
  // The program is always quoted: a bare NAME=value first word would be an assignment.
  return `( ${[quoted(file), ...args.map(shellWord)].join(' ')} </dev/null >/dev/null 2>&1 & )\n`;
}

export interface ShellLauncher {
  launch: Launch;
  /** The shell's pid while it runs. */
  readonly pid: number | undefined;
  /** Ends the shell once it has started what it was given (the programs play on). */
  close(): void;
}

/**
 * Starts the app's launcher shell. Until it is up, and if it ever dies, programs are started
 * directly: a sound is never lost to the launcher. `onProblem` hears, once, why it stopped.
 */
export function startShellLauncher(options: { onProblem: (problem: string) => void }): ShellLauncher {
  let shell: ChildProcess | undefined;
  let said = false;
  const lost = (problem: string) => {
    if (!shell) return;
    shell = undefined;
    if (!said) options.onProblem(`${problem}; starting players directly`);
    said = true;
  };
  try {
    shell = spawn('/bin/sh', ['-s'], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    const started = shell;
    started.on('error', (error) => lost(`launcher shell failed: ${error.message}`));
    started.on('exit', (code, signal) => {
      if (shell === started) lost(`launcher shell ended (${signal ?? `exit ${code}`})`);
    });
    started.stdin?.on('error', (error) => lost(`launcher shell's input failed: ${error.message}`));
    // Neither the shell nor its pipe keeps the app's event loop alive.
    started.unref();
    (started.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  } catch (error) {
    shell = undefined;
    said = true;
    options.onProblem(
      `launcher shell could not start: ${(error as Error).message}; starting players directly`,
    );
  }
  return {
    get pid() {
      return shell?.pid;
    },
    launch(file, args, onError) {
      // A NUL cannot be in an argument; the direct path reports it as spawn does.
      const stdin = shell?.stdin;
      if (!stdin?.writable || file.includes('\0') || args.some((arg) => arg.includes('\0')))
        return launchDirectly(file, args, onError);
      stdin.write(launchLine(file, args));
    },
    close() {
      const stdin = shell?.stdin;
      shell = undefined;
      said = true;
      stdin?.end();
    },
  };
}
