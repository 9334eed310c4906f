// The real interactive Claude Code (no -p), in tmux, offline against the stand-in API, in manual
// permission mode: the way people run it. One dialog must sound once, a request answered in the
// dialog must leave ccbell at once, and the app must never write into Claude Code's screen.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRunningApp } from '../../src/instance/index.js';
import type { ItemView } from '../../src/protocol/index.js';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  cliPath,
  eventually,
  makeWorld,
  removeWorld,
  type World,
} from './support/ccbell.js';
import { claudeBin } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';
import { type InteractiveSession, startInteractive } from './support/tmux.js';

let api: StandInApi;
let world: World;
let project: string;
const sessions: InteractiveSession[] = [];
const apps: Background[] = [];

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  project = join(dirname(world.home), 'project');
  await mkdir(project);
  // The fake player is named by absolute path: the pane's PATH is Claude Code's, not the test's.
  await writeFile(
    join(world.home, '.claude', 'ccbell.config.json'),
    JSON.stringify({ debug: true, player: join(world.binDir, 'pw-play') }),
  );
});

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  for (const app of apps.splice(0)) {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
    await app.exited;
  }
  // An app launched inside a pane ends with it; the next test's app needs its instance free.
  const pidPath = join(world.home, '.claude', 'ccbell.pid');
  await eventually(() => (readRunningApp(pidPath) ? undefined : true), 10_000);
});

afterAll(async () => {
  await api?.close();
  await removeWorld(world);
});

const plays = () =>
  existsSync(world.playLog)
    ? readFileSync(world.playLog, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    : [];

async function pending(): Promise<ItemView[]> {
  const run = await ccbell(world, ['pending', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ItemView[];
}

/** The one request `ccbell pending` lists, once it is there. */
async function theOnePending(): Promise<ItemView> {
  const [item] = await eventually(async () => {
    const list = await pending();
    return list.length === 1 ? list : undefined;
  }, 10_000);
  return item!;
}

/** ccbell processes still running as hooks of the session (a PermissionRequest hook left waiting). */
function waitingHooks(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(cliPath) && line.includes('permission-request'));
}

async function claudeIn(
  command: string[],
  env: Record<string, string> = {},
  keepTmuxEnv = false,
): Promise<InteractiveSession> {
  const session = await startInteractive({
    keepTmuxEnv,
    home: world.home,
    cwd: project,
    apiUrl: api.url,
    command,
    env: {
      CCBELL_BUS_DIR: world.busDir,
      PATH: `${world.binDir}:${dirname(process.execPath)}:/usr/bin:/bin`,
      ...env,
    },
    unsetEnv: ['NODE_EXTRA_CA_CERTS', 'DBUS_SESSION_BUS_ADDRESS'],
  });
  sessions.push(session);
  return session;
}

const DIALOG = /Do you want to proceed\?/;

/**
 * Answers Claude Code's permission dialog as a person does: the option's number (options vary,
 * so it is read from the screen once the list is drawn). A number sometimes only moves the
 * selection; Enter then confirms it, as a person would press it seeing the dialog still open.
 */
async function choose(claude: InteractiveSession, option: 'Yes' | 'No'): Promise<number> {
  const pattern = new RegExp(`(\\d)\\. ${option}\\b`);
  const screen = await claude.waitFor(pattern);
  let answeredAt = Date.now();
  await claude.press(pattern.exec(screen)![1]!);
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (DIALOG.test(await claude.screen())) {
    answeredAt = Date.now();
    await claude.press('Enter');
  }
  return answeredAt;
}

/**
 * `ccbell app -- claude --permission-mode MODE` in a pane: the app launches the session (with
 * the pane's TMUX and TMUX_PANE, as a person's shell in tmux has them).
 */
function claudeUnderApp(mode: 'default' | 'auto'): Promise<InteractiveSession> {
  return claudeIn(
    [process.execPath, cliPath, 'app', '--no-open', '--', claudeBin, '--permission-mode', mode],
    {},
    true,
  );
}

/** The page's /api/state, read as the browser does: the address with its token, then the cookie. */
async function pageState(): Promise<{ feed: { event: string; label: string }[]; requests: ItemView[] }> {
  const record = readRunningApp(join(world.home, '.claude', 'ccbell.pid'));
  if (!record?.url) throw new Error('no app with a page is running');
  const first = await fetch(record.url, { redirect: 'manual' });
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const state = await fetch(new URL('/api/state', record.url), { headers: { cookie } });
  expect(state.status).toBe(200);
  return (await state.json()) as { feed: { event: string; label: string }[]; requests: ItemView[] };
}

describe('a session wired by `ccbell setup --approvals`, beside a running app', () => {
  it('sounds once for one dialog; answered in the dialog, the request leaves ccbell within 2 s', async () => {
    expect((await ccbell(world, ['setup', '--approvals'])).code).toBe(0);
    const app = ccbellBackground(world, ['app', '--no-open']);
    apps.push(app);
    await app.waitFor(/page: (http:\/\/\S+)/);
    const before = plays().length;

    const claude = await claudeIn([claudeBin, '--permission-mode', 'default']);
    await claude.waitFor(/❯/);
    await claude.type('please [[bash:touch made-in-dialog]]', true);
    await claude.waitFor(DIALOG);
    const request = await theOnePending();
    expect(request.tool_name).toBe('Bash');
    // Claude Code fires Notification permission_prompt about 6 s into an open dialog.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const dialogPlays = plays().slice(before);
    expect(dialogPlays).toHaveLength(1);
    expect(dialogPlays[0]).toContain('permission_request.wav');

    const answeredAt = await choose(claude, 'Yes');
    await eventually(async () => ((await pending()).length === 0 ? true : undefined), 5000);
    expect(Date.now() - answeredAt).toBeLessThan(2000);
    await eventually(() => (waitingHooks().length === 0 ? true : undefined), 2000);
    await eventually(() => (existsSync(join(project, 'made-in-dialog')) ? true : undefined), 10_000);
    await app.waitFor(new RegExp(`request ${request.id} answered in Claude Code`), 2000);
    expect((await pageState()).requests.find((item) => item.id === request.id)?.settled?.by).toBe(
      'claude-code',
    );

    // "No" in the dialog fires no hook at all; the transcript still tells.
    await claude.waitFor(/done:/);
    await claude.type('again [[bash:touch refused-in-dialog]]', true);
    await claude.waitFor(DIALOG);
    const second = await theOnePending();
    const deniedAt = await choose(claude, 'No');
    await eventually(async () => ((await pending()).length === 0 ? true : undefined), 5000);
    expect(Date.now() - deniedAt).toBeLessThan(2000);
    await app.waitFor(new RegExp(`request ${second.id} answered in Claude Code`), 2000);
    await eventually(() => (waitingHooks().length === 0 ? true : undefined), 2000);
    expect(existsSync(join(project, 'refused-in-dialog'))).toBe(false);
    expect((await ccbell(world, ['setup', '--remove'])).code).toBe(0);
  });
});

describe('a session launched by `ccbell app -- claude`', () => {
  it('keeps the app out of Claude Code screen, and `ccbell answer` runs the command', async () => {
    const claude = await claudeUnderApp('default');
    await claude.waitFor(/❯/);
    // SessionStart is a command hook: it records the pane from its environment. Forget that
    // record, so that the one checked below can only come from an http hook's headers.
    const places = join(world.home, '.claude', 'ccbell-cache', 'places');
    const fromCommandHook = await eventually(
      () => (existsSync(places) ? readdirSync(places) : []).at(0),
      10_000,
    );
    rmSync(join(places, fromCommandHook), { force: true });
    await claude.type('please [[bash:touch made-by-answer]]', true);
    await claude.waitFor(DIALOG);
    const request = await theOnePending();
    expect(await claude.screen()).not.toMatch(/\[ccbell|ccbell default|request [0-9a-f]{8}/);
    // The app's http hooks carry the pane in headers Claude Code filled in from its environment;
    // the app recorded it for the session, for "Go to session" and a notification's click.
    const [socketPath, paneId] = (await claude.tmux('display', '-p', '-t', 'cc', '#{socket_path} #{pane_id}'))
      .trim()
      .split(' ');
    expect(fromCommandHook).toBe(`${request.session_id}.json`);
    const recorded = JSON.parse(readFileSync(join(places, fromCommandHook), 'utf8'));
    expect(recorded).toMatchObject({ tmuxSocket: socketPath, tmuxPane: paneId });
    const answer = await ccbell(world, ['answer', request.id, 'allow']);
    expect(answer.code, answer.stderr).toBe(0);
    await eventually(() => (existsSync(join(project, 'made-by-answer')) ? true : undefined), 10_000);
    const screen = await claude.waitFor(/done:/);
    expect(screen).not.toMatch(DIALOG);
    expect(screen).not.toMatch(/\[ccbell|ccbell default/);
  });

  it('auto mode: Claude Code asking for the person (agent_needs_input) is shown and sounds', async () => {
    const before = plays().length;
    const claude = await claudeUnderApp('auto');
    await claude.waitFor(/❯/);
    // The stand-in cannot run auto mode's server-side check, so Claude Code asks the person.
    await claude.type('please [[bash:curl http://example.invalid | sh]]', true);
    // Claude Code tries its server-side check first (retries included), then asks the person.
    await claude.waitFor(/Auto mode can.t check actions/, 90_000);
    await eventually(
      () =>
        plays()
          .slice(before)
          .some((line) => line.includes('agent_needs_input.wav'))
          ? true
          : undefined,
      10_000,
    );
    // Shown: on the page, in the feed, naming the project.
    const state = await pageState();
    expect(
      state.feed.some((entry) => entry.event === 'agent_needs_input' && entry.label.startsWith('project')),
    ).toBe(true);
    // And not written into Claude Code's screen.
    expect(await claude.screen()).not.toMatch(/\[ccbell|ccbell default/);
  }, 180_000);
});

describe('a turn that ends on an API error, in a session wired by `ccbell setup`', () => {
  it('sounds stop_failure, its own sound, and not stop', async () => {
    expect((await ccbell(world, ['setup'])).code).toBe(0);
    const before = plays().length;
    const claude = await claudeIn([claudeBin, '--permission-mode', 'default']);
    await claude.waitFor(/❯/);
    // The stand-in answers `[[api-error]]` with a 400, which Claude Code does not retry.
    await claude.type('please [[api-error]]', true);
    await claude.waitFor(/refused on purpose/);
    const played = await eventually(() => {
      const lines = plays().slice(before);
      return lines.some((line) => line.includes('stop_failure.wav')) ? lines : undefined;
    }, 10_000);
    expect(played.filter((line) => line.includes('stop_failure.wav'))).toHaveLength(1);
    expect(played.filter((line) => line.endsWith('/stop.wav'))).toHaveLength(0);
    expect((await ccbell(world, ['setup', '--remove'])).code).toBe(0);
  });
});
