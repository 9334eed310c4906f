import { describe, expect, it } from 'vitest';
import { approvalLaunchConfig, PERMISSION_PROMPT_TOOL, RuntimeIdError } from '../../src/approval/index.js';

describe('approvalLaunchConfig', () => {
  const options = {
    cliPath: '/opt/ccbell/dist/ccbell.js',
    nodePath: '/usr/bin/node',
    runtimeId: '12_34',
    instance: 'work',
  };

  it('names the server and tool as the original does', () => {
    expect(PERMISSION_PROMPT_TOOL).toBe('mcp__approval_server__approval_prompt');
  });

  it('starts `node cli approval-server` with the identity in its env, config inline', () => {
    const { mcpConfig, claudeArgs } = approvalLaunchConfig(options);
    expect(mcpConfig).toEqual({
      mcpServers: {
        approval_server: {
          type: 'stdio',
          command: '/usr/bin/node',
          args: ['/opt/ccbell/dist/ccbell.js', 'approval-server'],
          env: { CLAUDE_CODE_UI_INSTANCE_ID: '12_34', CCBELL_INSTANCE: 'work' },
        },
      },
    });
    expect(claudeArgs).toEqual([
      '--mcp-config',
      JSON.stringify(mcpConfig),
      '--permission-prompt-tool',
      'mcp__approval_server__approval_prompt',
    ]);
    expect(JSON.parse(claudeArgs[1]!)).toEqual(mcpConfig);
  });

  it('names a config file when asked to', () => {
    const { claudeArgs } = approvalLaunchConfig({ ...options, mcpConfigFile: '/tmp/x/mcp.json' });
    expect(claudeArgs.slice(0, 2)).toEqual(['--mcp-config', '/tmp/x/mcp.json']);
  });

  it('refuses a malformed runtime id', () => {
    expect(() => approvalLaunchConfig({ ...options, runtimeId: '12' })).toThrow(RuntimeIdError);
  });
});
