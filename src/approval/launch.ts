// Internal to src/approval: what the app adds to a `claude` command line so that Claude Code asks
// it (through the approval server) before running a tool. Names are the original's.
import {
  childEnvironment,
  INSTANCE_NAME_ENV,
  isRuntimeId,
  RUNTIME_ID_ENV,
  RuntimeIdError,
} from './identity.js';
import { APPROVAL_SERVER_NAME, APPROVAL_TOOL_NAME } from './mcp-server.js';

/** The value of `--permission-prompt-tool`: Claude Code's name for the approval tool. */
export const PERMISSION_PROMPT_TOOL = `mcp__${APPROVAL_SERVER_NAME}__${APPROVAL_TOOL_NAME}`;

/** Where the approval server comes from and whom it reports to. */
export interface ApprovalLaunchOptions {
  /** The ccbell CLI file (dist/ccbell.js), run by `nodePath`. */
  cliPath: string;
  /** The node binary (usually process.execPath). */
  nodePath: string;
  /** The launching app's runtime id. */
  runtimeId: string;
  /** The named instance (`work`, `default`). */
  instance: string;
  /**
   * When set, `--mcp-config` names this file (the caller writes `mcpConfig` to it as JSON);
   * otherwise the JSON goes on the command line.
   */
  mcpConfigFile?: string;
}

/** The `--mcp-config` content: one stdio server, started with the app's identity in its env. */
export interface ApprovalMcpConfig {
  mcpServers: {
    approval_server: {
      type: 'stdio';
      command: string;
      args: string[];
      env: { [RUNTIME_ID_ENV]: string; [INSTANCE_NAME_ENV]: string };
    };
  };
}

/** The MCP config and the `claude` arguments that route permission prompts to the app. */
export function approvalLaunchConfig(options: ApprovalLaunchOptions): {
  mcpConfig: ApprovalMcpConfig;
  claudeArgs: string[];
} {
  if (!isRuntimeId(options.runtimeId)) throw new RuntimeIdError(options.runtimeId);
  const env = childEnvironment(options.runtimeId, options.instance);
  const mcpConfig: ApprovalMcpConfig = {
    mcpServers: {
      [APPROVAL_SERVER_NAME]: {
        type: 'stdio',
        command: options.nodePath,
        args: [options.cliPath, 'approval-server'],
        env: { [RUNTIME_ID_ENV]: env[RUNTIME_ID_ENV]!, [INSTANCE_NAME_ENV]: env[INSTANCE_NAME_ENV]! },
      },
    },
  };
  return {
    mcpConfig,
    claudeArgs: [
      '--mcp-config',
      options.mcpConfigFile ?? JSON.stringify(mcpConfig),
      '--permission-prompt-tool',
      PERMISSION_PROMPT_TOOL,
    ],
  };
}
