// Issue 7: contention never drops a notification. Bursts of real hook processes, one per session,
// with a cooldown kept per session: every session's first "needs you" is played, run after run.
// Heavy (200 node processes at once, 20 times), so it sits in the e2e group, one file at a time.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeSandbox, type Run, type Sandbox, sleep } from '../cli/support.js';

const SESSIONS = 200;
const RUNS = 20;

describe('a burst of hooks from many sessions with a per-session cooldown', () => {
  let sandbox: Sandbox;
  let statePath: string;
  let logPath: string;

  beforeAll(async () => {
    assertBuilt();
    sandbox = makeSandbox(['pw-play']);
    const config = sandbox.write(
      'work.json',
      JSON.stringify({ cooldownScope: 'session', events: { stop: { cooldown: 60 } } }),
    );
    const created = await sandbox.run(['instance', 'create', 'work', '--config', config]);
    expect(created, created.stderr).toMatchObject({ code: 0 });
    statePath = join(sandbox.claudeDir, 'ccbell-work.state');
    logPath = join(sandbox.claudeDir, 'ccbell-work.log');
  });
  afterAll(() => sandbox.cleanup());

  /** Starts one `ccbell --instance work stop` per session id, all at once, and waits for them. */
  async function burst(sessionIds: string[]): Promise<Run[]> {
    const runs: Promise<Run>[] = [];
    for (const id of sessionIds) {
      const input = JSON.stringify({ session_id: id, hook_event_name: 'Stop', cwd: sandbox.home });
      runs.push(sandbox.run(['--instance', 'work', 'stop'], { input }));
    }
    return Promise.all(runs);
  }

  /** Plays counted once the play log stops growing (players run detached, after ccbell exits). */
  async function settledPlays(atLeast: number): Promise<string[]> {
    await sandbox.waitForPlays(atLeast, 10_000);
    let count = -1;
    while (count !== sandbox.plays().length) {
      count = sandbox.plays().length;
      await sleep(500);
    }
    return sandbox.plays();
  }

  function expectCleanExits(results: Run[]) {
    expect(results.filter((run) => run.code !== 0 || run.stderr !== '').map((run) => run.stderr)).toEqual([]);
    // No lock, temporary or set-aside file is left behind.
    expect(readdirSync(sandbox.claudeDir).sort()).toEqual(
      ['ccbell-instances.json', 'ccbell-work.config.json', 'ccbell-work.log', 'ccbell-work.state']
        .filter((name) => name !== 'ccbell-work.log' || existsSync(logPath))
        .sort(),
    );
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}/${RUNS}: ${SESSIONS} sessions at once give exactly ${SESSIONS} plays`, async () => {
      // Fresh state and log each run; new session ids too.
      rmSync(statePath, { force: true });
      rmSync(logPath, { force: true });
      rmSync(sandbox.playLog, { force: true });
      const ids = Array.from({ length: SESSIONS }, (_, i) => `run${run}-session${i}`);

      const results = await burst(ids);
      expectCleanExits(results);
      const plays = await settledPlays(SESSIONS);
      expect(plays).toHaveLength(SESSIONS);
      expect(plays.every((line) => line.endsWith('stop.wav'))).toBe(true);

      // Each session is recorded in the state, or the log says it was played unrecorded.
      const recorded = Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).lastTrigger);
      const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
      const unrecorded = ids.filter((id) =>
        log.includes(`notifying without recording its cooldown (key stop:${id})`),
      );
      expect([...recorded, ...unrecorded.map((id) => `stop:${id}`)].sort()).toEqual(
        ids.map((id) => `stop:${id}`).sort(),
      );
    }, 120_000);
  }

  it(`${SESSIONS} hooks of one session at once still play exactly once`, async () => {
    rmSync(statePath, { force: true });
    rmSync(logPath, { force: true });
    rmSync(sandbox.playLog, { force: true });
    const results = await burst(Array.from({ length: SESSIONS }, () => 'one-session'));
    expectCleanExits(results);
    expect(await settledPlays(1)).toHaveLength(1);
    expect(Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).lastTrigger)).toEqual([
      'stop:one-session',
    ]);
  }, 120_000);
});
