// One core, many doors: the command hook, the http hook, the bus (approval server, hook
// approvals, forwarded events, control), the page and the terminal all hand their input here
// and turn what comes back into their own output. The core decides; it never touches a socket,
// a process or the terminal: sounds, notifications and reading transcripts are handed in.
import type { EventName } from '../config/index.js';
import type { HookInput } from '../events/index.js';
import type { PermissionRule } from '../rules/index.js';
import { type ApprovalItem, type IncomingRequest, isClosed } from './book.js';
import { ApprovalDesk } from './desk.js';
import { EventFeed } from './feed.js';
import { routeHookInput } from './route.js';

/** The parts of the world the core works through (the app gives the real ones; tests fakes). */
export interface CorePorts {
  /**
   * Notifies through the instance's channels (sound, desktop…); for a new request, `request`
   * is the item, so a channel can offer to answer it. Returns what the door answers with
   * besides (an http hook's terminal sequence).
   */
  notify(
    event: EventName,
    input: HookInput | undefined,
    request?: ApprovalItem,
    // biome-ignore lint/suspicious/noConfusingVoidType: a port with nothing to tell the door (a test's fake) returns nothing
  ): NotifyResult | undefined | void;
  /**
   * Follows a session's transcript until the request's tool call has its result there (the
   * person answered in Claude Code), then calls `onAnswered`. Returns a function that stops.
   */
  followTranscript?(item: ApprovalItem, onAnswered: () => void): () => void;
}

/** What notifying an event decided, for the door that brought it (an http hook's response). */
export interface NotifyResult {
  /** The terminal channel's bytes for Claude Code to write, when the event rang (docs/terminal.md). */
  terminalSequence?: string;
}

export interface CoreOptions {
  instance: string;
  timeoutMs: number;
  rules: { allow: readonly PermissionRule[]; deny: readonly PermissionRule[] };
  ports: CorePorts;
}

/** How long the transcript gets to explain why a request's callers left (see callerLeftGraceMs). */
const TRANSCRIPT_GRACE_MS = 750;

/** What one hook input came to. */
export type HookOutcome =
  | { kind: 'nothing' }
  | { kind: 'notified'; event: EventName; terminalSequence?: string }
  | { kind: 'closed'; item: ApprovalItem };

export class Core {
  readonly desk: ApprovalDesk;
  readonly feed: EventFeed;
  private readonly ports: CorePorts;
  private readonly followers = new Map<string, () => void>();

  constructor(options: CoreOptions) {
    this.desk = new ApprovalDesk({
      timeoutMs: options.timeoutMs,
      rules: options.rules,
      // Claude Code ends a PermissionRequest hook when the person answers "No" in its dialog: the
      // transcript, followed for that request, says so a moment later, which names it better.
      callerLeftGraceMs: (item) => (this.followers.has(item.id) ? TRANSCRIPT_GRACE_MS : 0),
    });
    this.feed = new EventFeed(options.instance);
    this.ports = options.ports;
    this.desk.book.on('added', (item) => this.onAdded(item));
    this.desk.book.on('answered', (item) => {
      this.followers.get(item.id)?.();
      this.followers.delete(item.id);
    });
  }

  /**
   * A hook input from a door that can wait for a decision (the http hook, the PermissionRequest
   * command hook through the bus): a PermissionRequest is filed and waited for; any other event
   * is recorded and notified. `signal` fires when the caller stops waiting.
   */
  async hookInput(input: HookInput, signal?: AbortSignal): Promise<HookOutcome> {
    const route = this.observe(input);
    if (route.ask) {
      const { closed } = this.ask({ source: 'hook', ...route.ask, ...(signal ? { signal } : {}) });
      return { kind: 'closed', item: await closed };
    }
    if (!route.event) return { kind: 'nothing' };
    const notified = this.ports.notify(route.event, input);
    const outcome: HookOutcome = { kind: 'notified', event: route.event };
    if (notified?.terminalSequence) outcome.terminalSequence = notified.terminalSequence;
    return outcome;
  }

  /**
   * A hook input that was already notified elsewhere (a command hook's event forwarded to the
   * app): recorded in the feed, and what it settles is settled. Nothing sounds twice.
   */
  observe(input: HookInput, event?: EventName): ReturnType<typeof routeHookInput> {
    const route = routeHookInput(input);
    // A command hook given its event by name may have had no hook JSON to read it from.
    if (!route.event && event) route.event = event;
    if (route.settles) this.desk.settleSession(route.settles);
    if (route.event && !route.ask) this.feed.record(route.event, input);
    return route;
  }

  /** A request for a decision (from the prompt tool, or a PermissionRequest hook). */
  ask(request: IncomingRequest): ReturnType<ApprovalDesk['ask']> {
    return this.desk.ask(request);
  }

  private onAdded(item: ApprovalItem) {
    if (item.sessionId) this.feed.sessions.touch(item.sessionId, item.cwd);
    if (isClosed(item)) return;
    this.ports.notify(
      'permission_request',
      {
        hook_event_name: 'PermissionRequest',
        tool_name: item.toolName,
        tool_input: item.input,
        ...(item.sessionId ? { session_id: item.sessionId } : {}),
        ...(item.cwd ? { cwd: item.cwd } : {}),
      },
      item,
    );
    if (item.transcriptPath && this.ports.followTranscript) {
      const stop = this.ports.followTranscript(item, () => this.desk.settle(item.id, 'claude-code'));
      if (isClosed(item)) stop();
      else this.followers.set(item.id, stop);
    }
  }
}
