// Section: one hook event delivered to the app as Claude Code's `type: "http"` hook (a POST on a
// kept-alive loopback connection, as Claude Code's client sends it), next to the same event as a
// command hook (a process per event) in the same run.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import {
  CLI_PATH,
  cleanEnv,
  editJson,
  ms,
  progress,
  removeDir,
  runCli,
  shellQuote,
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

/**
 * Runs `benchHttpHook`: an app of instance `benchhttp` (fake player), then `calls` http hook
 * events after `warmup` ones, for a Stop (notifies: spawns the player) and a SessionEnd
 * (recorded only: off by default), and the same events as command hooks.
 */
export async function benchHttpHook({ quick = false }) {
  const warmup = quick ? 50 : 200;
  const calls = quick ? 300 : 2000;
  const processRuns = quick ? 8 : 30;
  const node = process.execPath;
  const home = tempDir('http');
  const project = join(home, 'project');
  const env = cleanEnv({ HOME: home, CCBELL_BUS_DIR: join(home, 'bus') });
  let app;
  try {
    runCli(node, ['instance', 'create', 'benchhttp'], env);
    const player = writeFakePlayer(home);
    editJson(join(home, '.claude', 'ccbell-benchhttp.config.json'), (config) => {
      config.player = player;
    });
    app = await startLongRunning(node, [CLI_PATH, 'app', '--instance', 'benchhttp', '--no-open'], {
      env,
      ready: /page: http:\/\/127\.0\.0\.1:(\d+)\//,
    });
    const port = Number(app.match[1]);
    const { hookToken } = JSON.parse(readFileSync(join(home, '.claude', 'ccbell-benchhttp.pid'), 'utf8'));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    const rows = [];
    const results = {};
    for (const event of ['Stop', 'SessionEnd']) {
      progress(`http-hook: ${event}: ${warmup} warm-up + ${calls} POSTs`);
      const samples = [];
      let failures = 0;
      for (let i = 0; i < warmup + calls; i++) {
        const result = await post(agent, port, hookToken, hookInput(project, event, randomUUID()));
        if (result.status !== 200) failures++;
        if (i >= warmup) samples.push(result.ms);
      }
      const stats = summarize(samples);
      results[event] = stats;
      rows.push([
        `http hook, ${event}${event === 'Stop' ? ' (plays: spawns the player)' : ' (recorded in the feed only)'}`,
        String(samples.length),
        ms(stats.median, 3),
        ms(stats.p99, 3),
        failures ? `${failures} failed` : 'ok',
      ]);
    }
    agent.destroy();

    for (const event of ['Stop', 'SessionEnd']) {
      progress(`http-hook: ${event}: ${processRuns} command hook runs`);
      const samples = [];
      const command = `${shellQuote(node)} ${shellQuote(CLI_PATH)} --instance benchhttp`;
      for (let i = 0; i < processRuns + 3; i++) {
        const result = await timedShell(command, {
          env,
          input: hookInput(project, event, randomUUID()),
          cwd: home,
        });
        if (i >= 3) samples.push(result.ms);
      }
      const stats = summarize(samples);
      rows.push([
        `command hook (a process per event), ${event}`,
        String(samples.length),
        ms(stats.median, 1),
        ms(stats.p99, 1),
        'ok',
      ]);
    }
    const stop = results.Stop;
    return {
      tables: [{ columns: ['path', 'events', 'p50 (ms)', 'p99 (ms)', 'status'], rows }],
      notes: [
        'Each http sample is one POST of a hook input to `/hooks` with the bearer token, on one kept-alive loopback connection (Claude Code keeps its connection alive), timed from the request to the end of the response, one at a time. The command rows start `node dist/ccbell.js --instance benchhttp` through `/bin/sh -c` with the same input on stdin, as Claude Code starts a command hook.',
        'The Stop rows include notifying: the instance plays a sound (a fake player that exits at once), so the app spawns a process for it; the SessionEnd rows are recorded in the feed only (the event is off by default).',
      ],
      summary: [
        `http hook p50 ${ms(stop.median, 3)} ms for a Stop that plays a sound, ${ms(results.SessionEnd.median, 3)} ms for one recorded only (target: p50 under ${TARGET_P50_MS} ms).`,
      ],
    };
  } finally {
    if (app) await stopChild(app.child);
    removeDir(home);
  }
}
