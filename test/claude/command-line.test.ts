import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hookCommand, splitCommandLine } from '../../src/claude/index.js';

describe('splitCommandLine', () => {
  it('reads back what hookCommand wrote, as the shell does', () => {
    const plan = { instance: 'w-1', nodePath: "/opt/it's node/bin/node", cliPath: '/a b/dist/ccbell.js' };
    const line = hookCommand(plan, 'stop');
    expect(splitCommandLine(line)).toEqual({
      words: [plan.nodePath, plan.cliPath, '--instance', 'w-1', 'stop'],
      comment: '#ccbell:w-1',
    });
    const shell = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
    expect(shell.trimEnd().split('\n')).toEqual(splitCommandLine(line).words);
  });

  it("fills in the plugin's root in double quotes, leaving other variables as written", () => {
    expect(
      splitCommandLine(`"\${CLAUDE_PLUGIN_ROOT}/hooks/run.sh" stop $HOME`, { CLAUDE_PLUGIN_ROOT: '/p q' }),
    ).toEqual({
      words: ['/p q/hooks/run.sh', 'stop', '$HOME'],
    });
  });
});
