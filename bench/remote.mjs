// Section: the approval round trip over NATS (issue 12) beside the local bus, with 1 and 100
// apps running `ccbell app --remote` against one real nats-server (TLS on loopback, per-user
// permissions as docs/remote.md gives them), in one run; and what a hook of a remote session
// costs, NATS client loaded and connected, beside a local one.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { driveApprovalServers } from './approval.mjs';
import {
  CLI_PATH,
  cleanEnv,
  editJson,
  mapLimit,
  ms,
  progress,
  removeDir,
  runCli,
  startLongRunning,
  stopChild,
  summarize,
  tempDir,
  timedRun,
  writeFakePlayer,
} from './lib.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  const started = Date.now();
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() - started > 10_000) throw new Error('nats-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A TLS nats-server on a free loopback port, user `bench` allowed only its own subjects. */
async function startBroker(dir) {
  mkdirSync(dir, { recursive: true });
  const at = (name) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca-key.pem'),
    '-out',
    at('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=bench CA',
  ]);
  run(['req', ...ec, '-keyout', at('key.pem'), '-out', at('csr.pem'), '-subj', '/CN=localhost']);
  writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run(
    ['x509', '-req', '-in', at('csr.pem'), '-CA', at('ca.pem'), '-CAkey', at('ca-key.pem')].concat([
      '-CAcreateserial',
      '-out',
      at('cert.pem'),
      '-days',
      '2',
      '-extfile',
      at('san.ext'),
    ]),
  );
  const port = await freePort();
  const password = 'bench-password-0123456789';
  writeFileSync(at('password'), `${password}\n`, { mode: 0o600 });
  const own = '["ccbell.bench.>", "_INBOX.ccbell.bench.>"]';
  writeFileSync(
    at('nats.conf'),
    `host: 127.0.0.1\nport: ${port}\nmax_payload: 33554432\nmax_connections: 10000\n` +
      `tls { cert_file: "${at('cert.pem')}", key_file: "${at('key.pem')}", ca_file: "${at('ca.pem')}" }\n` +
      `authorization { users = [ { user: bench, password: "${password}", permissions: { publish: { allow: ${own} }, subscribe: { allow: ${own} } } } ] }\n`,
  );
  const child = spawn('nats-server', ['-c', at('nats.conf')], { stdio: 'ignore' });
  await waitForPort(port);
  const version = execFileSync('nats-server', ['--version'], { encoding: 'utf8' }).trim();
  return {
    child,
    version,
    remote: {
      url: `tls://127.0.0.1:${port}`,
      user: 'bench',
      credentials: { password: `file:${at('password')}` },
      ca: at('ca.pem'),
    },
  };
}

/** A Stop hook of a session of app `app`: the same command, with and without its app on this machine. */
async function hookTimes(node, env, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = await timedRun(node, [CLI_PATH, '--instance', 'b1', '--app-hook', 'stop'], {
      env,
      input: JSON.stringify({ session_id: 'bench', cwd: '/tmp', hook_event_name: 'Stop' }),
    });
    if (result.code !== 0) throw new Error(`hook failed: ${result.stderr}`);
    samples.push(result.ms);
  }
  return summarize(samples);
}

export async function benchRemote({ quick }) {
  const node = process.execPath;
  const counts = quick ? [1, 10] : [1, 100];
  const warmup = quick ? 30 : 200;
  const calls = quick ? 200 : 1000;
  const hookRuns = quick ? 10 : 40;
  const root = tempDir('remote');
  const homeA = join(root, 'a');
  const homeB = join(root, 'b');
  const busA = join(root, 'bus-a');
  const busB = join(root, 'bus-b');
  for (const dir of [homeA, homeB]) mkdirSync(join(dir, '.claude'), { recursive: true });
  for (const dir of [busA, busB]) mkdirSync(dir, { mode: 0o700 });
  const envA = cleanEnv({ HOME: homeA, CCBELL_BUS_DIR: busA, CCBELL_HOST: 'machine-a' });
  const envB = cleanEnv({ HOME: homeB, CCBELL_BUS_DIR: busB, CCBELL_HOST: 'machine-b' });
  const broker = await startBroker(join(root, 'nats'));
  const apps = [];
  try {
    progress(`remote: registering ${Math.max(...counts)} instances on machine A`);
    const player = writeFakePlayer(homeA);
    runCli(node, ['instance', 'create', 'b1'], envA);
    const firstConfig = join(homeA, '.claude', 'ccbell-b1.config.json');
    editJson(firstConfig, (config) => {
      config.player = player;
      config.approvals = { allow: ['Bash(echo *)'], deny: [] };
      config.remote = broker.remote;
    });
    const others = Array.from({ length: Math.max(...counts) - 1 }, (_, i) => `b${i + 2}`);
    await mapLimit(others, 2, async (name) =>
      runCli(node, ['instance', 'create', name, '--config', firstConfig], envA),
    );
    // Machine B: instance b1 with the same broker and user, and no app of its own.
    runCli(node, ['instance', 'create', 'b1'], envB);
    editJson(join(homeB, '.claude', 'ccbell-b1.config.json'), (config) => {
      config.player = writeFakePlayer(homeB);
      config.remote = broker.remote;
    });

    const rows = [];
    const start = async (names) =>
      apps.push(
        ...(await mapLimit(names, 4, async (name) => {
          const { child, match } = await startLongRunning(
            node,
            [CLI_PATH, 'app', '--instance', name, '--remote', '--no-open'],
            { env: envA, ready: /remote: ccbell\.bench\.[^.]+\.([0-9]+_[0-9]+)\.approval/ },
          );
          return { name, child, runtimeId: match[1] };
        })),
      );
    for (const count of counts) {
      const names = [];
      for (let i = apps.length + 1; i <= count; i++) names.push(`b${i}`);
      progress(`remote: starting ${names.length} app(s) with --remote (${count} in all)`);
      await start(names);
      await new Promise((resolve) => setTimeout(resolve, quick ? 1000 : 5000));
      progress(`remote: ${count} app(s): ${warmup} warm-up + ${calls} calls per transport, alternated`);
      const [local, remote] = await driveApprovalServers({
        node,
        entries: [
          { app: apps[0], env: envA },
          { app: apps[0], env: envB },
        ],
        warmup,
        calls,
        label: `remote${count}`,
      });
      for (const [name, run] of [
        ['local bus', local],
        ['NATS (TLS, loopback broker)', remote],
      ]) {
        const s = summarize(run.samples);
        const failed = run.failures.length
          ? ` (${run.failures.length} not allowed: ${run.failures[0].slice(0, 120)})`
          : '';
        rows.push([
          `${count}`,
          name + failed,
          s.n,
          ms(s.median, 2),
          ms(s.p90, 2),
          ms(s.p99, 2),
          ms(s.max, 1),
          ms(run.startMs, 0),
        ]);
      }
    }

    progress(`remote: hook wall time, ${hookRuns} runs each`);
    const id = apps[0].runtimeId;
    const sessionOf = (env) => ({
      ...env,
      CLAUDE_CODE_UI_INSTANCE_ID: id,
      CCBELL_INSTANCE: 'b1',
      CCBELL_APP_HOOKS: id,
    });
    const hookRows = [];
    for (const [name, env] of [
      ['session on machine A (its app on the local bus)', sessionOf(envA)],
      ['session on machine B (event published through the broker)', sessionOf(envB)],
    ]) {
      const s = await hookTimes(node, env, hookRuns);
      hookRows.push([name, s.n, ms(s.median, 1), ms(s.p90, 1), ms(s.max, 1)]);
    }
    return {
      tables: [
        {
          caption: 'Approval round trip, `approval_prompt` to answer, one approval server per transport',
          columns: ['apps', 'transport', 'calls', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server start ms'],
          rows,
        },
        {
          caption: 'A Stop hook of a session of app #1 (`ccbell --app-hook stop`), spawn to exit',
          columns: ['where', 'runs', 'p50 ms', 'p90 ms', 'max ms'],
          rows: hookRows,
        },
      ],
      notes: [
        `One nats-server (${broker.version}) on a free loopback port with TLS (a certificate made for the run with ` +
          'openssl) and one user allowed only `ccbell.bench.>` and `_INBOX.ccbell.bench.>`. Every app runs ' +
          '`ccbell app --instance bN --remote` on "machine A" (its own HOME and bus directory): it serves its local ' +
          'channels and its subjects `ccbell.bench.bN.<id>.{approval,events,control}`. Apps are added between rows.',
        'Two approval servers for app #1, as Claude Code starts them, driven by the MCP SDK client over stdio and ' +
          'taking turns call by call: one on machine A (the app found on the local bus), one on "machine B" (another ' +
          'HOME and an empty bus directory, the same `CLAUDE_CODE_UI_INSTANCE_ID`, instance b1 configured with the ' +
          'same broker): nobody on its local bus, so its request goes through the broker. Calls are allowed by the ' +
          `rule \`Bash(echo *)\` in the app. ${warmup} warm-up calls, then ${calls} timed ones per transport.`,
        "The NATS approval server's first call also loads `dist/lib/remote.cjs` (the NATS client, loaded only when " +
          'the local bus finds nobody and a remote config exists) and opens the TLS connection; both happen in the ' +
          'warm-up. The hook rows include that for every run: a hook is a fresh process.',
      ],
      summary: [
        `NATS round trip p50 ${rows[1][3]} ms vs local ${rows[0][3]} ms with one app; with ${counts.at(-1)} apps ` +
          `${rows.at(-1)[3]} ms vs ${rows.at(-2)[3]} ms.`,
        `A remote session's Stop hook: p50 ${hookRows[1][2]} ms vs ${hookRows[0][2]} ms for a local one.`,
      ],
    };
  } finally {
    for (const app of apps) await stopChild(app.child);
    await stopChild(broker.child);
    removeDir(root);
  }
}
