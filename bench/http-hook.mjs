// Section: one hook event delivered to the app as Claude Code's `type: "http"` hook (a POST on a
// kept-alive loopback connection, as Claude Code's client sends it), next to the same event as a
// command hook (a process per event) in the same run, and next to the same of the baseline build
// (BENCH_BASELINE_ROOT) when there is one: one app per build, their samples alternated.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import {
  BUILDS,
  cleanEnv,
  compareBuilds,
  comparisonCell,
  editJson,
  ms,
  progress,
  removeDir,
  runCli,
  shellQuote,
  sideBySideTable,
  startLongRunning,
  stopChild,
  summarize,
  tempDir,
  timedShell,
  writeFakePlayer,
} from './lib.mjs';

/** The target for the http path: p50 under 1 ms per event. */
const TARGET_P50_MS = 1;

function hookInput(project, event, sessionId) {
  return JSON.stringify({
    session_id: sessionId,
    transcript_path: join(project, `${sessionId}.jsonl`),
    cwd: project,
    hook_event_name: event,
    permission_mode: 'default',
    ...(event === 'Stop' ? { stop_hook_active: false, last_assistant_message: 'Done: the tests pass.' } : {}),
    ...(event === 'SessionEnd' ? { reason: 'other' } : {}),
  });
}

function post(agent, port, token, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/hooks?ccbell_instance=benchhttp',
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${port}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A HOME of its own for `build`'s app: instance `benchhttp` registered by that build's CLI, with a fake player. */
function prepareSide(build, node) {
  const home = tempDir('http');
  const env = cleanEnv({ HOME: home, CCBELL_BUS_DIR: join(home, 'bus') });
  runCli(node, ['instance', 'create', 'benchhttp'], env, build.cli);
  const player = writeFakePlayer(home);
  editJson(join(home, '.claude', 'ccbell-benchhttp.config.json'), (config) => {
    config.player = player;
  });
  return { ...build, home, project: join(home, 'project'), env };
}

/** Starts `side`'s app and keeps on it what posting to it needs: port, hook token, a kept-alive agent. */
async function startApp(side, node) {
  side.app = await startLongRunning(node, [side.cli, 'app', '--instance', 'benchhttp', '--no-open'], {
    env: side.env,
    ready: /page: http:\/\/127\.0\.0\.1:(\d+)\//,
  });
  side.port = Number(side.app.match[1]);
  side.hookToken = JSON.parse(
    readFileSync(join(side.home, '.claude', 'ccbell-benchhttp.pid'), 'utf8'),
  ).hookToken;
  side.agent = new Agent({ keepAlive: true, maxSockets: 1 });
}

/**
 * Runs `count` samples after `warmup` discarded ones on every side, alternating: sample i goes to
 * the sides in turn, the first side swapped every sample so neither always goes first. `sample`
 * resolves with { ms, ok }. Returns per side key { samples, failures }.
 */
async function alternate(sides, warmup, count, sample) {
  const out = Object.fromEntries(sides.map((side) => [side.key, { samples: [], failures: 0 }]));
  for (let i = 0; i < warmup + count; i++) {
    const order = i % 2 ? [...sides].reverse() : sides;
    for (const side of order) {
      const result = await sample(side);
      if (!result.ok) out[side.key].failures++;
      if (i >= warmup) out[side.key].samples.push(result.ms);
    }
  }
  return out;
}

/** " — baseline build" for the baseline's rows, nothing for the new build's. */
function buildSuffix(side) {
  return side.key === 'new' ? '' : ` — ${side.key} build`;
}

/**
 * Runs `benchHttpHook`: per build, an app of instance `benchhttp` (fake player); then `calls` http
 * hook events after `warmup` ones, for a Stop (notifies: spawns the player) and a SessionEnd
 * (recorded only: off by default), and the same events as command hooks, the builds alternated.
 */
export async function benchHttpHook({ quick = false }) {
  const warmup = quick ? 50 : 200;
  const calls = quick ? 300 : 2000;
  const processRuns = quick ? 8 : 30;
  const node = process.execPath;
  const sides = [];
  try {
    for (const build of BUILDS) {
      const side = prepareSide(build, node);
      sides.push(side);
      await startApp(side, node);
    }

    const rows = [];
    const comparisonRows = [];
    const comparisonLines = [];
    const compare = (path, results, digits) => {
      if (!results.baseline) return;
      const comparison = compareBuilds(results.new.samples, results.baseline.samples);
      const p99 = (key) => summarize(results[key].samples).p99;
      comparisonRows.push([
        path,
        ms(comparison.newMedian, digits),
        ms(comparison.baselineMedian, digits),
        comparisonCell(comparison, digits),
        ms(p99('new'), digits),
        ms(p99('baseline'), digits),
        comparison.verdict,
      ]);
      comparisonLines.push(
        `${path}: p50 ${ms(comparison.newMedian, digits)} vs ${ms(comparison.baselineMedian, digits)} ms ` +
          `(paired ${comparisonCell(comparison, digits)}: ${comparison.verdict}).`,
      );
    };

    const medians = {};
    for (const event of ['Stop', 'SessionEnd']) {
      progress(`http-hook: ${event}: ${warmup} warm-up + ${calls} POSTs per build`);
      const results = await alternate(sides, warmup, calls, async (side) => {
        const result = await post(
          side.agent,
          side.port,
          side.hookToken,
          hookInput(side.project, event, randomUUID()),
        );
        return { ms: result.ms, ok: result.status === 200 };
      });
      const path = `http hook, ${event}${event === 'Stop' ? ' (plays: starts the player)' : ' (recorded in the feed only)'}`;
      for (const side of sides) {
        const { samples, failures } = results[side.key];
        const stats = summarize(samples);
        if (side.key === 'new') medians[event] = stats.median;
        rows.push([
          `${path}${buildSuffix(side)}`,
          String(samples.length),
          ms(stats.median, 3),
          ms(stats.p99, 3),
          failures ? `${failures} failed` : 'ok',
        ]);
      }
      compare(path, results, 3);
    }
    for (const side of sides) side.agent.destroy();

    for (const event of ['Stop', 'SessionEnd']) {
      progress(`http-hook: ${event}: ${processRuns} command hook runs per build`);
      const results = await alternate(sides, 3, processRuns, async (side) => {
        const result = await timedShell(`${shellQuote(node)} ${shellQuote(side.cli)} --instance benchhttp`, {
          // As Claude Code starts a command hook: with CLAUDE_PROJECT_DIR.
          env: { ...side.env, CLAUDE_PROJECT_DIR: side.project },
          input: hookInput(side.project, event, randomUUID()),
          cwd: side.home,
        });
        return { ms: result.ms, ok: result.code === 0 };
      });
      const path = `command hook (a process per event), ${event}`;
      for (const side of sides) {
        const { samples, failures } = results[side.key];
        const stats = summarize(samples);
        rows.push([
          `${path}${buildSuffix(side)}`,
          String(samples.length),
          ms(stats.median, 1),
          ms(stats.p99, 1),
          failures ? `${failures} failed` : 'ok',
        ]);
      }
      compare(path, results, 1);
    }

    const tables = [{ columns: ['path', 'events', 'p50 (ms)', 'p99 (ms)', 'status'], rows }];
    if (comparisonRows.length) {
      tables.push(sideBySideTable('path', 'samples alternated', comparisonRows));
    }
    const notes = [
      'Each http sample is one POST of a hook input to `/hooks` with the bearer token, on one kept-alive loopback connection (Claude Code keeps its connection alive), timed from the request to the end of the response, one at a time. The command rows start `node dist/ccbell.js --instance benchhttp` through `/bin/sh -c` with the same input on stdin and `CLAUDE_PROJECT_DIR` set, as Claude Code starts a command hook.',
      'The Stop rows include notifying: the instance plays a sound (a fake player that exits at once), so the app starts a process for it (the new build through its launcher shell, src/notify/launcher.ts; the baseline forks itself); the SessionEnd rows are recorded in the feed only (the event is off by default).',
    ];
    if (sides.length > 1) {
      notes.push(
        'The baseline build had its own app (its own HOME, bus and instance, set up by its own CLI), running at the ' +
          'same time as the new one; every sample went to both, one after the other, the first swapped every ' +
          'sample. "paired" is the median of the per-sample differences new − baseline, with its 95 % ' +
          'distribution-free interval (order statistics of the differences).',
      );
    }
    return {
      tables,
      notes,
      summary: [
        `http hook p50 ${ms(medians.Stop, 3)} ms for a Stop that plays a sound, ${ms(medians.SessionEnd, 3)} ms for one recorded only (target: p50 under ${TARGET_P50_MS} ms).`,
      ],
      sideBySide: comparisonLines,
    };
  } finally {
    for (const side of sides) {
      if (side.app) await stopChild(side.app.child);
      removeDir(side.home);
    }
  }
}
