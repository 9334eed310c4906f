import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { type RiskLevel, riskOf, summaryOf } from '../approval/index.js';

/** Which door a request came in by: the MCP prompt tool, or a PermissionRequest hook. */
export type RequestSource = 'prompt-tool' | 'hook';

/** Who gave the answer that counted; `caller-left` when everyone who asked stopped waiting. */
export type AnsweredBy = 'rules' | 'terminal' | 'cli' | 'page' | 'timeout' | 'session-rule' | 'caller-left';

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
  permissionSuggestions?: unknown[];
  sources: RequestSource[];
  risk: RiskLevel;
  summary: string;
  createdAt: number;
  decision?: Decision & { by: AnsweredBy; at: number };
}

export interface IncomingRequest {
  source: RequestSource;
  toolName: string;
  input: Record<string, unknown>;
  toolUseId?: string;
  sessionId?: string;
  cwd?: string;
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
const CALLER_LEFT: Decision = {
  behavior: 'deny',
  message: 'the caller stopped waiting (its connection closed) before an answer came',
};

/** One caller waiting for an item's decision. */
interface Waiter {
  resolve: (item: ApprovalItem) => void;
  left: boolean;
  stopWatching?: () => void;
}

/** Key-order-independent JSON, so the same input from two doors gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The app's book of approval requests: one item per tool call, the first answer wins, and
 * every waiter (hook, prompt tool) of that call gets the same decision. Emits `added`,
 * `answered` for the page and the terminal.
 */
export class RequestBook extends EventEmitter<{
  added: [ApprovalItem];
  answered: [ApprovalItem];
}> {
  private readonly items = new Map<string, ApprovalItem>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly fingerprints = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly timeoutMs: number) {
    super();
  }

  /** Files a request, or joins it to its other half; resolves with the item once it is decided. */
  submit(request: IncomingRequest): { item: ApprovalItem; isNew: boolean; decided: Promise<ApprovalItem> } {
    const fingerprint = `${request.toolName}\u0000${canonical(request.input)}`;
    const partner = this.findPartner(fingerprint, request.source);
    let item: ApprovalItem;
    let isNew = false;
    if (partner) {
      item = partner;
      item.sources.push(request.source);
      item.toolUseId ??= request.toolUseId;
      item.sessionId ??= request.sessionId;
      item.cwd ??= request.cwd;
      item.permissionSuggestions ??= request.permissionSuggestions;
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
    const decided = item.decision
      ? Promise.resolve(item)
      : new Promise<ApprovalItem>((resolve) => {
          waiter = { resolve, left: false };
          const list = this.waiters.get(item.id) ?? [];
          list.push(waiter);
          this.waiters.set(item.id, list);
        });
    if (isNew) this.emit('added', item);
    // Watched only now, so that `added` always comes before the `answered` of a caller gone already.
    if (waiter && request.signal) this.watchCaller(item.id, waiter, request.signal);
    return { item, isNew, decided };
  }

  /** Answers an item; the first answer wins and later ones are told who answered first. */
  answer(id: string, decision: Decision, by: AnsweredBy): AnswerResult {
    const item = this.items.get(id);
    if (!item) return { ok: false, reason: 'unknown' };
    if (item.decision) return { ok: false, reason: 'already-answered', item };
    item.decision = { ...decision, by, at: Date.now() };
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const waiters = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    for (const waiter of waiters) {
      waiter.stopWatching?.();
      waiter.resolve(item);
    }
    this.emit('answered', item);
    return { ok: true, item };
  }

  get(id: string): ApprovalItem | undefined {
    return this.items.get(id);
  }

  /** Items still waiting for an answer, oldest first. */
  pending(): ApprovalItem[] {
    return [...this.items.values()].filter((item) => !item.decision);
  }

  /** Every item the book still holds (pending and recently answered), oldest first. */
  all(): ApprovalItem[] {
    return [...this.items.values()];
  }

  private watchCaller(id: string, waiter: Waiter, signal: AbortSignal) {
    const onAbort = () => {
      waiter.left = true;
      const waiters = this.waiters.get(id) ?? [];
      if (waiters.every((each) => each.left)) this.answer(id, CALLER_LEFT, 'caller-left');
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    waiter.stopWatching = () => signal.removeEventListener('abort', onAbort);
  }

  private findPartner(fingerprint: string, source: RequestSource): ApprovalItem | undefined {
    const now = Date.now();
    for (const [id, print] of this.fingerprints) {
      const item = this.items.get(id);
      if (!item || print !== fingerprint || item.sources.includes(source)) continue;
      if (now - item.createdAt > PAIRING_WINDOW_MS) continue;
      return item;
    }
    return undefined;
  }

  private trim() {
    const answered = [...this.items.values()].filter((item) => item.decision);
    for (const item of answered.slice(0, Math.max(0, answered.length - KEEP_ANSWERED))) {
      this.items.delete(item.id);
      this.fingerprints.delete(item.id);
    }
  }
}
