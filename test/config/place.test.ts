// Per-project settings: the walk up to the repository root, what a project file may set, and
// the person's own `projects` rules; real files in a temporary HOME.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configForPlace,
  findProjectFile,
  globRegex,
  type LoadedConfig,
  resolveEvent,
  validateConfig,
} from '../../src/config/index.js';

let root: string;
let home: string;
const write = (path: string, value: unknown) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const loadedFrom = (raw: Record<string, unknown>): LoadedConfig => ({
  ...validateConfig(raw),
  path: join(home, '.claude', 'ccbell.config.json'),
  exists: true,
  raw,
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-place-'));
  home = join(root, 'home');
  mkdirSync(join(home, 'work', 'repo', '.git'), { recursive: true });
  mkdirSync(join(home, 'work', 'repo', 'pkg', 'src'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the walk', () => {
  it('finds the nearest project file, and the repository root it is kept inside', () => {
    const repo = join(home, 'work', 'repo');
    write(join(repo, '.ccbell.json'), { label: 'outer' });
    const inner = write(join(repo, 'pkg', '.ccbell.json'), { label: 'inner' });
    expect(findProjectFile(join(repo, 'pkg', 'src'), home)).toEqual({ path: inner, root: repo });
    const placed = configForPlace(loadedFrom({}), { cwd: join(repo, 'pkg', 'src'), home });
    expect(placed.config.label).toBe('inner');
  });

  it('does not read a file above the repository root, nor above HOME', () => {
    write(join(home, 'work', '.ccbell.json'), { label: 'above the repo' });
    write(join(root, '.ccbell.json'), { label: 'above home' });
    expect(findProjectFile(join(home, 'work', 'repo', 'pkg'), home)).toBeUndefined();
    mkdirSync(join(home, 'loose'));
    expect(findProjectFile(join(home, 'loose'), home)).toBeUndefined();
    // Outside HOME and any repository, only the cwd's own file counts.
    mkdirSync(join(root, 'elsewhere', 'deep'), { recursive: true });
    expect(findProjectFile(join(root, 'elsewhere', 'deep'), home)).toBeUndefined();
  });

  it("takes a worktree's .git file for a root, and walks past a cwd whose parent is a file", () => {
    const worktree = join(home, 'work', 'tree');
    const found = write(join(worktree, '.ccbell.json'), { label: 'tree' });
    write(join(worktree, '.git'), 'gitdir: ../repo/.git/worktrees/tree\n');
    write(join(worktree, 'pkg', 'index.js'), '');
    expect(findProjectFile(join(worktree, 'pkg'), home)).toEqual({ path: found, root: worktree });
    // A session's cwd may be gone and replaced by a file: nothing there, and no throw.
    expect(findProjectFile(join(worktree, 'pkg', 'index.js', 'sub'), home)).toEqual({
      path: found,
      root: worktree,
    });
  });

  it('refuses a project file that links out of the repository, and one that is a FIFO is not waited on', () => {
    const repo = join(home, 'work', 'repo');
    const outside = write(join(root, 'secret.json'), { label: 'outside' });
    symlinkSync(outside, join(repo, '.ccbell.json'));
    const placed = configForPlace(loadedFrom({}), { cwd: repo, home });
    expect(placed.config.label).toBeUndefined();
    expect(placed.projectFile?.refused[0]?.problem).toMatch(/link to .*outside the repository/);
  });
});

describe('what a project file may set', () => {
  it('applies label, sounds inside the repository, volumes, events on/off and quiet', () => {
    const repo = join(home, 'work', 'repo');
    write(join(repo, 'sounds', 'ding.wav'), 'RIFF');
    write(join(repo, '.ccbell.json'), {
      label: 'Proj A',
      events: { stop: { sound: 'sounds/ding.wav', volume: 0.2 }, session_start: { enabled: true } },
    });
    const placed = configForPlace(loadedFrom({}), { cwd: repo, home });
    expect(placed.projectFile?.refused).toEqual([]);
    expect(placed.config.label).toBe('Proj A');
    expect(resolveEvent(placed.config, 'stop')).toMatchObject({
      sound: join(repo, 'sounds', 'ding.wav'),
      volume: 0.2,
    });
    expect(resolveEvent(placed.config, 'session_start').enabled).toBe(true);
    write(join(repo, '.ccbell.json'), { quiet: true });
    expect(configForPlace(loadedFrom({}), { cwd: repo, home }).config.enabled).toBe(false);
  });

  it('refuses every key that sends data or runs something, and keeps the rest of the file', () => {
    const repo = join(home, 'work', 'repo');
    write(join(root, 'evil.wav'), 'RIFF');
    symlinkSync(join(root, 'evil.wav'), join(repo, 'link.wav'));
    const dangerous = {
      channels: [{ type: 'webhook', url: 'https://stranger.example' }],
      webhooks: ['https://stranger.example'],
      speech: { template: '{cwd} {command}' },
      tts: true,
      player: '/bin/sh',
      approvals: { allow: ['Bash(*)'], deny: [] },
      appPort: 8080,
      projects: [{ match: '**', instance: 'x' }],
      profiles: { loud: {} },
      activeProfile: 'loud',
      somethingNew: 1,
    };
    write(join(repo, '.ccbell.json'), {
      ...dangerous,
      label: 'kept',
      events: {
        stop: { sound: '/etc/passwd', volume: 0.3 },
        idle_prompt: { sound: 'link.wav' },
        subagent: { command: 'rm -rf ~' },
      },
    });
    const person = { approvals: { allow: ['Read'], deny: [] }, player: '/usr/bin/true' };
    const placed = configForPlace(loadedFrom(person), { cwd: repo, home });
    const refused = placed.projectFile?.refused.map((r) => r.field) ?? [];
    expect(refused.sort()).toEqual(
      [
        ...Object.keys(dangerous),
        'events.stop.sound',
        'events.idle_prompt.sound',
        'events.subagent.command',
      ].sort(),
    );
    expect(placed.config).toMatchObject({
      label: 'kept',
      player: '/usr/bin/true',
      approvals: { allow: ['Read'], deny: [] },
    });
    expect(placed.config.appPort).toBeUndefined();
    expect(resolveEvent(placed.config, 'stop')).toMatchObject({ sound: 'bundled:stop', volume: 0.3 });
  });
});

describe('the person\'s "projects" rules', () => {
  it('matches cwd and branch globs, first rule wins, and the rule beats the project file', () => {
    const repo = join(home, 'work', 'repo');
    write(join(repo, '.ccbell.json'), { label: 'from the repo', events: { stop: { volume: 0.2 } } });
    const person = {
      projects: [
        { match: '~/work/**', branch: 'release/*', label: 'release', events: { stop: { volume: 0.9 } } },
        { match: '~/work/**', instance: 'work', events: { stop: { volume: 0.7 } } },
        { match: '**', label: 'never reached' },
      ],
    };
    const loaded = loadedFrom(person);
    expect(loaded.problems).toEqual([]);
    const onRelease = configForPlace(loaded, { cwd: repo, home, branch: 'release/1.2' });
    expect(onRelease.config.label).toBe('release');
    expect(resolveEvent(onRelease.config, 'stop').volume).toBe(0.9);
    const onMain = configForPlace(loaded, { cwd: repo, home, branch: 'main' });
    expect(onMain.rule?.instance).toBe('work');
    expect(onMain.config.label).toBe('from the repo');
    expect(resolveEvent(onMain.config, 'stop').volume).toBe(0.7);
  });

  it('reports a broken rule by its index and skips it', () => {
    const { config, problems } = validateConfig({
      projects: [{ branch: 'x' }, { match: '~/a', instance: '../x' }, { match: '~/b', volume: 3 }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'projects[0].match',
      'projects[1].instance',
      'projects[2].volume',
    ]);
    expect(config.projects).toBeUndefined();
  });

  it('globs: * stays in a segment, ** crosses, a trailing /** matches the directory itself', () => {
    expect(globRegex('~/work/**', '/h').test('/h/work')).toBe(true);
    expect(globRegex('~/work/**', '/h').test('/h/work/a/b')).toBe(true);
    expect(globRegex('~/work/**', '/h').test('/h/workshop')).toBe(false);
    expect(globRegex('~/work/*', '/h').test('/h/work/a/b')).toBe(false);
    expect(globRegex('release/*', '/h').test('release/1.2')).toBe(true);
    expect(globRegex('/tmp/a.b', '/h').test('/tmp/axb')).toBe(false);
  });
});
