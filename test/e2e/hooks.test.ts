// The real Claude Code CLI, offline, running the hooks `ccbell setup --instance NAME` writes:
// each instance's events are handled with its own config and logged in its own log only.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ccbell, makeWorld, type World } from './support/ccbell.js';
import { repoRoot, runClaude } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

let api: StandInApi;
let world: World;

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  const custom = join(world.home, 'personal-chime.wav');
  await copyFile(join(repoRoot, 'sounds', 'subagent.wav'), custom);
  const configs = {
    work: { debug: true, events: { stop: { volume: 0.3 }, session_start: { enabled: true, volume: 0.2 } } },
    personal: {
      debug: true,
      events: { stop: { sound: `custom:${custom}`, volume: 0.9 }, permission_request: { enabled: false } },
    },
  };
  for (const [name, config] of Object.entries(configs)) {
    const file = join(world.home, `${name}.json`);
    await writeFile(file, JSON.stringify(config));
    expect((await ccbell(world, ['instance', 'create', name, '--config', file])).code).toBe(0);
  }
});
afterAll(async () => {
  await api?.close();
});

async function runSessionWith(instance: string, project: string) {
  const setup = await ccbell(world, ['setup', '--instance', instance]);
  expect(setup.code, setup.stderr).toBe(0);
  const cwd = join(world.home, project);
  await mkdir(cwd);
  const before = await readFile(world.playLog, 'utf8').catch(() => '');
  const run = await runClaude({
    home: world.home,
    cwd,
    apiUrl: api.url,
    prompt: '[[bash:echo hi > marker.txt]]',
    env: { PATH: world.env.PATH! },
    unsetEnv: ['NODE_EXTRA_CA_CERTS'],
  });
  expect(run.code, run.stderr).toBe(0);
  const remove = await ccbell(world, ['setup', '--remove', '--instance', instance]);
  expect(remove.code).toBe(0);
  const after = await readFile(world.playLog, 'utf8').catch(() => '');
  return after.slice(before.length).trim().split('\n').filter(Boolean);
}

describe('hooks written by ccbell setup, per instance, with the real Claude Code', () => {
  it('handles each instance with its own config and log', async () => {
    const workPlays = await runSessionWith('work', 'work-project');
    const personalPlays = await runSessionWith('personal', 'personal-project');

    // work: session_start (enabled there), permission_request, stop at its own volume.
    expect(workPlays).toContain(`pw-play --volume=0.2 ${join(repoRoot, 'sounds', 'session_start.wav')}`);
    expect(workPlays).toContain(`pw-play --volume=0.7 ${join(repoRoot, 'sounds', 'permission_request.wav')}`);
    expect(workPlays).toContain(`pw-play --volume=0.3 ${join(repoRoot, 'sounds', 'stop.wav')}`);
    // personal: its custom stop sound, no permission_request sound, no session_start.
    expect(personalPlays).toEqual([`pw-play --volume=0.9 ${join(world.home, 'personal-chime.wav')}`]);

    const claudeDir = join(world.home, '.claude');
    const workLog = await readFile(join(claudeDir, 'ccbell-work.log'), 'utf8');
    const personalLog = await readFile(join(claudeDir, 'ccbell-personal.log'), 'utf8');
    expect(workLog).toMatch(/instance=work event=stop .*cwd=\S*work-project/);
    expect(workLog).toMatch(/instance=work event=permission_request /);
    expect(workLog).not.toContain('personal-project');
    expect(personalLog).toMatch(/instance=personal event=stop .*cwd=\S*personal-project/);
    expect(personalLog).toMatch(/event=permission_request suppressed: event-disabled/);
    expect(personalLog).not.toContain('work-project');
    // Neither run touched the default instance's files.
    await expect(readFile(join(claudeDir, 'ccbell.log'), 'utf8')).rejects.toThrow();
  });
});
