// The approvals desk: every request for a decision, whichever door it came by, is filed here;
// rules and the session's "always allow" answer first, then a person through any door, first
// answer winning; a request answered in Claude Code, or whose callers all left, is settled.

import { canonicalJson } from '../events/index.js';
import type { AnswerMessage } from '../protocol/index.js';
import { decideByRules, type PermissionRule, ruleForSession } from '../rules/index.js';
import {
  type AnsweredBy,
  type AnswerResult,
  type ApprovalItem,
  type IncomingRequest,
  isClosed,
  RequestBook,
  type SettledBy,
} from './book.js';
import type { Settlement } from './route.js';

export interface DeskOptions {
  /** How long a request waits for an answer before it is denied. */
  timeoutMs: number;
  /** See RequestBook: a moment for a better reason than `caller-left` to settle a request. */
  callerLeftGraceMs?: (item: ApprovalItem) => number;
  /** The instance's valid rules (broken ones were reported and left out). */
  rules: { allow: readonly PermissionRule[]; deny: readonly PermissionRule[] };
}

/** Who may answer through `answer()`: a person at a door (rules and timeouts answer themselves). */
export type Answerer = Extract<AnsweredBy, 'terminal' | 'cli' | 'page' | 'inbox' | 'phone'>;

export class ApprovalDesk {
  /** The requests; listen to its `added` and `answered` events. */
  readonly book: RequestBook;
  private readonly rules: DeskOptions['rules'];
  // "Always allow this for the session": rules added by answers, per session.
  private readonly sessionRules = new Map<string, string[]>();

  constructor(options: DeskOptions) {
    this.book = new RequestBook(options.timeoutMs, options.callerLeftGraceMs);
    this.rules = options.rules;
    // Registered first, so the rules answer before the page, the terminal or a sound hear of it.
    this.book.on('added', (item) => this.decideByRules(item));
  }

  /** Files a request (or joins it to its other half); resolves once it is decided or settled. */
  ask(request: IncomingRequest): { item: ApprovalItem; isNew: boolean; closed: Promise<ApprovalItem> } {
    const { item, isNew, decided } = this.book.submit(request);
    return { item, isNew, closed: decided };
  }

  /** A person's answer, the same from every door; "always" adds a rule for the session. */
  answer(id: string, answer: AnswerMessage, by: Answerer): AnswerResult {
    const item = this.book.get(id);
    if (!item) return { ok: false, reason: 'unknown' };
    if (isClosed(item)) return { ok: false, reason: 'already-answered', item };
    const sessionRule =
      answer.behavior === 'allow' && answer.always
        ? ruleForSession(item.toolName, item.input, item.cwd ? { cwd: item.cwd } : {})
        : undefined;
    if (sessionRule) {
      const key = item.sessionId ?? '*';
      this.sessionRules.set(key, [...(this.sessionRules.get(key) ?? []), sessionRule]);
    }
    return this.book.answer(
      id,
      {
        behavior: answer.behavior,
        ...(answer.message && answer.behavior === 'deny' ? { message: answer.message } : {}),
        ...(answer.updated_input && answer.behavior === 'allow'
          ? { updatedInput: answer.updated_input }
          : {}),
        ...(sessionRule ? { sessionRule } : {}),
      },
      by,
    );
  }

  /** Ends one request with no decision of ccbell's. */
  settle(id: string, by: SettledBy): boolean {
    return this.book.settle(id, by);
  }

  /**
   * The session moved past its waiting requests (see Settlement): they were answered in Claude
   * Code. Returns the requests settled.
   */
  settleSession(settlement: Settlement): ApprovalItem[] {
    const call = settlement.call
      ? { ...settlement.call, print: canonicalJson(settlement.call.input) }
      : undefined;
    const settled: ApprovalItem[] = [];
    for (const item of this.book.pending()) {
      if (item.sessionId !== settlement.sessionId) continue;
      if (call && (item.toolName !== call.toolName || canonicalJson(item.input) !== call.print)) continue;
      if (this.book.settle(item.id, 'claude-code')) settled.push(item);
    }
    return settled;
  }

  pending(): ApprovalItem[] {
    return this.book.pending();
  }

  get(id: string): ApprovalItem | undefined {
    return this.book.get(id);
  }

  private decideByRules(item: ApprovalItem) {
    const context = item.cwd ? { cwd: item.cwd } : {};
    const verdict = decideByRules(this.rules, item.toolName, item.input, context);
    if (verdict === 'deny') {
      this.book.answer(item.id, { behavior: 'deny', message: 'denied by a ccbell rule' }, 'rules');
      return;
    }
    if (verdict === 'allow') {
      this.book.answer(item.id, { behavior: 'allow' }, 'rules');
      return;
    }
    const fromSession = this.sessionRules.get(item.sessionId ?? '*') ?? [];
    if (
      fromSession.length &&
      decideByRules({ allow: fromSession }, item.toolName, item.input, context) === 'allow'
    ) {
      this.book.answer(item.id, { behavior: 'allow' }, 'session-rule');
    }
  }
}
