import { childHooks } from '../../app/child.js';
import { approvalLaunchConfig } from '../../approval/index.js';
import { shellQuote } from '../../claude/index.js';
import { loadConfig } from '../../config/index.js';
import { EnvironmentError } from '../../errors.js';
import { readRunningApp } from '../../instance/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/**
 * `ccbell mcp-config [--instance NAME] [--json] [--remote [--remote-cli PATH]]`: what
 * `ccbell app -- claude …` adds to claude's command line, for people who start claude themselves
 * while the instance's app runs. With --remote, what to run on another machine: the same
 * approval server and hooks, run by that machine's ccbell (`node PATH`, default this one's
 * path), reaching this app through the broker of the instance's remote config.
 */
export async function runMcpConfig(args: ParsedArgs, context: CliContext): Promise<number> {
  const instance = selectedInstance(args, context);
  const app = readRunningApp(instance.pid_path);
  if (!app) {
    throw new EnvironmentError(
      `no app of instance "${instance.name}" is running; start "ccbell app --instance ${instance.name}" first (the config names its runtime id)`,
    );
  }
  const remote = args.flags.remote === true;
  const remoteConfig = remote ? loadConfig(instance.config_path).config.remote : undefined;
  if (remote && !remoteConfig) {
    throw new EnvironmentError(
      `instance "${instance.name}" has no usable "remote" block in ${instance.config_path} (see docs/remote.md)`,
    );
  }
  const plan = {
    runtimeId: app.runtimeId,
    instance: instance.name,
    // On another machine: its own node and ccbell, found on its PATH / where it was installed.
    nodePath: remote ? 'node' : process.execPath,
    cliPath: (remote ? stringFlag(args, 'remote-cli') : undefined) ?? context.cliPath,
  };
  const { mcpConfig, claudeArgs } = approvalLaunchConfig(plan);
  const settings = {
    hooks: childHooks({
      ...plan,
      command: ['claude'],
      approvalTimeoutSeconds: loadConfig(instance.config_path).config.approvalTimeoutSeconds,
    }),
  };
  const env = {
    CLAUDE_CODE_UI_INSTANCE_ID: app.runtimeId,
    CCBELL_INSTANCE: instance.name,
    CCBELL_APP_HOOKS: app.runtimeId,
  };
  if (remote && remoteConfig) {
    // What the other machine's instance config needs: the same broker and user; no secret is printed.
    const remoteBlock = {
      remote: {
        url: remoteConfig.url,
        user: remoteConfig.user,
        credentials: remoteConfig.credentials
          ? "<that machine's own: creds, nkey or password file:/env:>"
          : undefined,
        ...(remoteConfig.ca ? { ca: "<path of the broker's CA certificate there>" } : {}),
      },
    };
    const words = [
      ...Object.entries(env).map(([key, value]) => `${key}=${value}`),
      'claude',
      ...claudeArgs,
      '--settings',
      JSON.stringify(settings),
    ];
    if (args.flags.json) {
      context.stdout(
        `${JSON.stringify({ ...remoteBlock, mcpConfig, args: [...claudeArgs, '--settings', JSON.stringify(settings)], env }, null, 2)}\n`,
      );
      return 0;
    }
    context.stdout(
      `# On the other machine (instance "${instance.name}", ccbell at ${plan.cliPath}; --remote-cli PATH to change it):\n` +
        `# 1. its instance "${instance.name}" config needs this remote block, with its own credentials:\n` +
        `${JSON.stringify(remoteBlock, null, 2)}\n` +
        `# 2. start claude there with:\n${words.map(shellQuote).join(' ')}\n` +
        `# This app (id ${app.runtimeId}) must run with --remote; requests show that machine's name.\n`,
    );
    return 0;
  }
  if (args.flags.json) {
    context.stdout(
      `${JSON.stringify({ mcpConfig, args: [...claudeArgs, '--settings', JSON.stringify(settings)], env }, null, 2)}\n`,
    );
    return 0;
  }
  const envWords = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  const words = [...envWords, 'claude', ...claudeArgs, '--settings', JSON.stringify(settings)];
  context.stdout(
    `# MCP config (the app of "${instance.name}", id ${app.runtimeId}):\n${JSON.stringify(mcpConfig, null, 2)}\n`,
  );
  context.stdout(`# start claude with:\n${words.map(shellQuote).join(' ')}\n`);
  return 0;
}
