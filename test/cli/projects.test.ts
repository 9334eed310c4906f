// Per-project settings through the built CLI: a real `ccbell` hook run in a repository with a
// `.ccbell.json`, the person's `projects` rules choosing the instance, and doctor's report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeSandbox, repoRoot, type Sandbox } from './support.js';

beforeAll(assertBuilt);

const stop = (cwd: string) =>
  JSON.stringify({ session_id: 's1', cwd, hook_event_name: 'Stop', stop_hook_active: false });

describe('per-project settings in a hook run', () => {
  let sandbox: Sandbox;
  let repo: string;
  let other: string;
  beforeAll(async () => {
    sandbox = makeSandbox();
    repo = join(sandbox.home, 'work', 'repo');
    other = join(sandbox.home, 'play', 'thing');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'sub'), { recursive: true });
    mkdirSync(join(other, '.git'), { recursive: true });
    sandbox.write('home/work/repo/ding.wav', 'RIFF');
    sandbox.write(
      'home/work/repo/.ccbell.json',
      JSON.stringify({
        label: 'Repo',
        events: { stop: { sound: 'ding.wav', volume: 0.3 } },
        player: '/bin/sh',
      }),
    );
    const work = sandbox.write('work.json', JSON.stringify({ events: { stop: { volume: 0.8 } } }));
    expect((await sandbox.run(['instance', 'create', 'work', '--config', work])).code).toBe(0);
    sandbox.write(
      'home/.claude/ccbell.config.json',
      JSON.stringify({ projects: [{ match: '~/work/**', instance: 'work' }] }),
    );
  });
  afterAll(() => sandbox.cleanup());

  it('a session under ~/work uses instance "work" with no flag, and the project file applies', async () => {
    const run = await sandbox.run([], { input: stop(join(repo, 'sub')), cwd: join(repo, 'sub') });
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    // The repository's volume (0.3) beats the work instance's (0.8); its sound is the repo's file.
    const [line] = await sandbox.waitForPlays(1);
    expect(line).toBe(`${sandbox.bin}/pw-play --volume=0.3 ${join(repo, 'ding.wav')}`);
  });

  it("under Claude Code (CLAUDE_PROJECT_DIR), reads the session's cwd from a stdin left open", async () => {
    const before = sandbox.plays().length;
    const run = await sandbox.run([], {
      input: stop(join(repo, 'sub')),
      cwd: sandbox.home,
      env: { CLAUDE_PROJECT_DIR: repo },
      keepStdinOpen: true,
    });
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    const lines = (await sandbox.waitForPlays(before + 1)).slice(before);
    expect(lines).toEqual([`${sandbox.bin}/pw-play --volume=0.3 ${join(repo, 'ding.wav')}`]);
  });

  it('a session elsewhere uses the default instance; --instance and CCBELL_INSTANCE still win', async () => {
    const before = sandbox.plays().length;
    await sandbox.run([], { input: stop(other), cwd: other });
    await sandbox.run(['--instance', 'work'], { input: stop(other), cwd: other });
    const lines = (await sandbox.waitForPlays(before + 2)).slice(before);
    const bundled = join(repoRoot, 'sounds', 'stop.wav');
    expect(lines.sort()).toEqual(
      [
        `${sandbox.bin}/pw-play --volume=0.5 ${bundled}`,
        `${sandbox.bin}/pw-play --volume=0.8 ${bundled}`,
      ].sort(),
    );
    const named = sandbox.plays().length;
    await sandbox.run([], {
      input: stop(join(repo, 'sub')),
      cwd: join(repo, 'sub'),
      env: { CCBELL_INSTANCE: 'default' },
    });
    const [own] = (await sandbox.waitForPlays(named + 1)).slice(named);
    // Default instance (no rule applies to its choice), with the repository's file.
    expect(own).toBe(`${sandbox.bin}/pw-play --volume=0.3 ${join(repo, 'ding.wav')}`);
  });

  it('doctor names the refused key and the file, and the instance a rule chooses', async () => {
    const run = await sandbox.run(['doctor', '--cwd', join(repo, 'sub')]);
    const file = join(repo, '.ccbell.json');
    expect(run.stdout).toContain(`warn project file ${file}: player refused: sends data or runs something`);
    expect(run.stdout).toContain(`sessions in ${join(repo, 'sub')} use instance "work"`);
  });
});
