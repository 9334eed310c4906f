// What keeps the built hook path short, seen from outside (the built CLI, a temporary HOME, fake
// players): stdin is read only when the event's handling uses it, no command bundle is loaded,
// the V8 code cache is written after a hook and reused, and errors from a lazily loaded
// command's bundle are still reported as one line.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, makeSandbox, repoRoot, type Sandbox, sleep } from './support.js';

beforeAll(assertBuilt);

const stopLine = (sandbox: Sandbox) =>
  `${sandbox.bin}/pw-play --volume=0.5 ${join(repoRoot, 'sounds', 'stop.wav')}`;
const stopInput = (session: string) =>
  JSON.stringify({ hook_event_name: 'Stop', session_id: session, cwd: '/work/projects/shop' });

const sandboxes: Sandbox[] = [];
afterAll(() => {
  for (const sandbox of sandboxes) sandbox.cleanup();
});
function sandboxWith(config: unknown): Sandbox {
  const sandbox = makeSandbox();
  sandboxes.push(sandbox);
  sandbox.write('home/.claude/ccbell.config.json', JSON.stringify(config));
  return sandbox;
}

/** Every play so far, once `expected` have shown up and late ones had time to. */
async function playsOf(sandbox: Sandbox, expected: number) {
  await sandbox.waitForPlays(expected, expected ? 5000 : 0);
  await sleep(300);
  return sandbox.plays();
}

describe('stdin', () => {
  it('is not waited for when a plain sound needs nothing of the input', async () => {
    const sandbox = sandboxWith({});
    // stdin stays open: reading it would wait for the 1 s timeout.
    const run = await sandbox.run(['stop'], { keepStdinOpen: true });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.ms).toBeLessThan(900);
    expect(await playsOf(sandbox, 1)).toEqual([stopLine(sandbox)]);
  });

  it('is read when the event is given but its cooldown is kept per session', async () => {
    const sandbox = sandboxWith({ cooldownScope: 'session', events: { stop: { cooldown: 60 } } });
    for (const session of ['a', 'a', 'b']) {
      expect(await sandbox.run(['stop'], { input: stopInput(session) })).toMatchObject({
        code: 0,
        stderr: '',
      });
    }
    expect(await playsOf(sandbox, 2)).toEqual([stopLine(sandbox), stopLine(sandbox)]);
  });

  it('is read for the debug log, which names the session and the project', async () => {
    const sandbox = sandboxWith({ debug: true });
    expect(await sandbox.run(['stop'], { input: stopInput('sess-42') })).toMatchObject({ code: 0 });
    expect(readFileSync(join(sandbox.claudeDir, 'ccbell.log'), 'utf8')).toMatch(
      /event=stop session=sess-42 cwd=\/work\/projects\/shop/,
    );
  });
});

describe('the hook path', () => {
  it('requires no file but the entry (the CLI bundle runs through the code cache)', async () => {
    const sandbox = sandboxWith({});
    const report = join(sandbox.root, 'required.json');
    const preload = sandbox.write(
      'preload.cjs',
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    for (let round = 0; round < 2; round++) {
      const run = await sandbox.run(['stop'], { env: { NODE_OPTIONS: `--require ${preload}` } });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual([preload, cliPath]);
    }
  });

  it("reports a lazily loaded command's typed error as one line, exit 1", async () => {
    const sandbox = sandboxWith({});
    const run = await sandbox.run(['instance', 'create', 'BAD NAME']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ccbell: invalid instance name "BAD NAME": [^\n]*\n$/);
  });
});

describe('the code cache', () => {
  const cacheFiles = (dir: string) => {
    try {
      return readdirSync(dir).filter((name) => name.endsWith('.v8'));
    } catch {
      return [];
    }
  };

  it('is written by the first hook and left as it is by the next', async () => {
    const sandbox = sandboxWith({});
    const dir = join(sandbox.home, '.cache', 'ccbell');
    expect(await sandbox.run(['instance', 'list'])).toMatchObject({ code: 0 });
    expect(cacheFiles(dir)).toEqual([]);

    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    const [name] = cacheFiles(dir);
    expect(name).toMatch(/^cli\.cjs-.*\.v8$/);
    const file = join(dir, name as string);
    const written = readFileSync(file);
    const source = readFileSync(join(repoRoot, 'dist', 'lib', 'cli.cjs'));
    expect(written.subarray(4, 4 + source.length).equals(source)).toBe(true);
    const { mtimeMs } = statSync(file);

    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file).equals(written)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
    expect(cacheFiles(dir)).toEqual([name]);
    expect(await playsOf(sandbox, 2)).toHaveLength(2);
  });

  it('is written again, once, by a hook down a code path it lacks', async () => {
    const sandbox = sandboxWith({});
    const dir = join(sandbox.home, '.cache', 'ccbell');
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    const file = join(dir, cacheFiles(dir)[0] as string);
    const first = readFileSync(file);
    const named = (cache: Buffer) => {
      const at = 4 + cache.readUInt32LE(0);
      return cache.toString('utf8', at + 4, at + 4 + cache.readUInt32LE(at)).split('\n');
    };
    expect(named(first)).toEqual(expect.arrayContaining(['event:stop', 'sound']));

    expect(await sandbox.run(['permission_prompt'])).toMatchObject({ code: 0, stderr: '' });
    const second = readFileSync(file);
    expect(named(second)).toEqual(expect.arrayContaining(['event:stop', 'event:permission_prompt', 'sound']));
    const { mtimeMs } = statSync(file);
    for (const event of ['stop', 'permission_prompt']) {
      expect(await sandbox.run([event])).toMatchObject({ code: 0, stderr: '' });
    }
    expect(readFileSync(file).equals(second)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(await playsOf(sandbox, 4)).toHaveLength(4);
  });

  it('is not written by a hook that stays out (a user-level hook under an app)', async () => {
    const sandbox = sandboxWith({});
    const run = await sandbox.run(['stop'], { env: { CCBELL_APP_HOOKS: '12345_1763770000123' } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(cacheFiles(join(sandbox.home, '.cache', 'ccbell'))).toEqual([]);
    expect(await playsOf(sandbox, 0)).toEqual([]);
  });

  it('is replaced when V8 refuses it, and the hook still plays', async () => {
    const sandbox = sandboxWith({});
    const dir = join(sandbox.home, '.cache', 'ccbell');
    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    const file = join(dir, cacheFiles(dir)[0] as string);
    const source = readFileSync(join(repoRoot, 'dist', 'lib', 'cli.cjs'));
    const broken = Buffer.concat([readFileSync(file).subarray(0, 8 + source.length), Buffer.alloc(500, 7)]);
    writeFileSync(file, broken);

    expect(await sandbox.run(['stop'])).toMatchObject({ code: 0, stderr: '' });
    const rewritten = readFileSync(file);
    expect(rewritten.equals(broken)).toBe(false);
    expect(rewritten.subarray(4, 4 + source.length).equals(source)).toBe(true);
    expect(await playsOf(sandbox, 2)).toEqual([stopLine(sandbox), stopLine(sandbox)]);
  });

  it('lives in $XDG_CACHE_HOME/ccbell when that is set', async () => {
    const sandbox = sandboxWith({});
    const xdg = join(sandbox.root, 'xdg-cache');
    expect(await sandbox.run(['stop'], { env: { XDG_CACHE_HOME: xdg } })).toMatchObject({ code: 0 });
    expect(cacheFiles(join(xdg, 'ccbell'))).toHaveLength(1);
    expect(cacheFiles(join(sandbox.home, '.cache', 'ccbell'))).toEqual([]);
  });
});
