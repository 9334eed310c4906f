// quietWhenFocused's question, asked of a real tmux server: is the session's pane the active
// pane of the active window, with a client attached? And a hung or missing tmux means "no".
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath, paneInView, paneInViewArgs, paneInViewFrom } from '../../src/notify/index.js';
import { startTmuxWorld, type TmuxWorld } from '../support/tmux.js';

const hasTmux = findOnPath('tmux', process.env.PATH ?? '', process.platform) !== undefined;
const env = { PATH: process.env.PATH };

describe('paneInViewArgs and paneInViewFrom', () => {
  it('asks the recorded server about the pane, as an argument array', () => {
    expect(paneInViewArgs({ tmuxSocket: '/tmp/t s/default', tmuxPane: '%3' })).toEqual([
      '-S',
      '/tmp/t s/default',
      'display',
      '-p',
      '-t',
      '%3',
      '#{pane_active} #{window_active} #{session_attached}',
    ]);
    expect(paneInViewArgs({ tmuxPane: '%3' })[0]).toBe('display');
  });

  it('is in view only when the pane and its window are active and a client is attached', () => {
    expect(paneInViewFrom('1 1 1\n')).toBe(true);
    expect(paneInViewFrom('1 1 2\n')).toBe(true);
    expect(paneInViewFrom('1 1 0\n')).toBe(false);
    expect(paneInViewFrom('0 1 1\n')).toBe(false);
    expect(paneInViewFrom('1 0 1\n')).toBe(false);
    expect(paneInViewFrom('')).toBe(false);
    expect(paneInViewFrom('no server running on /tmp/x\n')).toBe(false);
  });
});

describe.skipIf(!hasTmux)('paneInView with a real tmux server', () => {
  let world: TmuxWorld;

  beforeAll(async () => {
    world = await startTmuxWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const inView = (pane: string) => paneInView({ tmuxSocket: world.socket, tmuxPane: pane }, env, 2000);

  it('follows the active pane while a client is attached, and sees nothing once it detaches', async () => {
    // No client yet: nobody looks at any pane.
    expect(await inView(world.paneA)).toBe(false);
    await world.attach();
    await world.tmux('select-pane', '-t', world.paneA);
    expect(await inView(world.paneA)).toBe(true);
    expect(await inView(world.paneB)).toBe(false);
    await world.tmux('select-pane', '-t', world.paneB);
    expect(await inView(world.paneB)).toBe(true);
    expect(await inView(world.paneA)).toBe(false);
    // Another window in front: the pane is still its window's active one, but not in view.
    await world.tmux('new-window', '-t', 'w');
    expect(await inView(world.paneB)).toBe(false);
    await world.tmux('select-window', '-t', world.paneB);
    expect(await inView(world.paneB)).toBe(true);
    await world.detach();
    expect(await inView(world.paneB)).toBe(false);
  });

  it('is false for a pane or a server that does not exist', async () => {
    expect(await inView('%999')).toBe(false);
    expect(await paneInView({ tmuxSocket: join(tmpdir(), 'no-such-tmux.sock'), tmuxPane: '%0' }, env)).toBe(
      false,
    );
  });
});

describe('paneInView bounds', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccbell-pane-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers "not in view" within its timeout when tmux hangs', async () => {
    const fake = join(dir, 'tmux');
    writeFileSync(fake, '#!/bin/sh\necho "1 1 1"\nexec sleep 10\n');
    chmodSync(fake, 0o755);
    const started = Date.now();
    expect(await paneInView({ tmuxPane: '%1' }, { PATH: `${dir}:/usr/bin:/bin` }, 200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('is false with no pane, or no tmux on PATH, without running anything', async () => {
    expect(await paneInView({}, env)).toBe(false);
    expect(await paneInView({ tmuxPane: '%1' }, { PATH: join(dir, 'empty') })).toBe(false);
  });
});
