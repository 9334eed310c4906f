import { approvalLaunchConfig, childEnvironment } from '../approval/index.js';
import { type HooksSection, HOOK_SOURCES, hookCommand } from '../claude/index.js';

/** Set for a child of the app: user-level ccbell hooks stay quiet, the app's own hooks run. */
export const APP_HOOKS_ENV = 'CCBELL_APP_HOOKS';

export interface ChildPlan {
  command: string[];
  runtimeId: string;
  instance: string;
  nodePath: string;
  cliPath: string;
  approvalTimeoutSeconds: number;
  /** Extra hooks by event (the http hooks of the page's server), replacing command hooks. */
  httpHooks?: HooksSection;
}

/** Whether a claude command line runs non-interactively, leaving the app's terminal free. */
export function isPrintMode(args: readonly string[]): boolean {
  return args.some((arg) => arg === '-p' || arg === '--print');
}

/**
 * The hooks the app gives its child through `--settings`: the PermissionRequest hook that asks
 * this app, and the event hooks that feed it. Each carries `--app-hook`.
 */
export function childHooks(plan: ChildPlan): HooksSection {
  const base = { instance: plan.instance, nodePath: plan.nodePath, cliPath: plan.cliPath };
  const hooks: HooksSection = {};
  for (const source of HOOK_SOURCES) {
    const asksApp = source.event === 'permission_request';
    const command = hookCommand(base, '--app-hook', asksApp ? 'permission-request' : source.event);
    const entry = { type: 'command' as const, command, timeout: asksApp ? plan.approvalTimeoutSeconds + 10 : 10 };
    (hooks[source.hookEvent] ??= []).push(source.matcher ? { matcher: source.matcher, hooks: [entry] } : { hooks: [entry] });
  }
  for (const [event, groups] of Object.entries(plan.httpHooks ?? {})) hooks[event] = groups;
  return hooks;
}

/** The command line and environment the app starts its child with. */
export function childLaunch(plan: ChildPlan, env: NodeJS.ProcessEnv): { file: string; args: string[]; env: NodeJS.ProcessEnv } {
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
    env: { ...env, ...childEnvironment(plan.runtimeId, plan.instance), [APP_HOOKS_ENV]: plan.runtimeId },
  };
}
