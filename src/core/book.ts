import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { canonicalJson, summaryOf } from '../events/index.js';
import { type RiskLevel, riskOf } from '../rules/index.js';

/** Which door a request came in by: the MCP prompt tool, or a PermissionRequest hook. */
export type RequestSource = 'prompt-tool' | 'hook';

/** Who gave the answer that counted. */
export type AnsweredBy =
  | 'rules'
  | 'terminal'
  | 'cli'
  | 'page'
  | 'inbox'
  | 'phone'
  | 'timeout'
  | 'session-rule';

/**
 * Why a request ended with no decision of ccbell's: the person answered in Claude Code's own
 * dialog, or every caller that asked stopped waiting (killed, interrupted, gone).
 */
export type SettledBy = 'claude-code' | 'caller-left';

/** A person's (or a rule's) decision about one tool call. */
export interface Decision {
  behavior: 'allow' | 'deny';
  message?: string;
  updatedInput?: Record<string, unknown>;
  /** "Always allow this for the session": the rule to add (a PermissionRequest hook passes it on). */
  sessionRule?: string;
}

/** One tool call waiting for (or given) an answer, whichever doors it came in by. */
export interface ApprovalItem {
  id: string;
  toolName: string;
  input: Record<string, unknown>;
  toolUseId?: string;
  sessionId?: string;
  cwd?: string;
  /** The machine the request came from, when it is not the app's own. */
  host?: string;
  permissionSuggestions?: unknown[];
  sources: RequestSource[];
  risk: RiskLevel;
  summary: string;
  createdAt: number;
  /** The session's transcript, where an answer given in Claude Code shows. */
  transcriptPath?: string;
  decision?: Decision & { by: AnsweredBy; at: number };
  settled?: { by: SettledBy; at: number };
}

/** Whether an item is over: decided by ccbell, or settled elsewhere. */
export function isClosed(item: ApprovalItem): boolean {
  return item.decision !== undefined || item.settled !== undefined;
}

export interface IncomingRequest {
  source: RequestSource;
  toolName: string;
  input: Record<string, unknown>;
  toolUseId?: string;
  sessionId?: string;
  cwd?: string;
  /** The machine the request came from, when it is not the app's own. */
  host?: string;
  transcriptPath?: string;
  permissionSuggestions?: unknown[];
  /**
   * Fires when the caller stops waiting (its connection closed: it was interrupted, killed, or
   * gave up). Once every caller of an item has left, the item is settled as `caller-left`.
   */
  signal?: AbortSignal;
}

export type AnswerResult =
  | { ok: true; item: ApprovalItem }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'already-answered'; item: ApprovalItem };

// In -p mode Claude Code asks the PermissionRequest hook and the prompt tool at the same moment
// for one tool call; the two halves arrive a few ms apart and must become one request.
const PAIRING_WINDOW_MS = 10_000;
const KEEP_ANSWERED = 200;

/** One caller waiting for an item's decision. */
interface Waiter {
  resolve: (item: ApprovalItem) => void;
  left: boolean;
  stopWatching?: () => void;
}

/**
 * The book of approval requests: one item per tool call, the first answer wins, and every
 * waiter (hook, prompt tool) of that call gets the same decision. An item ends decided, or
 * settled with no decision (answered in Claude Code, callers gone). Emits `added`, and
 * `answered` when an item ends either way, for the page and the terminal.
 */
export class RequestBook extends EventEmitter<{
  added: [ApprovalItem];
  answered: [ApprovalItem];
}> {
  private readonly items = new Map<string, ApprovalItem>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly fingerprints = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * @param callerLeftGraceMs how long a request whose callers all left stays before it is settled
   *   as `caller-left`, so that a better-informed settling (answered in Claude Code, seen in the
   *   transcript a moment later) can come first; 0 settles at once.
   */
  constructor(
    private readonly timeoutMs: number,
    private readonly callerLeftGraceMs: (item: ApprovalItem) => number = () => 0,
  ) {
    super();
  }

  /** Files a request, or joins it to its other half; resolves with the item once it is decided. */
  submit(request: IncomingRequest): { item: ApprovalItem; isNew: boolean; decided: Promise<ApprovalItem> } {
    const fingerprint = `${request.toolName}\u0000${canonicalJson(request.input)}`;
    const partner = this.findPartner(fingerprint, request);
    let item: ApprovalItem;
    let isNew = false;
    if (partner) {
      item = partner;
      item.sources.push(request.source);
      item.toolUseId ??= request.toolUseId;
      item.sessionId ??= request.sessionId;
      item.transcriptPath ??= request.transcriptPath;
      item.permissionSuggestions ??= request.permissionSuggestions;
      item.host ??= request.host;
    } else {
      isNew = true;
      item = {
        id: randomBytes(4).toString('hex'),
        toolName: request.toolName,
        input: request.input,
        sources: [request.source],
        risk: riskOf(request.toolName, request.input),
        summary: summaryOf(request.toolName, request.input),
        createdAt: Date.now(),
        ...(request.toolUseId ? { toolUseId: request.toolUseId } : {}),
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
        ...(request.cwd ? { cwd: request.cwd } : {}),
        ...(request.host ? { host: request.host } : {}),
        ...(request.transcriptPath ? { transcriptPath: request.transcriptPath } : {}),
        ...(request.permissionSuggestions ? { permissionSuggestions: request.permissionSuggestions } : {}),
      };
      this.items.set(item.id, item);
      this.fingerprints.set(item.id, fingerprint);
      this.trim();
      const timer = setTimeout(() => {
        this.answer(
          item.id,
          { behavior: 'deny', message: `no answer within ${Math.round(this.timeoutMs / 1000)} s` },
          'timeout',
        );
      }, this.timeoutMs);
      timer.unref();
      this.timers.set(item.id, timer);
    }
    let waiter: Waiter | undefined;
    const decided = isClosed(item)
      ? Promise.resolve(item)
      : new Promise<ApprovalItem>((resolve) => {
          waiter = { resolve, left: false };
          const list = this.waiters.get(item.id) ?? [];
          list.push(waiter);
          this.waiters.set(item.id, list);
        });
    if (isNew) this.emit('added', item);
    // Watched only now, so that `added` always comes before the `answered` of a caller gone
    // already; not at all when `added` closed it (rules answer at once), or the listener would
    // stay on the caller's signal for good (the approval server's lives as long as its session).
    if (waiter && request.signal && !isClosed(item)) this.watchCaller(item.id, waiter, request.signal);
    return { item, isNew, decided };
  }

  /** Answers an item; the first answer wins and later ones are told who answered first. */
  answer(id: string, decision: Decision, by: AnsweredBy): AnswerResult {
    const item = this.items.get(id);
    if (!item) return { ok: false, reason: 'unknown' };
    if (isClosed(item)) return { ok: false, reason: 'already-answered', item };
    item.decision = { ...decision, by, at: Date.now() };
    this.close(item);
    return { ok: true, item };
  }

  /** Ends an item with no decision (see SettledBy); false when it had already ended. */
  settle(id: string, by: SettledBy): boolean {
    const item = this.items.get(id);
    if (!item || isClosed(item)) return false;
    item.settled = { by, at: Date.now() };
    this.close(item);
    return true;
  }

  private close(item: ApprovalItem) {
    clearTimeout(this.timers.get(item.id));
    this.timers.delete(item.id);
    const waiters = this.waiters.get(item.id) ?? [];
    this.waiters.delete(item.id);
    for (const waiter of waiters) {
      waiter.stopWatching?.();
      waiter.resolve(item);
    }
    this.emit('answered', item);
  }

  get(id: string): ApprovalItem | undefined {
    return this.items.get(id);
  }

  /** Items still waiting for an answer, oldest first. */
  pending(): ApprovalItem[] {
    return [...this.items.values()].filter((item) => !isClosed(item));
  }

  /** Every item the book still holds (pending and recently answered), oldest first. */
  all(): ApprovalItem[] {
    return [...this.items.values()];
  }

  private watchCaller(id: string, waiter: Waiter, signal: AbortSignal) {
    const onAbort = () => {
      waiter.left = true;
      const waiters = this.waiters.get(id) ?? [];
      if (!waiters.every((each) => each.left)) return;
      const item = this.items.get(id);
      const grace = item ? this.callerLeftGraceMs(item) : 0;
      if (grace <= 0) this.settle(id, 'caller-left');
      else setTimeout(() => this.settle(id, 'caller-left'), grace).unref();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    waiter.stopWatching = () => signal.removeEventListener('abort', onAbort);
  }

  /**
   * The other half of the same tool call: same tool and input, from the other door, within the
   * window, and provably of the same session. The prompt tool knows no session id, only its
   * working directory (Claude Code starts the approval server in the session's), so halves pair
   * only when both name the same directory; two sessions elsewhere asking the same are never
   * crossed, and an answer on one card never runs another session's call.
   */
  private findPartner(fingerprint: string, request: IncomingRequest): ApprovalItem | undefined {
    if (!request.cwd) return undefined;
    const now = Date.now();
    for (const [id, print] of this.fingerprints) {
      const item = this.items.get(id);
      if (!item || print !== fingerprint || item.sources.includes(request.source)) continue;
      if (item.settled || item.cwd !== request.cwd) continue;
      if (now - item.createdAt > PAIRING_WINDOW_MS) continue;
      return item;
    }
    return undefined;
  }

  private trim() {
    const answered = [...this.items.values()].filter(isClosed);
    for (const item of answered.slice(0, Math.max(0, answered.length - KEEP_ANSWERED))) {
      this.items.delete(item.id);
      this.fingerprints.delete(item.id);
    }
  }
}
