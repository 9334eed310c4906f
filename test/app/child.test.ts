import { describe, expect, it } from 'vitest';
import { childHooks, childLaunch, isPrintMode } from '../../src/app/child.js';
import { placeHookHeaders } from '../../src/notify/index.js';

const plan = {
  command: ['claude', '-p', 'hello'],
  runtimeId: '4242_1763770000123',
  instance: 'work',
  nodePath: '/usr/bin/node',
  cliPath: '/opt/ccbell/dist/ccbell.js',
  approvalTimeoutSeconds: 100,
};

describe('child launch', () => {
  it('gives the child the runtime identity, the MCP approval server and its hooks', () => {
    const launch = childLaunch(plan, { PATH: '/bin' }, 'secret');
    expect(launch.file).toBe('claude');
    expect(launch.env).toMatchObject({
      PATH: '/bin',
      CLAUDE_CODE_UI_INSTANCE_ID: '4242_1763770000123',
      CCBELL_INSTANCE: 'work',
      CCBELL_APP_HOOKS: '4242_1763770000123',
      CCBELL_HOOK_TOKEN: 'secret',
    });
    const args = launch.args;
    expect(args.slice(0, 2)).toEqual(['-p', 'hello']);
    expect(args[args.indexOf('--permission-prompt-tool') + 1]).toBe('mcp__approval_server__approval_prompt');
    const mcp = JSON.parse(args[args.indexOf('--mcp-config') + 1]!);
    expect(mcp.mcpServers.approval_server).toMatchObject({
      command: '/usr/bin/node',
      args: ['/opt/ccbell/dist/ccbell.js', 'approval-server'],
      env: { CLAUDE_CODE_UI_INSTANCE_ID: '4242_1763770000123', CCBELL_INSTANCE: 'work' },
    });
    const settings = JSON.parse(args[args.indexOf('--settings') + 1]!);
    expect(settings.hooks.PermissionRequest[0].hooks[0].command).toContain('--app-hook permission-request');
  });

  it('uses http hooks when the app serves them, except for SessionStart', () => {
    const hooks = childHooks({ ...plan, hooksUrl: 'http://127.0.0.1:5000/hooks' });
    expect(hooks.Stop![0]!.hooks[0]).toEqual({
      type: 'http',
      url: 'http://127.0.0.1:5000/hooks',
      headers: { Authorization: 'Bearer $CCBELL_HOOK_TOKEN', ...placeHookHeaders().headers },
      allowedEnvVars: ['CCBELL_HOOK_TOKEN', ...placeHookHeaders().allowedEnvVars],
      timeout: 10,
    });
    expect(hooks.PermissionRequest![0]!.hooks[0]).toMatchObject({ type: 'http', timeout: 110 });
    expect(hooks.SessionStart![0]!.hooks[0]).toMatchObject({ type: 'command' });
    expect(hooks.Notification!.map((group) => group.matcher)).toEqual([
      'permission_prompt',
      'idle_prompt',
      'elicitation_dialog',
      'elicitation_url_dialog',
      'agent_needs_input',
      'agent_completed',
      'auth_success',
    ]);
  });

  it('knows when the child leaves the terminal free', () => {
    expect(isPrintMode(['-p', 'x'])).toBe(true);
    expect(isPrintMode(['--print'])).toBe(true);
    expect(isPrintMode(['--model', 'x'])).toBe(false);
  });
});
