// Section: the approval round trip with no person in it: an MCP `tools/call approval_prompt` to
// the approval server, forwarded over the bus to the app of its runtime id, decided there by a
// rule, and answered, with 1, 10 and 100 apps running at once; with a baseline build
// (BENCH_BASELINE_ROOT), the same for it, its calls alternated with the new build's.
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  BUILDS,
  CLI_PATH,
  cleanEnv,
  compareBuilds,
  comparisonCell,
  editJson,
  fsType,
  mapLimit,
  ms,
  progress,
  removeDir,
  runCli,
  sideBySideTable,
  startLongRunning,
  stopChild,
  summarize,
  tempDir,
  writeFakePlayer,
} from './lib.mjs';

/** The issue's targets, in ms. */
const TARGET = { p50: 1, p99: 5, p99Ratio: 1.5 };

/** Resident memory of a process in MiB, from /proc (undefined where there is none). */
function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) used so far by the processes `pids`, in ms, from /proc; undefined without /proc. */
function cpuMs(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop().trim().split(/\s+/);
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15), in ticks
    } catch {
      return undefined;
    }
  }
  return (total * 1000) / CLOCK_TICKS;
}

// USER_HZ: 100 on every Linux this runs on.
const CLOCK_TICKS = 100;

/**
 * Waits until freshly started apps are idle: their start-up (JIT, and V8's memory reducer, which
 * runs GCs some seconds after start) otherwise lands in the measurement as a long tail. Idle
 * means at least `minMs` since the last start, then under 20 ms of CPU per second for all of
 * them together for 3 s in a row; at most `maxMs`. Resolves with the seconds waited.
 */
async function waitUntilIdle(apps, { minMs = 15_000, maxMs = 60_000 } = {}) {
  const started = Date.now();
  const pids = apps.map((app) => app.child.pid);
  await new Promise((resolve) => setTimeout(resolve, minMs));
  let before = cpuMs(pids);
  let quietSeconds = 0;
  while (before !== undefined && Date.now() - started < maxMs && quietSeconds < 3) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuMs(pids) ?? before;
    quietSeconds = now - before < 20 ? quietSeconds + 1 : 0;
    before = now;
  }
  return (Date.now() - started) / 1000;
}

/** A fresh private directory on tmpfs (/dev/shm) for a second bus, or undefined where there is none. */
function tmpfsDir() {
  try {
    if (!statSync('/dev/shm').isDirectory()) return undefined;
    const dir = mkdtempSync('/dev/shm/ccbell-bench-bus-');
    chmodSync(dir, 0o700);
    return dir;
  } catch {
    return undefined;
  }
}

/** Starts the app of instance `name` as its own process (CLI `cli`, default the package's own); resolves with it and its runtime id (exported for ad-hoc analyses). */
export async function startAppProcess(node, name, env, cli = CLI_PATH) {
  const { child, match } = await startLongRunning(node, [cli, 'app', '--instance', name], {
    env,
    ready: /app running: id ([0-9]+_[0-9]+)/,
  });
  return { name, child, runtimeId: match[1] };
}

/**
 * Starts an approval server of CLI `cli` for `app` and connects the SDK client to it over stdio;
 * resolves with the client, the time that took and the server's stderr so far (a getter).
 */
async function openApprovalClient({ node, cli, app, env }) {
  const transport = new StdioClientTransport({
    command: node,
    args: [cli, 'approval-server'],
    // What the app's --mcp-config gives it, on top of the SDK's default safe variables.
    env: {
      HOME: env.HOME,
      PATH: env.PATH,
      CCBELL_BUS_DIR: env.CCBELL_BUS_DIR,
      CLAUDE_CODE_UI_INSTANCE_ID: app.runtimeId,
      CCBELL_INSTANCE: app.name,
    },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'ccbell-bench', version: '1' });
  const connectStarted = performance.now();
  await client.connect(transport);
  await client.listTools();
  return { client, startMs: performance.now() - connectStarted, stderr: () => stderr };
}

/** One timed `approval_prompt` call; resolves with its time and, when it was not allowed, why. */
async function callApproval(client, label, i) {
  const started = performance.now();
  const result = await client.callTool({
    name: 'approval_prompt',
    arguments: {
      tool_name: 'Bash',
      input: { command: `echo bench ${label} ${i}`, description: 'Print a marker' },
      tool_use_id: `toolu_bench_${label}_${i}`,
    },
  });
  const elapsed = performance.now() - started;
  const text = result.content?.[0]?.text ?? '';
  const failure = text.includes('"behavior":"allow"')
    ? undefined
    : text.slice(0, 300) || JSON.stringify(result).slice(0, 300);
  return { ms: elapsed, failure };
}

/**
 * One approval server per entry ({ app, env, cli }), driven by the SDK client over stdio:
 * `warmup` calls, then `calls` timed ones, one at a time (Claude Code asks one tool call at a time
 * per session). With several entries, call i goes to each in turn, the first swapped every call,
 * so that they share the machine's noise and call i of each can be paired. Results in order.
 */
export async function driveApprovalServers({ node, entries, warmup, calls, label }) {
  const opened = [];
  for (const entry of entries) {
    opened.push(
      await openApprovalClient({ node, cli: entry.cli ?? CLI_PATH, app: entry.app, env: entry.env }),
    );
  }
  const runs = opened.map((open) => ({ samples: [], failures: [], startMs: open.startMs }));
  const indexes = opened.map((_, index) => index);
  for (let i = 0; i < warmup + calls; i++) {
    for (const index of i % 2 ? [...indexes].reverse() : indexes) {
      const result = await callApproval(opened[index].client, `${label}s${index}`, i);
      if (i >= warmup) runs[index].samples.push(result.ms);
      if (result.failure) runs[index].failures.push(result.failure);
    }
  }
  for (const [index, open] of opened.entries()) {
    await open.client.close();
    runs[index].stderr = open.stderr();
  }
  return runs;
}

/** One approval server for `app`, as driveApprovalServers with one entry (kept for ad-hoc analyses). */
export async function driveApprovalServer({ node, app, env, warmup, calls, label, cli = CLI_PATH }) {
  const [run] = await driveApprovalServers({ node, entries: [{ app, env, cli }], warmup, calls, label });
  return run;
}

/** What one build needs for this section: a HOME and a bus of its own, a tmpfs bus where there is one; its apps come later. */
function makeSide(build) {
  const home = tempDir('approval');
  const bus = tempDir('bus');
  return {
    ...build,
    home,
    bus,
    shm: tmpfsDir(),
    env: cleanEnv({ HOME: home, CCBELL_BUS_DIR: bus }),
    apps: [],
  };
}

/**
 * Registers `count` instances with `side`'s own CLI: b1 gets the rule and the fake player, the
 * others copy its config (same rule, same player), plus `bshm` when there is a tmpfs bus.
 */
async function registerInstances(side, node, count) {
  const player = writeFakePlayer(side.home);
  runCli(node, ['instance', 'create', 'b1'], side.env, side.cli);
  const firstConfig = join(side.home, '.claude', 'ccbell-b1.config.json');
  editJson(firstConfig, (config) => {
    config.player = player;
    config.approvals = { allow: ['Bash(echo *)'], deny: [] };
  });
  const others = Array.from({ length: count - 1 }, (_, i) => `b${i + 2}`);
  if (side.shm) others.push('bshm');
  await mapLimit(others, 2, async (name) =>
    runCli(node, ['instance', 'create', name, '--config', firstConfig], side.env, side.cli),
  );
}

/** " — baseline build" for the baseline's rows, nothing for the new build's. */
function buildSuffix(side) {
  return side.key === 'new' ? '' : ` — ${side.key} build`;
}

/** Seconds since `startedAt` (a performance.now()), one decimal. */
function secondsSince(startedAt) {
  return ((performance.now() - startedAt) / 1000).toFixed(1);
}

/** Memory an idle app takes here, about (the 100-app row measured 47 MiB each), with room to spare. */
const APP_MIB = 64;

/** Whether `more` more apps fit in the free memory, keeping 2 GiB for everyone else on the machine. */
function roomForApps(more) {
  return freemem() - more * APP_MIB * 2 ** 20 > 2 * 2 ** 30;
}

/**
 * Measures the approval round trip with 1, 10 and 100 apps (as separate processes, one per
 * registered instance) and one approval server talking to app #1. Returns the section.
 */
export async function benchApproval({ quick }) {
  const node = process.execPath;
  const counts = quick ? [1, 10] : [1, 10, 100];
  const warmup = quick ? 50 : 200;
  const calls = quick ? 300 : 2000;
  const appWarmup = quick ? 300 : 3000;
  const idleOptions = { minMs: quick ? 2000 : 15_000 };
  const sides = [];
  try {
    progress(`approval: registering ${Math.max(...counts)} instances per build`);
    for (const build of BUILDS) {
      const side = makeSide(build);
      sides.push(side);
      await registerInstances(side, node, Math.max(...counts));
    }

    const rows = [];
    const stats = new Map();
    const comparisonRows = [];
    const comparisonLines = [];
    const notes = [];
    const warmedApps = new Set();
    // `entries`: one per build measured in this row, { side, app, env, running, started }, where
    // `running` are the apps whose memory the row reports; `name` says the row in a sentence.
    // Resolves with the new build's stats.
    const measure = async (label, entries, name) => {
      for (const { side, app, env } of entries) {
        if (warmedApps.has(app)) continue;
        // A fresh app keeps getting faster for thousands of calls (V8 optimises its hot paths);
        // a person's app runs for hours, so every row measures an app in that steady state.
        progress(`approval: ${label}: warming ${side.key} app ${app.name} up with ${appWarmup} calls`);
        await driveApprovalServer({
          node,
          cli: side.cli,
          app,
          env,
          warmup: appWarmup,
          calls: 0,
          label: `warm${rows.length}`,
        });
        warmedApps.add(app);
      }
      progress(
        `approval: ${label}: ${warmup} warm-up + ${calls} calls${entries.length > 1 ? ' per build, alternated' : ''}`,
      );
      const runs = await driveApprovalServers({
        node,
        entries: entries.map(({ side, app, env }) => ({ app, env, cli: side.cli })),
        warmup,
        calls,
        label: `n${rows.length}`,
      });
      const results = {};
      for (const [index, { side, running, started }] of entries.entries()) {
        const run = runs[index];
        const rowLabel = `${label}${buildSuffix(side)}`;
        const dead = running.filter((a) => a.child.exitCode !== null || a.child.signalCode !== null);
        if (dead.length) notes.push(`**${dead.length} app(s) exited during the "${rowLabel}" run.**`);
        if (run.failures.length) {
          notes.push(
            `**${run.failures.length} of ${warmup + calls} calls in the "${rowLabel}" run were not allowed**; first: ` +
              `\`${run.failures[0].replace(/`/g, "'")}\``,
          );
        }
        const s = summarize(run.samples);
        const rss = running.map((a) => rssMiB(a.child.pid)).filter((value) => value !== undefined);
        rows.push([
          rowLabel,
          s.n,
          ms(s.median, 2),
          ms(s.p90, 2),
          ms(s.p99, 2),
          ms(s.max, 1),
          ms(s.mean, 2),
          ms(run.startMs, 0),
          started,
          rss.length ? `${Math.round(rss.reduce((a, b) => a + b, 0))} MiB` : '–',
        ]);
        results[side.key] = { stats: s, samples: run.samples };
      }
      if (results.new && results.baseline) {
        const comparison = compareBuilds(results.new.samples, results.baseline.samples);
        comparisonRows.push([
          label,
          ms(comparison.newMedian, 2),
          ms(comparison.baselineMedian, 2),
          comparisonCell(comparison, 2),
          ms(results.new.stats.p99, 2),
          ms(results.baseline.stats.p99, 2),
          comparison.verdict,
        ]);
        comparisonLines.push(
          `${name}: p50 ${ms(comparison.newMedian, 2)} vs ${ms(comparison.baselineMedian, 2)} ms ` +
            `(paired ${comparisonCell(comparison, 2)}: ${comparison.verdict}); p99 ${ms(results.new.stats.p99, 2)} ` +
            `vs ${ms(results.baseline.stats.p99, 2)} ms.`,
        );
      }
      return results.new.stats;
    };

    for (const count of counts) {
      const entries = [];
      for (const side of sides) {
        const names = [];
        for (let i = side.apps.length + 1; i <= count; i++) names.push(`b${i}`);
        // The baseline's apps double the memory the rows take; where they would not fit, the
        // baseline sits the rest of the rows out rather than squeeze the machine's other users.
        if (side.key !== 'new' && (side.skipped || !roomForApps(names.length))) {
          side.skipped ??= count;
          continue;
        }
        const startedAt = performance.now();
        progress(`approval: ${side.key}: starting ${names.length} app(s) (${count} in all)`);
        side.apps.push(
          ...(await mapLimit(names, 4, (name) => startAppProcess(node, name, side.env, side.cli))),
        );
        entries.push({
          side,
          app: side.apps[0],
          env: side.env,
          running: side.apps,
          started: `${secondsSince(startedAt)} s for ${names.length}`,
        });
      }
      const idle = await waitUntilIdle(
        sides.flatMap((side) => side.apps),
        idleOptions,
      );
      for (const entry of entries) entry.started += `, idle after ${idle.toFixed(0)} s more`;
      stats.set(count, await measure(`${count}`, entries, `${count} app${count === 1 ? '' : 's'}`));

      if (count === 1 && sides.every((side) => side.shm)) {
        // The same with the bus on tmpfs, where a Linux desktop's XDG_RUNTIME_DIR puts it.
        const shmEntries = [];
        try {
          for (const side of sides) {
            const env = { ...side.env, CCBELL_BUS_DIR: side.shm };
            const startedAt = performance.now();
            const app = await startAppProcess(node, 'bshm', env, side.cli);
            shmEntries.push({
              side,
              app,
              env,
              running: [app],
              started: `${secondsSince(startedAt)} s for 1`,
            });
          }
          const shmIdle = await waitUntilIdle(
            shmEntries.map((entry) => entry.app),
            idleOptions,
          );
          for (const entry of shmEntries) entry.started += `, idle after ${shmIdle.toFixed(0)} s more`;
          await measure('1, bus on tmpfs', shmEntries, '1 app, bus on tmpfs');
        } finally {
          for (const entry of shmEntries) await stopChild(entry.app.child);
        }
      }
    }

    const one = stats.get(1);
    const most = stats.get(counts[counts.length - 1]);
    const ratio = most.p99 / one.p99;
    const summary = [
      `p50 with one app: ${ms(one.median, 2)} ms (target ≤ ${TARGET.p50} ms: ${one.median <= TARGET.p50 ? 'met' : 'missed'}); ` +
        `p99: ${ms(one.p99, 2)} ms (target ≤ ${TARGET.p99} ms: ${one.p99 <= TARGET.p99 ? 'met' : 'missed'}).`,
      `p99 with ${counts[counts.length - 1]} apps is ${ratio.toFixed(2)}× the p99 with one ` +
        `(target ≤ ${TARGET.p99Ratio}×: ${ratio <= TARGET.p99Ratio ? 'met' : 'missed'}).`,
    ];
    notes.unshift(
      'Each app is its own process, `node dist/ccbell.js app --instance bN`, one per registered instance (an ' +
        `instance allows one app), all on one bus (\`CCBELL_BUS_DIR\`, a temporary directory under ${tmpdir()}, ` +
        `on ${fsType(sides[0].bus)} here), as people run them. ` +
        'Processes rather than apps in one process: idle apps cost no CPU once started, so 100 of them fit this ' +
        '2-core machine (memory is in the table), and each adds its three socket files to the bus directory that ' +
        'every post lists, which is what could slow the round trip down. Apps are added to the running ones ' +
        'between rows (1, then 9 more, then 90 more), started 4 at a time; each row is measured once all apps are ' +
        'idle (15 s after the last start, then until their CPU time, from /proc, grew by under 20 ms per second ' +
        'for 3 s in a row): freshly started Node processes JIT-compile and run memory-reducing GCs some seconds ' +
        'in, and measured then, 100 of them make the p99 2 to 3 times what it is once they are idle. The "bus on tmpfs" row is one app of ' +
        "its own on a bus in /dev/shm, where the socket files live in memory as under a Linux desktop's " +
        "`XDG_RUNTIME_DIR` (ccbell's default bus place when that is set).",
      `One approval server per row, \`node dist/ccbell.js approval-server\` with app #1's \`CLAUDE_CODE_UI_INSTANCE_ID\` ` +
        "and `CCBELL_INSTANCE`, as the app's `--mcp-config` starts it, driven by the MCP SDK client over stdio " +
        `(\`StdioClientTransport\`). ${warmup} warm-up calls, then ${calls} timed calls, one at a time; each is ` +
        '`tools/call approval_prompt` with a Bash `echo` command and its own `tool_use_id`, allowed by the rule ' +
        '`approvals.allow: ["Bash(echo *)"]` in the app. Time is from `callTool()` to its result, in the client ' +
        "(so it includes the SDK client's own encoding and validation, as Claude Code's client has its own).",
      `Before its first row, each measured app was warmed up with ${appWarmup} calls through a throwaway approval ` +
        'server: a fresh app keeps getting faster over its first few thousand requests (p50 about 2.0 ms after 200 ' +
        'calls, 1.3 ms after 9000, in a trial here) while V8 optimises it, and a real app runs for hours. The ' +
        'approval server of each row is fresh, as each Claude Code session starts its own.',
      `Percentiles interpolate between ranks. All processes (client, server, apps) run on the bench runner's Node ` +
        `(${process.version}) with \`NODE_EXTRA_CA_CERTS\` unset. "server start" is spawn to the answered ` +
        '`initialize` and `tools/list`; "apps' +
        "'" +
        ' memory" is the resident memory of all running apps.',
    );
    const baseline = sides.find((side) => side.key !== 'new');
    if (baseline) {
      notes.push(
        'The baseline build had apps of its own (its own HOME and bus, instances registered by its own CLI), running ' +
          "beside the new build's; in each row the two approval servers, one per build, took turns call by call (the " +
          'first swapped every call), so both saw the same machine. "paired" is the median of the per-call ' +
          'differences new − baseline, with its 95 % distribution-free interval (order statistics of the differences).' +
          (baseline.skipped
            ? ` The baseline was not measured with ${baseline.skipped} apps or more: its apps would not have fit in ` +
              `the free memory (${APP_MIB} MiB each, 2 GiB kept free for the machine's other users).`
            : ''),
      );
    }
    const tables = [
      {
        columns: [
          'apps running',
          'calls',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'mean ms',
          'server start ms',
          'apps started in',
          "apps' memory",
        ],
        rows,
      },
    ];
    if (comparisonRows.length) {
      tables.push(sideBySideTable('apps running', 'calls alternated', comparisonRows));
    }
    return {
      tables,
      summary,
      sideBySide: comparisonLines,
      notes,
    };
  } finally {
    for (const side of sides) {
      await mapLimit(side.apps, 8, (app) => stopChild(app.child));
      removeDir(side.home);
      removeDir(side.bus);
      if (side.shm) removeDir(side.shm);
    }
  }
}

/** For reuse: the targets this section reports against. */
export { TARGET as APPROVAL_TARGETS };
