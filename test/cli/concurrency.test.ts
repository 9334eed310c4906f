// Issue 2: 200 simultaneous hook runs with a cooldown → exactly one notification.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeSandbox, type Run, repoRoot, type Sandbox, sleep } from './support.js';

const PROCESSES = 200;

describe('concurrency', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    assertBuilt();
    sandbox = makeSandbox();
    const config = sandbox.write('work.json', JSON.stringify({ events: { stop: { cooldown: 60 } } }));
    const created = await sandbox.run(['instance', 'create', 'work', '--config', config]);
    expect(created, created.stderr).toMatchObject({ code: 0 });
  });
  afterAll(() => sandbox.cleanup());

  it(`${PROCESSES} simultaneous \`ccbell --instance work stop\` with a cooldown play exactly once`, async () => {
    const runs: Promise<Run>[] = [];
    // Started all at once: spawn in a loop, then wait for all of them.
    for (let i = 0; i < PROCESSES; i++) runs.push(sandbox.run(['--instance', 'work', 'stop']));
    const results = await Promise.all(runs);

    const failures = results.filter((run) => run.code !== 0);
    expect(failures.map((run) => `${run.code}: ${run.stderr}`)).toEqual([]);
    expect(results.every((run) => run.stderr === '')).toBe(true);

    // Players run detached: give a late one time to show up before counting.
    await sandbox.waitForPlays(1);
    await sleep(1000);
    expect(sandbox.plays()).toEqual([
      `${sandbox.bin}/pw-play --volume=0.5 ${join(repoRoot, 'sounds', 'stop.wav')}`,
    ]);

    const statePath = join(sandbox.claudeDir, 'ccbell-work.state');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(Object.keys(state)).toEqual(['lastTrigger']);
    expect(Object.keys(state.lastTrigger)).toEqual(['stop']);
    expect(Math.abs(state.lastTrigger.stop - Date.now() / 1000)).toBeLessThan(120);
    // No lock, temporary or set-aside file was left behind.
    expect(readdirSync(sandbox.claudeDir).sort()).toEqual(
      ['ccbell-instances.json', 'ccbell-work.config.json', 'ccbell-work.state'].sort(),
    );
  }, 120_000);
});
