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
import { recordHookPlace, sessionFocuser, sessionPlaces } from '../../src/app/focus.js';
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
  const hookToken = makeToken();
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
      // As `ccbell app` wires it: the place the hook's headers name is recorded for its session.
      onHook: (input, signal, place) => {
        recordHookPlace(instance, input, place);
        return httpHookResponse(app.core, input, signal);
      },
      onFocus: sessionFocuser(instance, env),
      instance: instance.name,
      pageToken,
      hookToken,
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

describe.skipIf(!hasTmux)('a session whose events come by http hook', () => {
  let root: string;
  let app: RunningApp;
  let web: WebServer;
  let socket: string;
  let paneA: string;
  let paneB: string;
  const pageToken = makeToken();
  const hookToken = makeToken();
  const tmux = async (...args: string[]) => (await run('tmux', ['-S', socket, ...args])).stdout.trim();
  const page = () => ({
    cookie: `${cookieName(web.port)}=${pageToken}`,
    origin: `http://127.0.0.1:${web.port}`,
    'content-type': 'application/json',
  });
  /** A Stop as Claude Code POSTs it, with the place headers as it fills them in. */
  const hook = (session: string, headers: Record<string, string>, token = hookToken) =>
    fetch(`http://127.0.0.1:${web.port}/hooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ session_id: session, hook_event_name: 'Stop', cwd: root }),
    });
  const focus = (session: string) =>
    fetch(`http://127.0.0.1:${web.port}/api/sessions/${session}/focus`, {
      method: 'POST',
      headers: page(),
      body: '{}',
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ccbell-web-focus-http-'));
    const home = join(root, 'home');
    const assetsDir = join(root, 'assets');
    await mkdir(join(home, '.claude'), { recursive: true });
    await mkdir(join(root, 'bus'), { mode: 0o700 });
    await mkdir(assetsDir);
    for (const file of ['index.html', 'app.js', 'app.css']) await writeFile(join(assetsDir, file), '');
    // Quiet: the Stops posted here must not play anything.
    await writeFile(join(home, '.claude', 'ccbell.config.json'), JSON.stringify({ enabled: false }));
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
      onHook: (input, signal, place) => {
        recordHookPlace(instance, input, place);
        return httpHookResponse(app.core, input, signal);
      },
      onFocus: sessionFocuser(instance, env),
      instance: instance.name,
      pageToken,
      hookToken,
      assetsDir,
      soundsDir: join(root, 'sounds'),
    });
  });

  afterAll(async () => {
    await web?.close();
    await app?.stop();
    await tmux('kill-server').catch(() => {});
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("records the place the hook's headers name, and Go to session brings that pane forward", async () => {
    const session = 'http-session-b';
    expect((await focus(session)).status).toBe(404);
    const reply = await hook(session, {
      'X-Ccbell-Tmux': `${socket},4242,0`,
      'X-Ccbell-Tmux-Pane': paneB,
      // Unset in the session: Claude Code sends them empty.
      'X-Ccbell-Kitty-Window': '',
      'X-Ccbell-Window-Id': '',
    });
    expect(reply.status).toBe(200);
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneA);
    const focused = await focus(session);
    expect(focused.status).toBe(200);
    expect(((await focused.json()) as { steps: string[] }).steps).toContain(
      `ok: tmux -S ${socket} select-pane -t ${paneB}`,
    );
    expect(await tmux('display', '-p', '#{pane_id}')).toBe(paneB);
  });

  it('records nothing from hostile headers, nor from a request without the token', async () => {
    expect(
      (
        await hook('http-session-hostile', {
          'X-Ccbell-Tmux': 'relative,1,0',
          'X-Ccbell-Tmux-Pane': '-t%1',
          'X-Ccbell-Window-Id': '--sync',
        })
      ).status,
    ).toBe(200);
    expect((await focus('http-session-hostile')).status).toBe(404);
    const refused = await hook('http-session-tokenless', { 'X-Ccbell-Tmux-Pane': paneA }, 'wrong');
    expect(refused.status).toBe(401);
    expect((await focus('http-session-tokenless')).status).toBe(404);
  });
});

describe('sessionPlaces', () => {
  it("gives a recorded session's place and its click (ccbell focus for that session); nothing unknown", async () => {
    const root = await mkdtemp(join(tmpdir(), 'ccbell-places-'));
    try {
      const instance = { name: 'work', cache_dir: root };
      recordHookPlace(instance, { session_id: 's-1' }, { tmuxSocket: '/tmp/t.sock', tmuxPane: '%3' });
      // A place with nothing to focus, or an input naming no session, is not recorded.
      recordHookPlace(instance, { session_id: 's-2' }, { termProgram: 'xterm' });
      recordHookPlace(instance, {}, { tmuxPane: '%4' });
      const placeOf = sessionPlaces(instance, { nodePath: '/usr/bin/node', cliPath: '/opt/ccbell.js' });
      expect(placeOf('s-1')).toEqual({
        place: { tmuxSocket: '/tmp/t.sock', tmuxPane: '%3' },
        click: {
          command: '/usr/bin/node',
          args: ['/opt/ccbell.js', 'focus', '--instance', 'work', '--session', 's-1'],
          macBundle: undefined,
        },
      });
      expect(placeOf('s-2')).toBeUndefined();
      expect(placeOf('../s-1')).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
