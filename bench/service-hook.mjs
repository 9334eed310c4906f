// Section: a Stop as `ccbell service install` wires it. The hook entry and its token are read back
// from the Claude Code settings that `service install` wrote (the bearer token filled in from the
// settings' `env`, as Claude Code does), then POSTed to the instance's app, started as the unit
// starts it, on a kept-alive connection. Beside it in the same run, interleaved: the same Stop as
// the command hook `ccbell setup` wires. Both play a sound (a fake player that logs the play).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  startLongRunning,
  stopChild,
  summarize,
  tempDir,
  timedShell,
} from './lib.mjs';

/** Issue 9's target: the Go ccbell's whole command hook on this kind of machine. */
const TARGET_P50_MS = 5;
const INSTANCE = 'benchsvc';

function stopInput(project) {
  const sessionId = randomUUID();
  return JSON.stringify({
    session_id: sessionId,
    transcript_path: join(project, `${sessionId}.jsonl`),
    cwd: project,
    hook_event_name: 'Stop',
    permission_mode: 'default',
    stop_hook_active: false,
    last_assistant_message: 'Done: the tests pass.',
  });
}

/** Claude Code's header interpolation: `$VAR` / `${VAR}` for names in allowedEnvVars, from `env`. */
function interpolate(value, allowed, env) {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced, bare) => {
      const name = braced ?? bare;
      return allowed.includes(name) ? (env[name] ?? '') : whole;
    },
  );
}

/** The Stop hook of the instance in the settings, as Claude Code would send it: url and filled-in headers. */
function wiredStopHook(settingsPath) {
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
  const entry = settings.hooks.Stop.flatMap((group) => group.hooks).find(
    (hook) => hook.type === 'http' && hook.url.includes(`ccbell_instance=${INSTANCE}`),
  );
  if (!entry) throw new Error(`service install wired no http Stop hook in ${settingsPath}`);
  const headers = Object.fromEntries(
    Object.entries(entry.headers ?? {}).map(([name, value]) => [
      name,
      interpolate(value, entry.allowedEnvVars ?? [], settings.env ?? {}),
    ]),
  );
  return { url: new URL(entry.url), headers };
}

function post(agent, hook, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: hook.url.hostname,
        port: hook.url.port,
        path: `${hook.url.pathname}${hook.url.search}`,
        method: 'POST',
        headers: {
          Host: hook.url.host,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...hook.headers,
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
 * Runs `benchServiceHook`: `service install` in a temporary HOME (a systemctl that fails, so no
 * real unit is ever enabled), the app started as the unit says, then `calls` http Stops after
 * `warmup`, with `processRuns` command-hook Stops spread evenly among them.
 */
export async function benchServiceHook({ quick = false }) {
  const warmup = quick ? 50 : 200;
  const calls = quick ? 300 : 2000;
  const processRuns = quick ? 10 : 40;
  const node = process.execPath;
  const home = tempDir('service');
  const bin = join(home, 'bin');
  const playLog = join(home, 'plays.log');
  let app;
  try {
    const env = cleanEnv({
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      CCBELL_BUS_DIR: join(home, 'bus'),
      PATH: `${bin}:${process.env.PATH}`,
    });
    runCli(node, ['instance', 'create', INSTANCE], env);
    mkdirSync(bin);
    writeFileSync(join(bin, 'systemctl'), '#!/bin/sh\necho "no user manager in the bench" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const player = join(bin, 'fake-player.sh');
    writeFileSync(player, `#!/bin/sh\necho >> '${playLog}'\n`, { mode: 0o755 });
    editJson(join(home, '.claude', `ccbell-${INSTANCE}.config.json`), (config) => {
      config.player = player;
    });
    runCli(node, ['service', 'install', '--instance', INSTANCE], env);
    const port = JSON.parse(
      readFileSync(join(home, '.claude', `ccbell-${INSTANCE}.config.json`), 'utf8'),
    ).appPort;
    const unit = readFileSync(join(home, '.config', 'systemd', 'user', `ccbell-${INSTANCE}.service`), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    const appArgs = ['app', '--instance', INSTANCE, '--no-open', '--port', String(port)];
    if (!execStart.endsWith(` ${appArgs.join(' ')}`)) throw new Error(`unexpected ExecStart: ${execStart}`);
    app = await startLongRunning(node, [CLI_PATH, ...appArgs], {
      env,
      ready: /page: http:\/\/127\.0\.0\.1:\d+\//,
    });
    const hook = wiredStopHook(join(home, '.claude', 'settings.json'));
    // The command hook as `ccbell setup` wires Stop, run through the shell as Claude Code runs it.
    const printed = JSON.parse(runCli(node, ['setup', '--print', '--instance', INSTANCE], env));
    const command = printed.hooks.Stop[0].hooks[0].command;

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const project = join(home, 'project');
    const http = [];
    const shell = [];
    let failures = 0;
    const every = Math.floor(calls / processRuns);
    progress(
      `service-hook: ${warmup} warm-up + ${calls} http Stops, ${processRuns} command-hook Stops among them`,
    );
    for (let i = 0; i < warmup + calls; i++) {
      const result = await post(agent, hook, stopInput(project));
      if (result.status !== 200) failures++;
      if (i >= warmup) http.push(result.ms);
      if (i >= warmup && (i - warmup) % every === 0 && shell.length < processRuns) {
        // As Claude Code starts a command hook: with CLAUDE_PROJECT_DIR.
        const run = await timedShell(command, {
          env: { ...env, CLAUDE_PROJECT_DIR: project },
          input: stopInput(project),
        });
        if (run.code !== 0) failures++;
        shell.push(run.ms);
      }
    }
    agent.destroy();
    // Players run detached: give the last ones a moment before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const played = readFileSync(playLog, 'utf8').length;
    const events = warmup + calls + shell.length;

    const h = summarize(http);
    const c = summarize(shell);
    const met = h.median <= TARGET_P50_MS;
    return {
      tables: [
        {
          columns: ['path', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'target'],
          rows: [
            [
              'Stop as `service install` wires it: http POST to the app, sound included',
              String(h.n),
              ms(h.median, 3),
              ms(h.p90, 3),
              ms(h.p99, 3),
              `p50 ≤ ${TARGET_P50_MS} ms: ${met ? 'met' : 'NOT met'}`,
            ],
            [
              'Stop as `ccbell setup` wires it: command hook (`node dist/ccbell.js … stop` through /bin/sh)',
              String(c.n),
              ms(c.median, 1),
              ms(c.p90, 1),
              ms(c.p99, 1),
              '',
            ],
          ],
        },
      ],
      summary: [
        `A Stop as \`service install\` wires it: p50 ${ms(h.median, 3)} ms (target ≤ ${TARGET_P50_MS} ms: ${met ? 'met' : 'not met'}); ` +
          `the command hook in the same run: p50 ${ms(c.median, 1)} ms (${(c.median / h.median).toFixed(0)}× as long).`,
        `${played} sounds played for ${events} Stops${failures ? `; ${failures} failed` : ''}.`,
      ],
      notes: [
        "`ccbell service install --instance benchsvc` ran in a temporary HOME with a `systemctl` that fails (as without a user manager), so it wrote the unit and wired the hooks; the app was then started with the unit's ExecStart arguments.",
        "The http samples POST a Stop to the url of the Stop hook in the settings `service install` wrote, with its headers, `$CCBELL_HOOK_TOKEN_BENCHSVC` filled in from the settings' `env` as Claude Code does; one kept-alive loopback connection (as Claude Code's client keeps), timed from the request to the end of the response, one at a time.",
        `The command samples run the Stop command hook \`ccbell setup\` wires, through \`/bin/sh -c\` with the hook input on stdin and \`CLAUDE_PROJECT_DIR\` set (as Claude Code starts it), timed to its exit (Node ${process.version}, NODE_EXTRA_CA_CERTS unset); one after every ${every} http samples, so both see the same machine.`,
        "Both play a sound: the instance's player is a shell script that appends a line to a log, spawned detached by the app (http) or the hook process (command); the count above is its lines.",
      ],
    };
  } finally {
    if (app) await stopChild(app.child);
    removeDir(home);
  }
}
