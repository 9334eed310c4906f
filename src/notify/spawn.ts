// Internal: `child_process.spawn`, with node:child_process loaded when a player or notifier is
// first started rather than when the hook starts. The module pulls in node:net, node:dgram and
// the streams; an event that is suppressed (cooldown, quiet hours, disabled) never needs them.

type ChildProcessModule = typeof import('node:child_process');

let childProcess: ChildProcessModule | undefined;

function load(): ChildProcessModule {
  // process.getBuiltinModule came with Node 20.16. Before it, the CommonJS bundles ccbell runs
  // as (scripts/build.mjs) have a require(); node:module's createRequire would load Node's ES
  // module loader, which the hook path avoids.
  childProcess ??=
    (process.getBuiltinModule?.('node:child_process') as ChildProcessModule | undefined) ??
    (require('node:child_process') as ChildProcessModule);
  return childProcess;
}

/** child_process.spawn (with its overloads), loading node:child_process on first use. */
export const spawn = ((...args: Parameters<ChildProcessModule['spawn']>) =>
  load().spawn(...args)) as ChildProcessModule['spawn'];

/** child_process.spawnSync, loading node:child_process on first use. */
export const spawnSync = ((...args: Parameters<ChildProcessModule['spawnSync']>) =>
  load().spawnSync(...args)) as ChildProcessModule['spawnSync'];
