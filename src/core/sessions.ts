import { placeLabel } from '../events/labels.js';

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

/** The label shown for a session: directory name and branch (see src/events/labels.ts). */
export const sessionLabel = placeLabel;

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
