import { childHooks } from '../../app/child.js';
import { approvalLaunchConfig } from '../../approval/index.js';
import { shellQuote } from '../../claude/index.js';
import { loadConfig } from '../../config/index.js';
import { EnvironmentError } from '../../errors.js';
import { readRunningApp } from '../../instance/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/**
 * `ccbell mcp-config [--instance NAME] [--json]`: what `ccbell app -- claude …` adds to claude's
 * command line, for people who start claude themselves while the instance's app runs.
 */
export async function runMcpConfig(args: ParsedArgs, context: CliContext): Promise<number> {
  const instance = selectedInstance(args, context);
  const app = readRunningApp(instance.pid_path);
  if (!app) {
    throw new EnvironmentError(
      `no app of instance "${instance.name}" is running; start "ccbell app --instance ${instance.name}" first (the config names its runtime id)`,
    );
  }
  const plan = {
    runtimeId: app.runtimeId,
    instance: instance.name,
    nodePath: process.execPath,
    cliPath: context.cliPath,
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
