import { runApprovalServer } from '../../approval/index.js';
import { loadConfig } from '../../config/index.js';
import { resolveInstance, selectInstanceName } from '../../instance/index.js';
import { openLogger } from '../../log/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';

/**
 * `ccbell approval-server`: the MCP stdio server Claude Code starts for `--permission-prompt-tool`.
 * stdout carries MCP only; everything it has to say goes to the instance's log.
 */
export async function runApprovalServerCommand(args: ParsedArgs, context: CliContext): Promise<number> {
  const instance = resolveInstance(
    selectInstanceName(stringFlag(args, 'instance'), context.env),
    context.env,
  );
  const loaded = loadConfig(instance.config_path);
  const logger = openLogger(instance.log_path, loaded.config.debug);
  const { closed } = await runApprovalServer({
    env: context.env,
    timeoutMs: loaded.config.approvalTimeoutSeconds * 1000,
    log: (line) => logger.debug(line),
  });
  await closed;
  return 0;
}
