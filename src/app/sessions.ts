import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A Claude Code session the app serves, as the person recognises it. */
export interface SessionInfo {
  sessionId: string;
  cwd?: string;
  /** The working directory's name and git branch, e.g. `ccbell (main)`. */
  label: string;
  startedAt: number;
  lastEventAt: number;
  ended?: boolean;
}

/** The branch checked out in `cwd` or a parent, read from .git/HEAD (no git process). */
export function gitBranch(cwd: string): string | undefined {
  let dir = cwd;
  for (let depth = 0; depth < 40; depth++) {
    try {
      let gitDir = join(dir, '.git');
      let head: string;
      try {
        head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
        // A worktree or submodule: .git is a file naming the real git dir.
        const pointer = /^gitdir: (.+)$/m.exec(readFileSync(gitDir, 'utf8'))?.[1]?.trim();
        if (!pointer) return undefined;
        gitDir = pointer.startsWith('/') ? pointer : join(dir, pointer);
        head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
      }
      const ref = /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1];
      return ref?.trim() ?? head.trim().slice(0, 8);
    } catch {}
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The label shown for a session: directory name and branch. */
export function sessionLabel(cwd: string | undefined): string {
  if (!cwd) return 'unknown directory';
  const branch = gitBranch(cwd);
  return branch ? `${basename(cwd) || cwd} (${branch})` : basename(cwd) || cwd;
}

const MAX_SESSIONS = 100;

/** The sessions seen by an app, updated from each event and request. */
export class SessionTable {
  private readonly sessions = new Map<string, SessionInfo>();

  /** Records activity of a session; returns it (new or updated). */
  touch(sessionId: string, cwd: string | undefined, ended = false): SessionInfo {
    const now = Date.now();
    let session = this.sessions.get(sessionId);
    if (!session) {
      session = {
        sessionId,
        label: sessionLabel(cwd),
        startedAt: now,
        lastEventAt: now,
        ...(cwd ? { cwd } : {}),
      };
      this.sessions.set(sessionId, session);
      // An app runs for days: keep the most recent sessions (a Map keeps insertion order).
      if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    } else if (cwd && !session.cwd) {
      session.cwd = cwd;
      session.label = sessionLabel(cwd);
    }
    session.lastEventAt = now;
    if (ended) session.ended = true;
    return session;
  }

  get(sessionId: string | undefined): SessionInfo | undefined {
    return sessionId ? this.sessions.get(sessionId) : undefined;
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()];
  }
}
