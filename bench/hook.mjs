// Section: the hook handler's wall time, started the way Claude Code starts a command hook
// (through /bin/sh -c, hook JSON on stdin), next to a bare `node -e 0` in the same run.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLI_PATH,
  cleanEnv,
  editJson,
  medianPairedDifference,
  ms,
  progress,
  removeDir,
  runCli,
  shellQuote,
  signedMs,
  summarize,
  tempDir,
  timedRun,
  timedShell,
  writeFakePlayer,
} from './lib.mjs';

/** The issue's target: the hook may cost at most this much over a bare Node start, at the median. */
const TARGET_OVERHEAD_MS = 10;

/** A Stop hook input as Claude Code 2.1.330 sends it (fields from docs/claude-code-facts). */
function stopInput(home, project, sessionId) {
  return `${JSON.stringify({
    session_id: sessionId,
    transcript_path: join(home, '.claude', 'projects', '-tmp-bench-project', `${sessionId}.jsonl`),
    cwd: project,
    hook_event_name: 'Stop',
    permission_mode: 'default',
    prompt_id: randomUUID(),
    stop_hook_active: false,
    last_assistant_message:
      'I updated src/state/lock.ts so that a stale lock older than the timeout is taken over, added a test ' +
      'for two processes racing for it, and ran the suite: 214 tests passed. Next I can look at the log ' +
      'rotation if you want.',
    background_tasks: [],
    session_crons: [],
  })}\n`;
}

/**
 * Measures the hook handler against bare Node starts for each runtime in `nodes`: `rounds`
 * interleaved rounds after `warmup` discarded ones. Returns the section's tables and notes.
 */
export async function benchHook({ nodes, quick = false }) {
  const rounds = quick ? 8 : 30;
  const warmup = quick ? 2 : 3;
  const home = tempDir('hook');
  try {
    const project = join(home, 'project');
    mkdirSync(project, { recursive: true });
    const player = writeFakePlayer(home);
    const env = cleanEnv({ HOME: home });

    // Two registered instances: `bench` as created (no cooldown), `benchcool` with a cooldown on
    // Stop kept per session, so a new session id fires (lock, read, atomic write) and a repeated
    // one is suppressed (lock, read, no write, no player).
    const setupNode = nodes[0].path;
    for (const name of ['bench', 'benchcool']) {
      runCli(setupNode, ['instance', 'create', name], env);
      editJson(join(home, '.claude', `ccbell-${name}.config.json`), (config) => {
        config.player = player;
        if (name === 'benchcool') {
          config.cooldownScope = 'session';
          config.events.stop.cooldown = 3600;
        }
      });
    }

    const rows = [];
    const inputBytes = Buffer.byteLength(stopInput(home, project, randomUUID()));
    const verdicts = [];
    const failures = [];
    for (const node of nodes) {
      const nodeWord = shellQuote(node.path);
      const cli = shellQuote(CLI_PATH);
      const fixedSession = randomUUID();
      const arms = [
        {
          key: 'bare',
          label: '`node -e 0` (no shell)',
          run: (input) => timedRun(node.path, ['-e', '0'], { env, input }),
        },
        {
          key: 'shBare',
          label: '`sh -c "node -e 0"`',
          run: (input) => timedShell(`${nodeWord} -e 0`, { env, input }),
        },
        {
          key: 'hook',
          label: '`sh -c "node dist/ccbell.js --instance bench stop"`',
          ccbell: true,
          run: (input) =>
            timedShell(`${nodeWord} ${cli} --instance bench stop`, { env, input, cwd: project }),
        },
        {
          key: 'coolFire',
          label: 'same, instance with a cooldown, new session (lock + state write + player)',
          ccbell: true,
          session: 'new',
          run: (input) =>
            timedShell(`${nodeWord} ${cli} --instance benchcool stop`, { env, input, cwd: project }),
        },
        {
          key: 'coolQuiet',
          label: 'same, instance with a cooldown, repeated session (lock + read, suppressed)',
          ccbell: true,
          session: 'fixed',
          run: (input) =>
            timedShell(`${nodeWord} ${cli} --instance benchcool stop`, { env, input, cwd: project }),
        },
      ];
      const samples = Object.fromEntries(arms.map((arm) => [arm.key, []]));
      progress(`hook: ${node.version}: ${warmup} warm-up + ${rounds} rounds of ${arms.length} commands`);
      for (let round = 0; round < warmup + rounds; round++) {
        // Rotate the order every round so no command always runs right after the same one.
        for (let i = 0; i < arms.length; i++) {
          const arm = arms[(i + round) % arms.length];
          const session = arm.session === 'fixed' ? fixedSession : randomUUID();
          const result = await arm.run(stopInput(home, project, session));
          if (arm.ccbell && (result.code !== 0 || result.stderr.trim())) {
            failures.push(
              `${node.version} ${arm.key}: exit ${result.code} ${result.stderr.trim().slice(0, 300)}`,
            );
          }
          if (round >= warmup) samples[arm.key].push(result.ms);
        }
      }
      const base = summarize(samples.shBare);
      for (const arm of arms) {
        const stats = summarize(samples[arm.key]);
        const delta =
          arm.key === 'shBare'
            ? '0 (baseline)'
            : `${signedMs(stats.median - base.median)} (paired ${signedMs(medianPairedDifference(samples[arm.key], samples.shBare))})`;
        rows.push([node.version, arm.label, stats.n, ms(stats.median), ms(stats.p90), ms(stats.min), delta]);
      }
      const overhead = summarize(samples.hook).median - base.median;
      const overheadCool = summarize(samples.coolFire).median - base.median;
      verdicts.push(
        `${node.version}: the hook costs ${signedMs(overhead)} ms over \`sh -c "node -e 0"\` at the median ` +
          `(${overhead <= TARGET_OVERHEAD_MS ? 'within' : 'over'} the ${TARGET_OVERHEAD_MS} ms target); ` +
          `with a cooldown firing ${signedMs(overheadCool)} ms ` +
          `(${overheadCool <= TARGET_OVERHEAD_MS ? 'within' : 'over'}).`,
      );
    }

    const notes = [
      `Each command was started ${rounds} times per runtime from a Node parent, after ${warmup} discarded warm-up ` +
        'rounds, round-robin (one of each command per round, the order rotated each round) so that all share the ' +
        "machine's noise. Time is wall time from just before `spawn()` to the child's `close` (exited, stdout " +
        'and stderr closed), as a hook runner waits for it.',
      `Every command got the same Stop hook JSON on stdin (${inputBytes} bytes, with a fresh \`session_id\` except in the ` +
        'suppressed row). `NODE_EXTRA_CA_CERTS` was unset for every child. HOME was a temporary directory holding ' +
        'two registered instances (`ccbell instance create`) whose config sets `"player"` to an absolute path of a ' +
        'shell script that exits 0 at once: the player is still spawned (detached), as with a real one. The ' +
        'cooldown instance sets `events.stop.cooldown` to 3600 s with `cooldownScope: "session"`.',
      '`dist/ccbell.js` runs the CLI bundle through a V8 code cache that the first hook writes to ' +
        '`$HOME/.cache/ccbell` (here under the temporary HOME); the warm-up rounds fill it, so the rows show runs ' +
        'with a warm cache, as every hook after the first. The stop event with the default settings reads nothing ' +
        'of its input, so ccbell leaves stdin unread; the cooldown rows (per session) read it.',
      '"Δ median" is the difference of medians to `sh -c "node -e 0"` (the like-for-like baseline: Claude Code ' +
        'starts hooks through a shell); "paired" is the median of the per-round differences, less sensitive to drift.',
    ];
    if (failures.length) {
      notes.push(
        `**${failures.length} ccbell run(s) failed or wrote to stderr**; first: \`${failures[0].replace(/`/g, "'")}\``,
      );
    }
    return {
      tables: [
        {
          columns: ['runtime', 'command', 'runs', 'median ms', 'p90 ms', 'min ms', 'Δ median ms'],
          rows,
        },
      ],
      summary: verdicts,
      notes,
    };
  } finally {
    removeDir(home);
  }
}
