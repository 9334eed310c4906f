// The terminal channel with the real interactive Claude Code in tmux: hooks have no terminal, so
// ccbell hands Claude Code a `terminalSequence` to write. Checked here for a command hook (the
// no-player fallback's bell, and an OSC 777 notification), for an http hook answered by the app
// (an OSC 99 notification), and inside tmux, where Claude Code wraps each OSC for tmux.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRunningApp } from '../../src/instance/index.js';
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

const ESC = '\u001b';
const BEL = '\u0007';

let api: StandInApi;
let world: World;
let project: string;
let app: Background | undefined;
const sessions: InteractiveSession[] = [];

beforeAll(async () => {
  assertBuilt();
  api = await startStandInApi();
  world = await makeWorld();
  project = join(dirname(world.home), 'project');
  await mkdir(project);
  const fakePlayer = join(world.binDir, 'pw-play');
  // default: no setting, so only the no-player fallback rings; term: OSC 777; web (the app): OSC 99.
  const configs = {
    term: { terminal: 'osc777', player: fakePlayer },
    web: { terminal: 'osc99', player: fakePlayer },
  };
  for (const [name, config] of Object.entries(configs)) {
    const file = join(dirname(world.home), `${name}.json`);
    await writeFile(file, JSON.stringify(config));
    const created = await ccbell(world, ['instance', 'create', name, '--config', file]);
    expect(created.code, created.stderr).toBe(0);
  }
  app = ccbellBackground(world, ['app', '--instance', 'web', '--no-open']);
  await app.waitFor(/page: http/);
});

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

afterAll(async () => {
  if (app && app.child.exitCode === null) app.child.kill('SIGTERM');
  await app?.exited;
  await api?.close();
  await removeWorld(world);
});

/** Claude Code in a pane whose Stop hooks are ccbell's: two command hooks and the app's http hook. */
async function sessionWithStopHooks(env: Record<string, string> = {}): Promise<InteractiveSession> {
  const record = readRunningApp(join(world.home, '.claude', 'ccbell-web.pid'));
  if (!record?.url || !record.hookToken) throw new Error('the app is not running');
  const node = process.execPath;
  const hooks = [
    // No player on this PATH (an SSH session): the fallback, a bell.
    { type: 'command', command: `/usr/bin/env PATH=/nonexistent '${node}' '${cliPath}' stop` },
    { type: 'command', command: `'${node}' '${cliPath}' --instance term stop` },
    {
      type: 'http',
      url: `${new URL('/hooks', record.url)}`,
      headers: { Authorization: `Bearer ${record.hookToken}` },
    },
  ];
  await writeFile(
    join(world.home, '.claude', 'settings.json'),
    JSON.stringify({ hooks: { Stop: [{ hooks }] } }),
  );
  const session = await startInteractive({
    home: world.home,
    cwd: project,
    apiUrl: api.url,
    command: [claudeBin, '--permission-mode', 'default'],
    env: { CCBELL_BUS_DIR: world.busDir, PATH: `${world.binDir}:${dirname(node)}:/usr/bin:/bin`, ...env },
    unsetEnv: ['NODE_EXTRA_CA_CERTS', 'DBUS_SESSION_BUS_ADDRESS'],
  });
  sessions.push(session);
  return session;
}

/** Runs one turn and returns every byte Claude Code wrote to the pane meanwhile, once `done` holds. */
async function turnOutput(claude: InteractiveSession, done: (raw: string) => boolean): Promise<string> {
  await claude.waitFor(/❯/);
  const rawFile = join(dirname(world.home), `pane-${Date.now()}.raw`);
  await claude.tmux('pipe-pane', '-o', '-t', 'cc', `cat >> '${rawFile}'`);
  expect((await claude.tmux('display', '-p', '-t', 'cc', '#{window_bell_flag}')).trim()).toBe('0');
  await claude.type('hello', true);
  await claude.waitFor(/● ok/);
  return eventually(() => {
    let raw = '';
    try {
      raw = readFileSync(rawFile, 'utf8');
    } catch {}
    return done(raw) ? raw : undefined;
  }, 15_000);
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('terminalSequence from ccbell hooks reaches the pane', () => {
  it('command hook: the fallback bell and an OSC 777; http hook (the app): an OSC 99', async () => {
    const claude = await sessionWithStopHooks();
    const osc777 = new RegExp(
      `${ESC}\\]777;notify;ccbell term: project · [0-9a-f]{8};Claude finished and waits for you${BEL}`,
    );
    const osc99 = `${ESC}]99;i=ccbell`;
    const raw = await turnOutput(claude, (text) => osc777.test(text) && text.includes(osc99));
    // The app's title, base64 in kitty's protocol, names its instance and the project.
    const title = /\u001b\]99;i=ccbell[0-9a-f]{8}:d=0:e=1:p=title;([A-Za-z0-9+/=]+)\u001b\\/.exec(raw)?.[1];
    expect(Buffer.from(title!, 'base64').toString('utf8')).toMatch(/^ccbell web: project · [0-9a-f]{8}$/);
    expect(raw).toContain(`:d=1:e=1:p=body;${b64('Claude finished and waits for you')}${ESC}\\`);
    // tmux saw a BEL: the window's bell flag is up (the session is detached, so tmux keeps it).
    expect((await claude.tmux('display', '-p', '-t', 'cc', '#{window_bell_flag}')).trim()).toBe('1');
  });

  it('inside tmux (TMUX set), Claude Code wraps each OSC in tmux`s passthrough; the bell stays bare', async () => {
    const claude = await sessionWithStopHooks({ TMUX: '/tmp/tmux-0/default,1,0' });
    const wrapped = `${ESC}Ptmux;${ESC}${ESC}]777;notify;`;
    const raw = await turnOutput(claude, (text) => text.includes(wrapped));
    expect(raw).not.toMatch(new RegExp(`[^${ESC}]${ESC}\\]777;`));
    expect((await claude.tmux('display', '-p', '-t', 'cc', '#{window_bell_flag}')).trim()).toBe('1');
  });
});
