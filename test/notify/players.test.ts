import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, UsageError } from '../../src/errors.js';
import {
  findOnPath,
  findPlayer,
  InvalidPlayerError,
  KNOWN_PLAYERS,
  NoPlayerError,
  type Player,
  playerArgs,
  playerOrder,
} from '../../src/notify/index.js';

let root: string;

// A directory of fake executables, usable as a PATH entry.
function binDir(name: string, programs: string[], mode = 0o755): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const program of programs) {
    const file = path.join(dir, program);
    writeFileSync(file, '#!/bin/sh\nexit 0\n');
    chmodSync(file, mode);
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ccbell-players-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('playerOrder', () => {
  it('prefers PipeWire, then PulseAudio, then ALSA, then the general players on Linux', () => {
    expect(playerOrder('linux')).toEqual(['pw-play', 'paplay', 'aplay', 'mpv', 'ffplay']);
    expect(playerOrder('freebsd')).toEqual(playerOrder('linux'));
  });
  it('uses afplay on macOS and nothing on Windows', () => {
    expect(playerOrder('darwin')).toEqual(['afplay']);
    expect(playerOrder('win32')).toEqual([]);
  });
});

describe('findOnPath', () => {
  it('finds the first executable file, skipping non-executables, directories and relative entries', () => {
    const noexec = binDir('noexec', ['tool'], 0o644);
    const asDir = path.join(root, 'asdir');
    mkdirSync(path.join(asDir, 'tool'), { recursive: true });
    const good = binDir('good', ['tool']);
    const later = binDir('later', ['tool']);
    const pathEnv = ['', 'relative/bin', noexec, asDir, path.join(root, 'missing'), good, later].join(':');
    expect(findOnPath('tool', pathEnv, 'linux')).toBe(path.join(good, 'tool'));
    expect(findOnPath('nothing', pathEnv, 'linux')).toBeUndefined();
    expect(findOnPath('tool', '', 'linux')).toBeUndefined();
  });
});

describe('findPlayer', () => {
  it('detects in order: pw-play wins over everything after it', () => {
    const a = binDir('all-a', ['mpv', 'aplay']);
    const b = binDir('all-b', ['ffplay', 'paplay', 'pw-play']);
    const player = findPlayer({ platform: 'linux', pathEnv: `${a}:${b}` });
    // The order of players decides, not the order of PATH directories.
    expect(player).toEqual({ name: 'pw-play', path: path.join(b, 'pw-play') });
  });

  it('falls through the Linux order as players are missing', () => {
    const cases: [string[], string][] = [
      [['paplay', 'aplay', 'mpv', 'ffplay'], 'paplay'],
      [['aplay', 'mpv', 'ffplay'], 'aplay'],
      [['mpv', 'ffplay'], 'mpv'],
      [['ffplay'], 'ffplay'],
    ];
    for (const [programs, expected] of cases) {
      const dir = binDir(`fall-${expected}`, programs);
      expect(findPlayer({ platform: 'linux', pathEnv: dir, preferred: 'auto' }).name).toBe(expected);
    }
  });

  it('takes afplay on macOS and ignores Linux players there', () => {
    const dir = binDir('mac', ['afplay', 'pw-play']);
    expect(findPlayer({ platform: 'darwin', pathEnv: dir })).toEqual({
      name: 'afplay',
      path: path.join(dir, 'afplay'),
    });
    const linuxOnly = binDir('mac-none', ['pw-play']);
    expect(() => findPlayer({ platform: 'darwin', pathEnv: linuxOnly })).toThrow(NoPlayerError);
  });

  it('throws NoPlayerError listing every player looked for', () => {
    const empty = binDir('empty', []);
    let caught: unknown;
    try {
      findPlayer({ platform: 'linux', pathEnv: empty });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NoPlayerError);
    expect(caught).toBeInstanceOf(EnvironmentError);
    const error = caught as NoPlayerError;
    expect(error.searched).toEqual(['pw-play', 'paplay', 'aplay', 'mpv', 'ffplay']);
    for (const name of error.searched) expect(error.message).toContain(name);
    expect(() => findPlayer({ platform: 'win32', pathEnv: empty })).toThrow(/no known player on win32/);
  });

  it('uses a preferred known player, even when an earlier one exists', () => {
    const dir = binDir('pref', ['pw-play', 'mpv']);
    expect(findPlayer({ platform: 'linux', pathEnv: dir, preferred: 'mpv' })).toEqual({
      name: 'mpv',
      path: path.join(dir, 'mpv'),
    });
  });

  it('refuses a preferred known player that is not on PATH, naming it', () => {
    const dir = binDir('pref-missing', ['pw-play']);
    expect(() => findPlayer({ platform: 'linux', pathEnv: dir, preferred: 'ffplay' })).toThrow(
      expect.objectContaining({
        name: 'NoPlayerError',
        searched: ['ffplay'],
        message: expect.stringContaining('ffplay'),
      }),
    );
  });

  it('accepts an absolute path to an executable as a custom player', () => {
    const dir = binDir('custom', ['my-player']);
    const file = path.join(dir, 'my-player');
    expect(findPlayer({ platform: 'linux', pathEnv: '', preferred: file })).toEqual({
      name: 'custom',
      path: file,
    });
  });

  it('refuses an absolute path that is not an executable file', () => {
    const dir = binDir('custom-bad', ['not-exec'], 0o644);
    for (const bad of [path.join(dir, 'not-exec'), dir, path.join(dir, 'missing')]) {
      expect(() => findPlayer({ platform: 'linux', pathEnv: '', preferred: bad })).toThrow(NoPlayerError);
    }
  });

  it('refuses an unknown name or a relative path as a usage error', () => {
    const dir = binDir('unknown', ['vlc']);
    for (const bad of ['vlc', './vlc', 'bin/vlc']) {
      let caught: unknown;
      try {
        findPlayer({ platform: 'linux', pathEnv: dir, preferred: bad });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidPlayerError);
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toContain(bad);
    }
  });
});

describe('playerArgs', () => {
  const file = '/sounds/stop.wav';
  const player = (name: Player['name']): Player => ({ name, path: `/usr/bin/${name}` });

  it('passes the volume in each player’s own unit', () => {
    expect(playerArgs(player('afplay'), file, 0.5)).toEqual(['-v', '0.5', file]);
    expect(playerArgs(player('pw-play'), file, 0.5)).toEqual(['--volume=0.5', file]);
    expect(playerArgs(player('paplay'), file, 0.5)).toEqual(['--volume=32768', file]);
    expect(playerArgs(player('aplay'), file, 0.5)).toEqual(['-q', file]);
    expect(playerArgs(player('mpv'), file, 0.5)).toEqual([
      '--no-video',
      '--really-quiet',
      '--volume=50',
      file,
    ]);
    expect(playerArgs(player('ffplay'), file, 0.5)).toEqual([
      '-nodisp',
      '-autoexit',
      '-loglevel',
      'quiet',
      '-volume',
      '50',
      file,
    ]);
    expect(playerArgs({ name: 'custom', path: '/opt/play' }, file, 0.5)).toEqual([file]);
  });

  it('maps the ends of the range and clamps outside it', () => {
    expect(playerArgs(player('paplay'), file, 1)).toEqual(['--volume=65536', file]);
    expect(playerArgs(player('paplay'), file, 0)).toEqual(['--volume=0', file]);
    expect(playerArgs(player('paplay'), file, 7)).toEqual(['--volume=65536', file]);
    expect(playerArgs(player('mpv'), file, -1)).toContain('--volume=0');
    expect(playerArgs(player('afplay'), file, 1)).toEqual(['-v', '1', file]);
    expect(playerArgs(player('pw-play'), file, 0.333)).toEqual(['--volume=0.33', file]);
    expect(playerArgs(player('ffplay'), file, Number.NaN)).toContain('100');
  });

  it('covers every known player', () => {
    for (const name of KNOWN_PLAYERS) expect(playerArgs(player(name), file, 1).at(-1)).toBe(file);
  });
});
