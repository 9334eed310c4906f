import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, UsageError } from '../../src/errors.js';
import {
  InvalidSoundSpecError,
  type Player,
  playSound,
  resolveSound,
  SoundNotFoundError,
} from '../../src/notify/index.js';

let root: string;
let bundled: string;
let custom: string;

beforeAll(() => {
  // realpath: tmpdir() may itself sit behind a symlink (macOS /var → /private/var).
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ccbell-sound-')));
  bundled = path.join(root, 'sounds');
  mkdirSync(bundled);
  writeFileSync(path.join(bundled, 'stop.wav'), 'RIFF');
  mkdirSync(path.join(bundled, 'dir_sound.wav'));
  custom = path.join(root, 'my sounds', 'ding.wav');
  mkdirSync(path.dirname(custom));
  writeFileSync(custom, 'RIFF');
  symlinkSync(custom, path.join(root, 'link.wav'));
  symlinkSync(path.join(root, 'link.wav'), path.join(root, 'link2.wav'));
  symlinkSync(bundled, path.join(root, 'dirlink.wav'));
  symlinkSync(path.join(root, 'nowhere.wav'), path.join(root, 'dangling.wav'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('resolveSound', () => {
  it('resolves bundled:NAME inside the bundled directory', () => {
    expect(resolveSound('bundled:stop', bundled)).toBe(path.join(bundled, 'stop.wav'));
  });

  it('accepts custom:/abs/path and a plain absolute path', () => {
    expect(resolveSound(`custom:${custom}`, bundled)).toBe(custom);
    expect(resolveSound(custom, bundled)).toBe(custom);
  });

  it('follows symlinks (also chains) to the regular file they end at', () => {
    expect(resolveSound(path.join(root, 'link.wav'), bundled)).toBe(custom);
    expect(resolveSound(`custom:${path.join(root, 'link2.wav')}`, bundled)).toBe(custom);
  });

  it.each([
    ['bundled:Stop', 'upper case'],
    ['bundled:../stop', 'a path in a bundled name'],
    ['bundled:st op', 'a space'],
    ['bundled:', 'an empty name'],
    ['sounds/stop.wav', 'a relative path'],
    ['custom:stop.wav', 'a relative custom path'],
    ['custom:', 'an empty custom path'],
    ['', 'an empty setting'],
    ['/tmp/../etc/passwd', 'a .. segment'],
    ['custom:/a/b/..', 'a trailing .. segment'],
    ['/tmp/x\0.wav', 'a NUL byte'],
  ])('refuses %j (%s) as a malformed setting naming it', (spec) => {
    const error = errorOf(() => resolveSound(spec, bundled));
    expect(error).toBeInstanceOf(InvalidSoundSpecError);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(`"${spec}"`);
  });

  it('reports a missing file with the setting and the path', () => {
    const missing = path.join(root, 'missing.wav');
    const error = errorOf(() => resolveSound(`custom:${missing}`, bundled));
    expect(error).toBeInstanceOf(SoundNotFoundError);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toContain(`custom:${missing}`);
    expect(error.message).toContain('no such file');
    expect((error as SoundNotFoundError).path).toBe(missing);
    expect(error.cause).toBeDefined();

    const bundledMissing = errorOf(() => resolveSound('bundled:nope', bundled));
    expect(bundledMissing).toBeInstanceOf(SoundNotFoundError);
    expect(bundledMissing.message).toContain(path.join(bundled, 'nope.wav'));
  });

  it('refuses a dangling symlink and a path through a file', () => {
    expect(() => resolveSound(path.join(root, 'dangling.wav'), bundled)).toThrow(SoundNotFoundError);
    expect(() => resolveSound(path.join(custom, 'x.wav'), bundled)).toThrow(SoundNotFoundError);
  });

  it('refuses a directory and a symlink to a directory', () => {
    const dirError = errorOf(() => resolveSound('bundled:dir_sound', bundled));
    expect(dirError).toBeInstanceOf(SoundNotFoundError);
    expect(dirError.message).toContain('not a regular file');
    const linkError = errorOf(() => resolveSound(path.join(root, 'dirlink.wav'), bundled));
    expect(linkError).toBeInstanceOf(SoundNotFoundError);
    expect(linkError.message).toContain('not a regular file');
    expect(linkError.message).toContain(bundled);
    expect(() => resolveSound(root, bundled)).toThrow(SoundNotFoundError);
  });

  it('refuses a device that is no regular file', () => {
    expect(() => resolveSound('/dev/null', bundled)).toThrow(/not a regular file/);
  });
});

// A fake player: records its argv, one per line, and its pid and process group.
function fakePlayer(dir: string, out: string, delaySeconds = 0): Player {
  const file = path.join(dir, 'fake-player.sh');
  writeFileSync(
    file,
    `#!/bin/sh
${delaySeconds ? `sleep ${delaySeconds}` : ''}
pgid=$(cut -d' ' -f5 /proc/$$/stat 2>/dev/null || ps -o pgid= -p $$)
{ printf 'pid %s pgid %s\\n' "$$" "$pgid"; for a in "$@"; do printf 'arg %s\\n' "$a"; done; } >> '${out}.part'
mv '${out}.part' '${out}'
`,
    { mode: 0o755 },
  );
  return { name: 'custom', path: file };
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${file} did not appear within ${timeoutMs} ms`);
}

describe('playSound', () => {
  it('runs the player with its arguments in its own process group', async () => {
    const dir = mkdtempSync(path.join(root, 'play-'));
    const out = path.join(dir, 'argv.txt');
    const player = fakePlayer(dir, out);
    playSound({ player, file: custom, volume: 0.3 });
    const text = await waitForFile(out, 5000);
    const [, pid, , pgid] = text.split('\n')[0]!.split(' ');
    expect(pid).toBe(pgid?.trim()); // detached: the player leads its own process group
    expect(text.split('\n').slice(1, -1)).toEqual([`arg ${custom}`]);
  });

  it('passes volume arguments for a known player', async () => {
    const dir = mkdtempSync(path.join(root, 'play-'));
    const out = path.join(dir, 'argv.txt');
    const player: Player = { ...fakePlayer(dir, out), name: 'mpv' };
    playSound({ player, file: custom, volume: 0.25 });
    const text = await waitForFile(out, 5000);
    expect(text.split('\n').slice(1, -1)).toEqual([
      'arg --no-video',
      'arg --really-quiet',
      'arg --volume=25',
      `arg ${custom}`,
    ]);
  });

  it('reports a missing player to onError and does not crash', async () => {
    const errors: Error[] = [];
    playSound({
      player: { name: 'custom', path: path.join(root, 'no-such-player') },
      file: custom,
      volume: 1,
      onError: (error) => errors.push(error),
    });
    // Without onError, the error is swallowed too (an unhandled 'error' event would fail the run).
    playSound({
      player: { name: 'pw-play', path: path.join(root, 'no-such-player') },
      file: custom,
      volume: 1,
    });
    const deadline = Date.now() + 5000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('lets the caller exit at once while the player keeps running', async () => {
    const dir = mkdtempSync(path.join(root, 'caller-'));
    const out = path.join(dir, 'argv.txt');
    const player = fakePlayer(dir, out, 1);
    // A real caller process, like a hook: bundled from the source so plain node can run it.
    const entry = path.join(dir, 'caller.ts');
    const source = fileURLToPath(new URL('../../src/notify/index.ts', import.meta.url));
    writeFileSync(
      entry,
      `import { playSound } from ${JSON.stringify(source)};
playSound({ player: JSON.parse(process.argv[2]), file: process.argv[3], volume: 1 });
`,
    );
    const bundle = path.join(dir, 'caller.mjs');
    await build({
      entryPoints: [entry],
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    });
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const started = Date.now();
    await promisify(execFile)(process.execPath, [bundle, JSON.stringify(player), custom], { env });
    expect(existsSync(out), 'the caller did not wait for the player').toBe(false);
    const text = await waitForFile(out, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(text).toContain(`arg ${custom}`);
  });
});
