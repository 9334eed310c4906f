// Section: the hook handler's wall time, started the way Claude Code starts a command hook
// (through /bin/sh -c, hook JSON on stdin), next to a bare `node -e 0` in the same run, and next
// to the same commands of the baseline build (BENCH_BASELINE_ROOT) when there is one.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILDS,
  cleanEnv,
  compareBuilds,
  comparisonCell,
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
 * A temporary HOME for `build`: a project directory and two instances registered by that build's
 * own CLI, so each build keeps its config and cooldown state in the format it knows. `bench` is as
 * created (no cooldown); `benchcool` has a cooldown on Stop kept per session, so a new session id
 * fires (lock, read, atomic write) and a repeated one is suppressed (lock, read, no write, no
 * player). Every HOME path has the same length, so every build gets inputs of the same size.
 */
function setUpHome(build, node, receiver) {
  const home = tempDir('hook');
  const project = join(home, 'project');
  mkdirSync(project, { recursive: true });
  // A repository with a project file (docs/projects.md): the hook walks up to .git, reads the
  // file, reads its input for the cwd, and validates the merged config.
  const fileProject = join(home, 'projfil');
  mkdirSync(join(fileProject, '.git'), { recursive: true });
  writeFileSync(
    join(fileProject, '.ccbell.json'),
    JSON.stringify({ label: 'bench', events: { stop: { volume: 0.4 } } }),
  );
  const player = writeFakePlayer(home);
  const env = cleanEnv({ HOME: home });
  // `benchhook` (new build only: a baseline may not know channels) sends Stop to a webhook too;
  // `benchfocus` asks tmux whether the session's pane is in view (quietWhenFocused).
  const names =
    build.key === 'new' ? ['bench', 'benchcool', 'benchhook', 'benchfocus'] : ['bench', 'benchcool'];
  for (const name of names) {
    runCli(node, ['instance', 'create', name], env, build.cli);
    editJson(join(home, '.claude', `ccbell-${name}.config.json`), (config) => {
      config.player = player;
      if (name === 'benchcool') {
        config.cooldownScope = 'session';
        config.events.stop.cooldown = 3600;
      }
      if (name === 'benchhook') {
        config.channels = {
          ci: { type: 'webhook', url: `${receiver.url}/hook`, rateLimit: { max: 1000, perSeconds: 1 } },
        };
        config.events.stop.channels = ['sound', 'ci'];
      }
      if (name === 'benchfocus') config.quietWhenFocused = true;
    });
  }
  return { ...build, home, project, fileProject, env };
}

/**
 * A private tmux server (its own socket) with one detached session, for the quietWhenFocused
 * row: the hook asks it about the session's pane. Undefined when tmux is not installed.
 */
function startTmux(dir) {
  const socket = join(dir, 'bench-tmux.sock');
  try {
    execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'bench'], {
      stdio: 'ignore',
    });
    const pane = execFileSync('tmux', ['-S', socket, 'display', '-p', '-t', 'bench', '#{pane_id}'], {
      encoding: 'utf8',
    }).trim();
    return {
      env: { TMUX: `${socket},0,0`, TMUX_PANE: pane },
      stop: () => execFileSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore' }),
    };
  } catch {
    return undefined;
  }
}

/**
 * A webhook receiver in a process of its own (so that serving it costs the measuring process
 * nothing): it answers 200 and prints one line per request, which the bench counts.
 */
async function startReceiver(nodePath) {
  const child = spawn(
    nodePath,
    [
      '-e',
      `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => { r.end('{}'); process.stdout.write('R\\n'); }); });
       s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let lines = 0;
  let port;
  const ready = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (port === undefined) {
          port = Number(line);
          resolve();
        } else lines++;
      }
    });
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => lines,
    /** Waits (unmeasured) until `count` requests came, so a helper never overlaps the next run. */
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (lines < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return lines >= count;
    },
    stop: () => child.kill(),
  };
}

/** The three ccbell commands measured for `build` (set up by setUpHome) on `node`. */
function ccbellArms(build, node, receiver, tmux) {
  const command = (instance) =>
    `${shellQuote(node.path)} ${shellQuote(build.cli)} --instance ${instance} stop`;
  const run =
    (instance, cwd = build.project, env = build.env) =>
    (input) =>
      // Claude Code gives every command hook CLAUDE_PROJECT_DIR (ccbell then reads stdin at once).
      timedShell(command(instance), { env: { ...env, CLAUDE_PROJECT_DIR: cwd }, input, cwd });
  const suffix = build.key === 'new' ? '' : ` — ${build.key} build`;
  return [
    {
      key: 'hook',
      label: `\`sh -c "node dist/ccbell.js --instance bench stop"\`${suffix}`,
      run: run('bench'),
    },
    {
      key: 'projectFile',
      label: `same, in a repository with a .ccbell.json (walk, read, input read, merge)${suffix}`,
      inProject: true,
      run: run('bench', build.fileProject),
    },
    {
      key: 'coolFire',
      label: `same, instance with a cooldown, new session (lock + state write + player)${suffix}`,
      session: 'new',
      run: run('benchcool'),
    },
    {
      key: 'coolQuiet',
      label: `same, instance with a cooldown, repeated session (lock + read, suppressed)${suffix}`,
      session: 'fixed',
      run: run('benchcool'),
    },
    ...(build.key === 'new'
      ? [
          // Before the webhook row: the row after it shares the machine with its detached helper's exit.
          ...(tmux
            ? [
                {
                  key: 'focusCheck',
                  label:
                    'same, in a tmux pane with `quietWhenFocused: true` (one `tmux display`; pane not in view, so it plays)',
                  run: run('benchfocus', build.project, { ...build.env, ...tmux.env }),
                },
              ]
            : []),
          {
            key: 'webhook',
            label:
              'same, with a webhook channel (`events.stop.channels: ["sound", "ci"]`; delivered by a detached helper)',
            run: async (input) => {
              const before = receiver.count();
              const result = await run('benchhook')(input);
              // Not timed: wait for the helper's request, and then for its exit (it logs the
              // outcome and ends; 200 ms is ample), so it never overlaps the next command.
              if (!(await receiver.waitFor(before + 1)))
                result.stderr += 'the webhook never reached the receiver';
              await new Promise((resolve) => setTimeout(resolve, 200));
              return result;
            },
          },
        ]
      : []),
  ].map((arm) => ({ ...arm, key: `${build.key}.${arm.key}`, kind: arm.key, build, ccbell: true }));
}

/**
 * The side-by-side lines of one runtime: each ccbell command of the new build against the same
 * command of the baseline, paired round by round (they ran in the same rounds).
 */
function sideBySide(node, arms, samples) {
  const rows = [];
  const words = [];
  for (const arm of arms.filter((a) => a.ccbell && a.build.key === 'new')) {
    const baseline = arms.find((a) => a.ccbell && a.build.key === 'baseline' && a.kind === arm.kind);
    if (!baseline) continue;
    const comparison = compareBuilds(samples[arm.key], samples[baseline.key]);
    rows.push([
      node.version,
      arm.label,
      ms(comparison.newMedian),
      ms(comparison.baselineMedian),
      signedMs(comparison.newMedian - comparison.baselineMedian),
      comparisonCell(comparison),
      comparison.verdict,
    ]);
    words.push(
      `${KIND_NAMES[arm.kind]} ${ms(comparison.newMedian)} vs ${ms(comparison.baselineMedian)} ms ` +
        `(paired ${comparisonCell(comparison)}: ${comparison.verdict})`,
    );
  }
  return {
    rows,
    line: words.length ? `${node.version}: new vs baseline, median: ${words.join('; ')}.` : undefined,
  };
}

/** Short names of the ccbell commands, for the side-by-side summary. */
const KIND_NAMES = {
  hook: 'hook',
  projectFile: 'with a project file',
  coolFire: 'cooldown firing',
  coolQuiet: 'cooldown suppressed',
  webhook: 'with a webhook channel',
  focusCheck: 'with quietWhenFocused',
};

/**
 * The arms in blocks of what is compared: one kind of command of both builds, the plain hook
 * with the webhook row, the two bare Node starts. A block's commands run back to back, so that
 * the two sides of a paired difference share the machine's noise of the same moment (this VM's
 * neighbours come and go within a second; a round of a dozen commands takes about two).
 */
function sideBySideBlocks(arms) {
  const blocks = new Map();
  for (const arm of arms) {
    const kind = arm.kind === 'webhook' ? 'hook' : (arm.kind ?? 'node');
    blocks.set(kind, [...(blocks.get(kind) ?? []), arm]);
  }
  return [...blocks.values()];
}

/** Round `round`'s order: blocks and the commands in each rotated, so that none always runs first. */
function roundOrder(blocks, round) {
  const rotate = (list) => list.map((_, i) => list[(i + round) % list.length]);
  return rotate(blocks).flatMap(rotate);
}

/** The webhook hook against the plain one: "paired +0.4 (−2.1 … +3.0) ms: as fast (…)". */
function webhookWords(comparison) {
  const word =
    comparison.verdict === 'no difference beyond noise'
      ? 'as fast (no difference beyond noise)'
      : comparison.verdict;
  return `paired ${comparisonCell(comparison)} ms: ${word}`;
}

/**
 * Measures the hook handler against bare Node starts for each runtime in `nodes`: `rounds`
 * interleaved rounds after `warmup` discarded ones; with a baseline build, its commands run in
 * the same rounds. Returns the section's tables and notes.
 */
export async function benchHook({ nodes, quick = false }) {
  const rounds = quick ? 8 : 60;
  const warmup = quick ? 2 : 3;
  const builds = [];
  const receiver = await startReceiver(nodes[0].path);
  let tmux;
  try {
    for (const build of BUILDS) builds.push(setUpHome(build, nodes[0].path, receiver));
    const [own] = builds;
    tmux = startTmux(own.home);

    const rows = [];
    const comparisonRows = [];
    const comparisonLines = [];
    const inputBytes = Buffer.byteLength(stopInput(own.home, own.project, randomUUID()));
    const verdicts = [];
    const failures = [];
    for (const node of nodes) {
      const nodeWord = shellQuote(node.path);
      const fixedSession = randomUUID();
      const arms = [
        {
          key: 'bare',
          label: '`node -e 0` (no shell)',
          run: (input) => timedRun(node.path, ['-e', '0'], { env: own.env, input }),
        },
        {
          key: 'shBare',
          label: '`sh -c "node -e 0"`',
          run: (input) => timedShell(`${nodeWord} -e 0`, { env: own.env, input }),
        },
        ...builds.flatMap((build) => ccbellArms(build, node, receiver, tmux)),
      ];
      const samples = Object.fromEntries(arms.map((arm) => [arm.key, []]));
      progress(`hook: ${node.version}: ${warmup} warm-up + ${rounds} rounds of ${arms.length} commands`);
      const blocks = sideBySideBlocks(arms);
      for (let round = 0; round < warmup + rounds; round++) {
        for (const arm of roundOrder(blocks, round)) {
          const session = arm.session === 'fixed' ? fixedSession : randomUUID();
          const where = arm.build ?? own;
          const result = await arm.run(
            stopInput(where.home, arm.inProject ? where.fileProject : where.project, session),
          );
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
      const overhead = summarize(samples['new.hook']).median - base.median;
      const overheadCool = summarize(samples['new.coolFire']).median - base.median;
      const overheadHook = summarize(samples['new.webhook']).median - base.median;
      verdicts.push(
        `${node.version}: the hook costs ${signedMs(overhead)} ms over \`sh -c "node -e 0"\` at the median ` +
          `(${overhead <= TARGET_OVERHEAD_MS ? 'within' : 'over'} the ${TARGET_OVERHEAD_MS} ms target); ` +
          `with a cooldown firing ${signedMs(overheadCool)} ms ` +
          `(${overheadCool <= TARGET_OVERHEAD_MS ? 'within' : 'over'}); ` +
          `with a webhook channel ${signedMs(overheadHook)} ms ` +
          `(${overheadHook <= TARGET_OVERHEAD_MS ? 'within' : 'over'}; against the plain hook ` +
          `${webhookWords(compareBuilds(samples['new.webhook'], samples['new.hook']))})` +
          (tmux
            ? `; with \`quietWhenFocused\` asking tmux, paired ${signedMs(medianPairedDifference(samples['new.focusCheck'], samples['new.hook']))} ms against the plain hook.`
            : '.'),
      );
      const compared = sideBySide(node, arms, samples);
      comparisonRows.push(...compared.rows);
      if (compared.line) comparisonLines.push(compared.line);
    }

    const notes = [
      `Each command was started ${rounds} times per runtime from a Node parent, after ${warmup} discarded warm-up ` +
        "rounds, round-robin (one of each command per round) so that all share the machine's noise. Commands that " +
        'are compared run back to back in a block (one kind of command of both builds; the plain hook with the ' +
        'webhook row; the two bare Node starts), blocks and the commands within them in an order rotated every ' +
        'round, so that a paired difference compares runs of the same moment. Time is wall time from just before ' +
        "`spawn()` to the child's `close` (exited, stdout and stderr closed), as a hook runner waits for it.",
      `Every command got the same Stop hook JSON on stdin (${inputBytes} bytes, with a fresh \`session_id\` except in the ` +
        'suppressed row), and `CLAUDE_PROJECT_DIR` set to its project, as Claude Code starts every command hook ' +
        '(ccbell reads its input synchronously then: Claude Code writes it and ends stdin at once). ' +
        '`NODE_EXTRA_CA_CERTS` was unset for every child. HOME was a temporary directory holding ' +
        'registered instances (`ccbell instance create`) whose config sets `"player"` to an absolute path of a ' +
        'shell script that exits 0 at once: the player is still spawned (detached), as with a real one. The ' +
        'cooldown instance sets `events.stop.cooldown` to 3600 s with `cooldownScope: "session"`.',
      '`dist/ccbell.js` runs the CLI bundle through a V8 code cache that the first hook writes to ' +
        '`$HOME/.cache/ccbell` (here under the temporary HOME); the warm-up rounds fill it, so the rows show runs ' +
        'with a warm cache, as every hook after the first. The stop event with the default settings reads nothing ' +
        'of its input, so ccbell leaves stdin unread; the cooldown rows (per session) read it.',
      'The webhook row runs a third instance whose Stop goes to `sound` and a generic webhook channel posting to a ' +
        'local receiver (a Node process of its own that answers 200): the hook leaves its input unread and makes one ' +
        'spawn, as the plain hook does for its player: a detached shell that starts the player, waits for the hook to exit, then execs `ccbell deliver`, which reads ' +
        'the input from the stdin it inherited, builds the message and posts it), then returns. After each such run ' +
        'the bench waits (untimed) until the receiver got the request, and 200 ms more for the helper to exit, so no helper overlaps the next command. ' +
        '"against the plain hook" pairs each webhook run with the plain hook of the same round (same block), with the 95 % interval of the differences.',
      'The quietWhenFocused row runs a fourth instance with `quietWhenFocused: true`, started with `TMUX` and ' +
        '`TMUX_PANE` naming a pane of a private tmux server (no client attached): the hook runs one ' +
        '`tmux -S SOCKET display -p -t PANE …` (bounded at 300 ms), finds the pane not in view, and plays.',
      '"Δ median" is the difference of medians to `sh -c "node -e 0"` (the like-for-like baseline: Claude Code ' +
        'starts hooks through a shell); "paired" is the median of the per-round differences, less sensitive to drift.',
    ];
    if (builds.length > 1) {
      notes.push(
        'The baseline build ran its four commands in the same rounds as the new one, each next to the same command of the new build, with a ' +
          'HOME of its own set up by its own CLI the same way (same instances, same config changes, inputs of the ' +
          'same size). In the side-by-side table, "paired" is the median of the per-round differences new − ' +
          'baseline, with its 95 % distribution-free interval (order statistics of the differences).',
      );
    }
    if (failures.length) {
      notes.push(
        `**${failures.length} ccbell run(s) failed or wrote to stderr**; first: \`${failures[0].replace(/`/g, "'")}\``,
      );
    }
    const tables = [
      {
        columns: ['runtime', 'command', 'runs', 'median ms', 'p90 ms', 'min ms', 'Δ median ms'],
        rows,
      },
    ];
    if (comparisonRows.length) {
      tables.push({
        caption: 'Side by side, new build − baseline build (same rounds):',
        columns: [
          'runtime',
          'command',
          'new median ms',
          'baseline median ms',
          'Δ median ms',
          'paired Δ ms (95 % interval)',
          'verdict',
        ],
        rows: comparisonRows,
        align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
      });
    }
    return { tables, summary: verdicts, sideBySide: comparisonLines, notes };
  } finally {
    receiver.stop();
    try {
      tmux?.stop();
    } catch {}
    for (const build of builds) removeDir(build.home);
  }
}
