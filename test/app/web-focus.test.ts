// "Go to session" without a browser: the page server's focus endpoint, with the same checks as
// an answer (cookie token, Host, the page's Origin, JSON), bringing a real tmux pane forward.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { httpHookResponse } from '../../src/app/doors/http-hook.js';
import { sessionFocuser } from '../../src/app/focus.js';
import { cookieName, makeToken } from '../../src/app/web/security.js';
import { startWebServer, type WebServer } from '../../src/app/web/server.js';
import { loadConfig } from '../../src/config/index.js';
import { resolveInstance } from '../../src/instance/index.js';
import { openLogger } from '../../src/log/index.js';
import { findOnPath } from '../../src/notify/index.js';
import { recordPlace } from '../../src/state/index.js';

const run = promisify(execFile);
const hasTmux = findOnPath('tmux', process.env.PATH ?? '', process.platform) !== undefined;

describe.skipIf(!hasTmux)('POST /api/sessions/:id/focus', () => {
  let root: string;
  let app: RunningApp;
  let web: WebServer;
  let socket: string;
  let paneA: string;
  let paneB: string;
  const pageToken = makeToken();
  const session = 'b7e4c1d2-0000-4000-8000-000000000002';
  const tmux = async (...args: string[]) => (await run('tmux', ['-S', socket, ...args])).stdout.trim();

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`http://127.0.0.1:${web.port}${path}`, { method: 'POST', headers, body });
  const good = () => ({
    cookie: `${cookieName(web.port)}=${pageToken}`,
    origin: `http://127.0.0.1:${web.port}`,
    'content-type': 'application/json',
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ccbell-web-focus-'));
    const home = join(root, 'home');
    const assetsDir = join(root, 'assets');
    await mkdir(join(home, '.claude'), { recursive: true });
    await mkdir(join(root, 'bus'), { mode: 0o700 });
    await mkdir(assetsDir);
    for (const file of ['index.html', 'app.js', 'app.css']) await writeFile(join(assetsDir, file), '');
    socket = join(root, 'tmux.sock');
    await tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'w');
    paneA = await tmux('display', '-p', '-t', 'w', '#{pane_id}');
    paneB = await tmux('split-window', '-d', '-P', '-F', '#{pane_id}', '-t', 'w');
    const env: NodeJS.ProcessEnv = { HOME: home, PATH: process.env.PATH, CCBELL_BUS_DIR: join(root, 'bus') };
    const instance = resolveInstance('default', env);
    app = await startApp({
      instance,
      loaded: loadConfig(instance.config_path),
      logger: openLogger(instance.log_path, false),
      env,
      busDir: join(root, 'bus'),
      bundledSoundsDir: join(root, 'sounds'),
    });
    web = await startWebServer({
      core: app.core,
      runtimeId: app.identity.id,
      onHook: (input, signal) => httpHookResponse(app.core, input, signal),
      onFocus: sessionFocuser(instance, env),
      instance: instance.name,
      pageToken,
      hookToken: makeToken(),
      assetsDir,
      soundsDir: join(root, 'sounds'),
    });
    // What the session's hook recorded.
    recordPlace(instance.cache_dir, session, { tmuxSocket: socket, tmuxPane: paneB });
  });

  afterAll(async () => {
    await web?.close();
    await app?.stop();
    await tmux('kill-server').catch(() => {});
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('refuses without the cookie, from a foreign or missing Origin, or without JSON', async () => {
    const path = `/api/sessions/${session}/focus`;
    const { cookie, origin } = good();
    expect((await post(path, { ...good(), cookie: 'x=y' })).status).toBe(401);
    expect((await post(path, { ...good(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(path, { cookie, 'content-type': 'application/json' })).status).toBe(403);
    expect((await post(path, { cookie, origin, 'content-type': 'text/plain' })).status).toBe(415);
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneA);
  });

  it('says 404 for a session whose terminal is unknown', async () => {
    const reply = await post('/api/sessions/unknown-session/focus', good());
    expect(reply.status).toBe(404);
  });

  it("brings the session's tmux pane forward", async () => {
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneA);
    const reply = await post(`/api/sessions/${session}/focus`, good());
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { ok: boolean; steps: string[] };
    expect(body.ok).toBe(true);
    expect(body.steps).toContain(`ok: tmux -S ${socket} select-pane -t ${paneB}`);
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneB);
  });
});
