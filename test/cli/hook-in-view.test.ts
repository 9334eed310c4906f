// quietWhenFocused as the hook lives it: Claude Code runs the hook in the session's tmux pane
// (TMUX and TMUX_PANE in its environment); a real tmux server with an attached client says
// whether that pane is the one the person looks at.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/notify/index.js';
import { startTmuxWorld, type TmuxWorld } from '../support/tmux.js';
import { assertBuilt, makeSandbox, type Sandbox, sleep } from './support.js';

const tmuxPath = findOnPath('tmux', process.env.PATH ?? '', process.platform);

describe.skipIf(!tmuxPath)('quietWhenFocused in the hook', () => {
  let sandbox: Sandbox;
  let world: TmuxWorld;
  const stopIn = (pane: string) =>
    sandbox.run(['stop'], {
      input: JSON.stringify({ session_id: 's-1', hook_event_name: 'Stop', cwd: sandbox.root }),
      env: { TMUX: `${world.socket},4242,0`, TMUX_PANE: pane },
    });

  beforeAll(async () => {
    assertBuilt();
    sandbox = makeSandbox();
    symlinkSync(tmuxPath!, join(sandbox.bin, 'tmux'));
    world = await startTmuxWorld();
    await world.attach();
    await world.tmux('select-pane', '-t', world.paneA);
  });
  afterAll(async () => {
    await world?.close();
    sandbox?.cleanup();
  });

  it('off (the default): plays for the pane in view', async () => {
    const run = await stopIn(world.paneA);
    expect(run.code, run.stderr).toBe(0);
    expect(await sandbox.waitForPlays(1)).toHaveLength(1);
  });

  it('on: quiet for the pane in view, plays for the other pane, and again once it is not in view', async () => {
    sandbox.write('home/.claude/ccbell.config.json', JSON.stringify({ quietWhenFocused: true, debug: true }));
    const before = sandbox.plays().length;
    const inView = await stopIn(world.paneA);
    expect(inView.code, inView.stderr).toBe(0);
    expect(await stopIn(world.paneB).then((run) => run.code)).toBe(0);
    expect(await sandbox.waitForPlays(before + 1)).toHaveLength(before + 1);
    await sleep(300);
    expect(sandbox.plays()).toHaveLength(before + 1);
    // The person switches to pane B: now A sounds and B does not.
    await world.tmux('select-pane', '-t', world.paneB);
    expect(await stopIn(world.paneB).then((run) => run.code)).toBe(0);
    expect(await stopIn(world.paneA).then((run) => run.code)).toBe(0);
    expect(await sandbox.waitForPlays(before + 2)).toHaveLength(before + 2);
    await sleep(300);
    expect(sandbox.plays()).toHaveLength(before + 2);
    // Detached: nobody looks, every pane sounds.
    await world.detach();
    expect(await stopIn(world.paneB).then((run) => run.code)).toBe(0);
    expect(await sandbox.waitForPlays(before + 3)).toHaveLength(before + 3);
  });
});

describe('the PermissionRequest command hook records the session place', () => {
  it('writes the pane from its environment, even with no app to ask', async () => {
    const box = makeSandbox();
    try {
      const run = await box.run(['permission-request'], {
        input: JSON.stringify({
          session_id: 'perm-1',
          hook_event_name: 'PermissionRequest',
          tool_name: 'Bash',
          tool_input: { command: 'ls' },
        }),
        env: { TMUX: '/tmp/tmux-1000/default,1,0', TMUX_PANE: '%5' },
      });
      expect(run.code, run.stderr).toBe(0);
      const place = JSON.parse(
        readFileSync(join(box.claudeDir, 'ccbell-cache', 'places', 'perm-1.json'), 'utf8'),
      );
      expect(place).toEqual({ tmuxSocket: '/tmp/tmux-1000/default', tmuxPane: '%5' });
    } finally {
      box.cleanup();
    }
  });
});
