import { approvalLaunchConfig, childEnvironment } from '../approval/index.js';
import {
  addHook,
  HOOK_SOURCES,
  type HookEntry,
  type HooksSection,
  hookCommand,
  httpHookEntry,
} from '../claude/index.js';

/** Set for a child of the app: user-level ccbell hooks stay quiet, the app's own hooks run. */
export const APP_HOOKS_ENV = 'CCBELL_APP_HOOKS';

export interface ChildPlan {
  command: string[];
  runtimeId: string;
  instance: string;
  nodePath: string;
  cliPath: string;
  approvalTimeoutSeconds: number;
  /** The app's http hook endpoint: when set, events reach the app with no process per event. */
  hooksUrl?: string;
}

/** Whether a claude command line runs non-interactively, leaving the app's terminal free. */
export function isPrintMode(args: readonly string[]): boolean {
  return args.some((arg) => arg === '-p' || arg === '--print');
}

/** The environment variable that carries the http hooks' bearer token to Claude Code. */
export const HOOK_TOKEN_ENV = 'CCBELL_HOOK_TOKEN';

/**
 * The hooks the app gives its child through `--settings`. With `hooksUrl`, http hooks: Claude
 * Code POSTs each event to the app, no process per event (SessionStart, which Claude Code does
 * not send over http, stays a command hook). Without, command hooks marked `--app-hook`.
 */
export function childHooks(plan: ChildPlan): HooksSection {
  const base = { instance: plan.instance, nodePath: plan.nodePath, cliPath: plan.cliPath };
  const hooks: HooksSection = {};
  for (const source of HOOK_SOURCES) {
    const asksApp = source.event === 'permission_request';
    const timeout = asksApp ? plan.approvalTimeoutSeconds + 10 : 10;
    const entry: HookEntry =
      plan.hooksUrl && source.event !== 'session_start'
        ? httpHookEntry(plan.hooksUrl, HOOK_TOKEN_ENV, timeout)
        : {
            type: 'command',
            command: hookCommand(base, '--app-hook', asksApp ? 'permission-request' : source.event),
            timeout,
          };
    addHook(hooks, source, entry);
  }
  return hooks;
}

/** The command line and environment the app starts its child with. */
export function childLaunch(
  plan: ChildPlan,
  env: NodeJS.ProcessEnv,
  hookToken?: string,
): { file: string; args: string[]; env: NodeJS.ProcessEnv } {
  const [file, ...userArgs] = plan.command;
  if (!file) throw new Error('no command to run');
  const { claudeArgs } = approvalLaunchConfig({
    cliPath: plan.cliPath,
    nodePath: plan.nodePath,
    runtimeId: plan.runtimeId,
    instance: plan.instance,
  });
  return {
    file,
    args: [...userArgs, ...claudeArgs, '--settings', JSON.stringify({ hooks: childHooks(plan) })],
    env: {
      ...env,
      ...childEnvironment(plan.runtimeId, plan.instance),
      [APP_HOOKS_ENV]: plan.runtimeId,
      ...(hookToken ? { [HOOK_TOKEN_ENV]: hookToken } : {}),
    },
  };
}
