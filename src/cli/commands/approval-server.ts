import { runApprovalServer } from '../../approval/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { openInstance } from '../instance-context.js';

/**
 * `ccbell approval-server`: the MCP stdio server Claude Code starts for `--permission-prompt-tool`.
 * stdout carries MCP only; everything it has to say goes to the instance's log.
 */
export async function runApprovalServerCommand(args: ParsedArgs, context: CliContext): Promise<number> {
  const { instance, loaded, logger } = openInstance(args, context);
  const remote = loaded.config.remote;
  const { closed } = await runApprovalServer({
    env: context.env,
    timeoutMs: loaded.config.approvalTimeoutSeconds * 1000,
    log: (line) => logger.debug(line),
    ...(remote ? { remote: { config: remote, instance: instance.name } } : {}),
  });
  await closed;
  return 0;
}
