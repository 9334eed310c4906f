import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTable, sessionLabel } from '../../src/core/sessions.js';
import { BRANCH_CACHE_MS, gitBranch } from '../../src/events/labels.js';

describe('session labels', () => {
  it('names the directory and the git branch, read from .git/HEAD', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ccbell-label-'));
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/feature/x\n');
    mkdirSync(join(repo, 'sub'));
    expect(gitBranch(join(repo, 'sub'))).toBe('feature/x');
    expect(sessionLabel(join(repo, 'sub'))).toBe('sub (feature/x)');
  });

  it('follows a worktree .git file and shows a detached head short', () => {
    const root = mkdtempSync(join(tmpdir(), 'ccbell-wt-'));
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'HEAD'), '0123456789abcdef\n');
    mkdirSync(join(root, 'tree'));
    writeFileSync(join(root, 'tree', '.git'), `gitdir: ${join(root, 'real')}\n`);
    expect(gitBranch(join(root, 'tree'))).toBe('01234567');
  });

  it('remembers a branch for a moment, and sees a checkout after it', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ccbell-label-'));
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const at = 1_000_000;
    expect(gitBranch(repo, at)).toBe('main');
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/other\n');
    expect(gitBranch(repo, at + BRANCH_CACHE_MS - 1)).toBe('main');
    expect(gitBranch(repo, at + BRANCH_CACHE_MS)).toBe('other');
    // A clock that went back is not trusted to keep the old answer.
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/third\n');
    expect(gitBranch(repo, at)).toBe('third');
  });

  it('tracks sessions and their end', () => {
    const table = new SessionTable();
    table.touch('s1', undefined);
    const session = table.touch('s1', '/tmp/nowhere-project', true);
    expect(session.label).toBe('nowhere-project');
    expect(session.ended).toBe(true);
    expect(table.list()).toHaveLength(1);
  });
});

describe('the session table of a long-running app', () => {
  it('keeps the 100 most recent sessions', () => {
    const table = new SessionTable();
    for (let i = 0; i < 150; i++) table.touch(`s${i}`, undefined);
    const ids = table.list().map((s) => s.sessionId);
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe('s50');
    expect(table.get('s49')).toBeUndefined();
  });
});
