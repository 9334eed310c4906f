// Internal to src/rules: commands whose arguments are themselves a command, or that change how
// the rest of the line runs. A wildcard rule never approves one of them (`Bash(echo *)` must not
// grow into `Bash(sudo *)` or `Bash(env *)`); only an exact rule for that very command does.
// Deny rules look through them at the command they run.

/** How a command can run something its own name does not show. */
export type WrapperKind = 'shell-code' | 'runs-command' | 'changes-shell';

/** Their arguments are shell code (a string bash, ssh or eval reads as a command line). */
const SHELL_CODE = new Set([
  'eval',
  'bash',
  'sh',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'yash',
  'fish',
  'csh',
  'tcsh',
  'busybox',
  'su',
  'runuser',
  'script',
  'watch',
  'ssh',
  'parallel',
  'trap',
]);

/** They run their arguments (or a file) as another command. */
const RUNS_COMMAND = new Set([
  'exec',
  'command',
  'builtin',
  'source',
  '.',
  'env',
  'sudo',
  'doas',
  'nohup',
  'nice',
  'ionice',
  'timeout',
  'stdbuf',
  'setsid',
  'chroot',
  'strace',
  'ltrace',
  'xargs',
  'flock',
  'unbuffer',
  'chrt',
  'taskset',
  'numactl',
]);

/**
 * Builtins that change what later commands of the same line run: variables (PATH, IFS, …),
 * options, aliases, the command hash, loadable builtins.
 */
const CHANGES_SHELL = new Set([
  'alias',
  'unalias',
  'enable',
  'hash',
  'set',
  'shopt',
  'export',
  'declare',
  'typeset',
  'local',
  'readonly',
  'unset',
  'fc',
  'compgen',
  'complete',
  'mapfile',
  'readarray',
  'read',
  'getopts',
  'let',
  'bind',
  'history',
]);

/** Commands that change the working directory later redirections are relative to. */
export const CHANGES_DIRECTORY = new Set(['cd', 'pushd', 'popd']);

/** The program a command name runs, as far as its text says: `/usr/bin/env` is `env`. */
export function programOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash === -1 || slash === name.length - 1 ? name : name.slice(slash + 1);
}

/** Whether (and how) a command made of these argument values runs something else. */
export function wrapperKind(values: readonly string[]): WrapperKind | undefined {
  const program = programOf(values[0] ?? '');
  if (SHELL_CODE.has(program)) return 'shell-code';
  if (RUNS_COMMAND.has(program)) return 'runs-command';
  if (CHANGES_SHELL.has(program)) return 'changes-shell';
  const rest = values.slice(1);
  // `find … -exec CMD {} ;` runs CMD; `printf -v NAME` assigns a variable (PATH, say).
  if (program === 'find' && rest.some((value) => /^-(?:exec|execdir|ok|okdir)$/.test(value))) {
    return 'runs-command';
  }
  if (program === 'printf' && rest.some((value) => value.startsWith('-v'))) return 'changes-shell';
  return undefined;
}

/** Whether a command's arguments are shell code (for looking inside them). */
export function runsShellCode(value: string): boolean {
  return SHELL_CODE.has(programOf(value));
}
