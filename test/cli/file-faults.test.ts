// Files that are not what they seem, met by the built CLI: a FIFO or a socket where ccbell keeps
// its config, state, log, registry or PID file; a symlinked log; instance names that are
// properties of Object.prototype; a registry with fields ccbell does not know; a token file that
// is not the owner's. Every run must end within 2 s, never exit 2, and change no file it found.
import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, mkfifo, snapshot, socketFile } from '../support/files.js';
import { assertBuilt, makeSandbox, type Run, type Sandbox } from './support.js';

beforeAll(assertBuilt);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function sandbox(): Sandbox {
  const made = makeSandbox();
  mkdirSync(made.claudeDir, { recursive: true });
  cleanups.push(() => made.cleanup());
  return made;
}

async function listening(path: string): Promise<Server> {
  const server = await socketFile(path);
  cleanups.unshift(() => server.close());
  return server;
}

/** Bounds every run: quick, and never the exit code Claude Code reads as "block". */
function expectCalm(run: Run, code: number) {
  expect(run.ms).toBeLessThan(2000);
  expect(run.code).not.toBe(2);
  expect(run.code).toBe(code);
}

const stopInput = JSON.stringify({ hook_event_name: 'Stop', session_id: 's1', cwd: '/tmp/p' });
const config = (box: Sandbox, value: unknown) =>
  writeFileSync(join(box.claudeDir, 'ccbell.config.json'), JSON.stringify(value));

describe('a FIFO where ccbell keeps a file', () => {
  it('as the config: one stderr line naming it, defaults used, the sound played', async () => {
    const box = sandbox();
    const path = mkfifo(join(box.claudeDir, 'ccbell.config.json'));
    const before = snapshot(box.root);
    const run = await box.run(['stop'], { input: stopInput });
    expectCalm(run, 0);
    expect(run.stderr).toBe(`ccbell: config ${path} is a FIFO, not a regular file; using defaults for it\n`);
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });

  it('as the state: the hook still notifies, each time, records nothing and says so in the log', async () => {
    const box = sandbox();
    config(box, { events: { stop: { cooldown: 60 } } });
    mkfifo(join(box.claudeDir, 'ccbell.state'));
    const before = snapshot(box.root);
    for (let i = 0; i < 2; i++) {
      const run = await box.run(['stop'], { input: stopInput });
      expectCalm(run, 0);
      expect(run.stderr).toBe('');
    }
    expect(await box.waitForPlays(2)).toHaveLength(2);
    expect(changedSince(before, box.root)).toEqual([]);
    expect(readFileSync(join(box.claudeDir, 'ccbell.log'), 'utf8')).toContain(
      `notified without cooldown: ${join(box.claudeDir, 'ccbell.state')} is a FIFO, not a regular file`,
    );
  });

  it('as the log: skipped quietly, the sound played', async () => {
    const box = sandbox();
    config(box, { debug: true });
    mkfifo(join(box.claudeDir, 'ccbell.log'));
    const before = snapshot(box.root);
    const run = await box.run(['stop'], { input: stopInput });
    expectCalm(run, 0);
    expect(run.stderr).toBe('');
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });

  it('as the registry: a named instance fails with one line, default still works', async () => {
    const box = sandbox();
    const path = mkfifo(join(box.claudeDir, 'ccbell-instances.json'));
    const before = snapshot(box.root);
    for (const args of [
      ['--instance', 'work', 'stop'],
      ['instance', 'list'],
      ['instance', 'create', 'x'],
    ]) {
      const run = await box.run(args, { input: stopInput });
      expectCalm(run, 1);
      expect(run.stderr).toBe(`ccbell: ${path}: is a FIFO, not a regular file\n`);
    }
    expectCalm(await box.run(['stop'], { input: stopInput }), 0);
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });

  it('as the PID file: no app is found, the permission hook notifies instead', async () => {
    const box = sandbox();
    mkfifo(join(box.claudeDir, 'ccbell.pid'));
    const before = snapshot(box.root);
    const input = JSON.stringify({
      hook_event_name: 'PermissionRequest',
      session_id: 's1',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
    });
    const hook = await box.run(['permission-request'], { input });
    expectCalm(hook, 0);
    expect(hook.stdout).toBe('');
    const show = await box.run(['instance', 'show', 'default']);
    expectCalm(show, 0);
    expect(show.stdout).toContain('default: not running');
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });

  it('is named by doctor, file by file, with what it costs', async () => {
    const box = sandbox();
    for (const name of ['ccbell.state', 'ccbell.log', 'ccbell.pid', 'ccbell-instances.json']) {
      mkfifo(join(box.claudeDir, name));
    }
    const before = snapshot(box.root);
    const run = await box.run(['doctor']);
    expectCalm(run, 1);
    const fifo = (name: string) => `${join(box.claudeDir, name)} is a FIFO, not a regular file`;
    expect(run.stdout).toContain(`FAIL state ${fifo('ccbell.state')}: cooldowns are not recorded`);
    expect(run.stdout).toContain(`FAIL log ${fifo('ccbell.log')}: nothing is logged`);
    expect(run.stdout).toContain(`FAIL PID file ${fifo('ccbell.pid')}: the app cannot start`);
    expect(run.stdout).toContain(`FAIL registry ${fifo('ccbell-instances.json')}`);
    expect(changedSince(before, box.root)).toEqual([]);
  });
});

describe('a socket where ccbell keeps a file', () => {
  it('as the config and the state: reported or passed by, the sound played', async () => {
    const box = sandbox();
    const configPath = join(box.claudeDir, 'ccbell.config.json');
    await listening(configPath);
    await listening(join(box.claudeDir, 'ccbell.state'));
    const before = snapshot(box.root);
    const run = await box.run(['stop'], { input: stopInput });
    expectCalm(run, 0);
    expect(run.stderr).toBe(
      `ccbell: config ${configPath} is a socket, not a regular file; using defaults for it\n`,
    );
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });

  it('as the state with a cooldown: the hook notifies without recording', async () => {
    const box = sandbox();
    config(box, { events: { stop: { cooldown: 60 } } });
    await listening(join(box.claudeDir, 'ccbell.state'));
    const before = snapshot(box.root);
    expectCalm(await box.run(['stop'], { input: stopInput }), 0);
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(changedSince(before, box.root)).toEqual([]);
  });
});

describe('a symlinked log', () => {
  it('is never written through, nor rotated; its target stays as it was', async () => {
    const box = sandbox();
    config(box, { debug: true });
    const target = box.write('precious/notes.txt', 'a person’s notes\n');
    const log = join(box.claudeDir, 'ccbell.log');
    symlinkSync(target, log);
    const before = snapshot(box.root);
    const run = await box.run(['stop'], { input: stopInput });
    expectCalm(run, 0);
    expect(run.stderr).toBe('');
    expect(await box.waitForPlays(1)).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toBe('a person’s notes\n');
    expect(lstatSync(log).isSymbolicLink()).toBe(true);
    expect(changedSince(before, box.root)).toEqual([]);
    const doctor = await box.run(['doctor']);
    expectCalm(doctor, 1);
    expect(doctor.stdout).toContain(
      `FAIL log ${log} is a symbolic link, not a regular file: nothing is logged`,
    );
  });
});

describe('instance names that are properties of Object.prototype', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    '"%s" is unknown until created, then works like any other name until removed',
    async (name) => {
      const box = sandbox();
      const unknown = `ccbell: unknown instance "${name}": create it with "ccbell instance create ${name}"\n`;
      const before = await box.run(['--instance', name, 'stop'], { input: stopInput });
      expectCalm(before, 1);
      expect(before.stderr).toBe(unknown);
      expectCalm(await box.run(['instance', 'show', name]), 1);
      const notRemoved = await box.run(['instance', 'remove', name]);
      expectCalm(notRemoved, 1);
      expect(notRemoved.stderr).toBe(`ccbell: unknown instance "${name}"\n`);

      const created = await box.run(['instance', 'create', name]);
      expectCalm(created, 0);
      expect(created.stdout).toBe(
        `created instance "${name}" with config ${join(box.claudeDir, `ccbell-${name}.config.json`)}\n`,
      );
      const show = await box.run(['instance', 'show', name, '--json']);
      expectCalm(show, 0);
      expect(JSON.parse(show.stdout)).toMatchObject({ name, running: false, configExists: true });
      const list = await box.run(['instance', 'list', '--json']);
      expect(JSON.parse(list.stdout).map((i: { name: string }) => i.name)).toEqual(['default', name]);
      const stop = await box.run(['--instance', name, 'stop'], { input: stopInput });
      expectCalm(stop, 0);
      expect(stop.stderr).toBe('');
      expect(await box.waitForPlays(1)).toHaveLength(1);

      const removed = await box.run(['instance', 'remove', name]);
      expectCalm(removed, 0);
      expect(removed.stdout).toMatch(new RegExp(`^removed instance "${name}" from the registry`));
      expect(JSON.parse(readFileSync(join(box.claudeDir, 'ccbell-instances.json'), 'utf8'))).toEqual({});
      const after = await box.run(['--instance', name, 'stop'], { input: stopInput });
      expectCalm(after, 1);
      expect(after.stderr).toBe(unknown);
    },
  );

  it('a command or hook event named like one is unknown, not a crash', async () => {
    const box = sandbox();
    const command = await box.run(['constructor']);
    expectCalm(command, 1);
    expect(command.stderr).toMatch(/^ccbell: unknown event or command "constructor"/);
    const event = await box.run([], { input: JSON.stringify({ hook_event_name: 'toString' }) });
    expectCalm(event, 0);
    expect(event.stderr).toBe('');
    expect(box.plays()).toEqual([]);
  });
});

describe('rewriting the registry', () => {
  it('keeps unknown fields and entries, and ~/ paths as written', async () => {
    const box = sandbox();
    const path = join(box.claudeDir, 'ccbell-instances.json');
    const text = `${JSON.stringify(
      {
        work: {
          name: 'work',
          config_path: '~/.claude/ccbell-work.config.json',
          log_path: '~/logs/work.log',
          color: 'blue',
          notes: { owner: 'me', since: 2024 },
        },
        later: { state_path: '~/later.state', future: [1, 2] },
      },
      null,
      2,
    )}\n`;
    writeFileSync(path, text);
    const created = await box.run(['instance', 'create', 'other']);
    expectCalm(created, 0);
    const during = JSON.parse(readFileSync(path, 'utf8'));
    expect(during.work.color).toBe('blue');
    expect(during.work.log_path).toBe('~/logs/work.log');
    expect(during.later).toEqual({ state_path: '~/later.state', future: [1, 2] });
    expect(Object.keys(during)).toEqual(['work', 'later', 'other']);
    const show = await box.run(['instance', 'show', 'work', '--json']);
    expect(JSON.parse(show.stdout).log_path).toBe(join(box.home, 'logs/work.log'));
    expectCalm(await box.run(['instance', 'remove', 'other']), 0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('a hook token file that cannot be trusted', () => {
  const setup = (box: Sandbox) => box.run(['setup', '--http', '--port', '45678']);
  const tokenIn = (run: Run) => /CCBELL_HOOK_TOKEN_DEFAULT=(\S+)/.exec(run.stdout)?.[1];
  const OLD = 'b'.repeat(43);

  it('is replaced when others may read it (mode 0644)', async () => {
    const box = sandbox();
    const file = join(box.claudeDir, 'ccbell-cache', 'hook-token');
    mkdirSync(join(box.claudeDir, 'ccbell-cache'), { mode: 0o700 });
    writeFileSync(file, `${OLD}\n`);
    chmodSync(file, 0o644);
    const run = await setup(box);
    expectCalm(run, 0);
    const token = tokenIn(run);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(token).not.toBe(OLD);
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
  });

  it('is replaced when it is a symlink to another file, which stays untouched', async () => {
    const box = sandbox();
    const other = box.write('attacker/token', `${OLD}\n`);
    chmodSync(other, 0o600);
    mkdirSync(join(box.claudeDir, 'ccbell-cache'), { mode: 0o700 });
    const file = join(box.claudeDir, 'ccbell-cache', 'hook-token');
    symlinkSync(other, file);
    const before = snapshot(join(box.root, 'attacker'));
    const run = await setup(box);
    expectCalm(run, 0);
    const token = tokenIn(run);
    expect(token).not.toBe(OLD);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(changedSince(before, join(box.root, 'attacker'))).toEqual([]);
    expect(readFileSync(other, 'utf8')).toBe(`${OLD}\n`);
  });

  it('is used again when it is the owner’s and 0600', async () => {
    const box = sandbox();
    const first = tokenIn(await setup(box));
    const again = await box.run(['setup', '--http', '--port', '45678', '--remove']);
    expectCalm(again, 0);
    expect(tokenIn(await setup(box))).toBe(first);
  });
});
