import {
  APPROVAL_MAX_FRAME_BYTES,
  type ApprovalChannels,
  type ApprovalRequest,
  channelsFor,
  checkRules,
  createRuntimeIdentity,
  decideByRules,
  parseApprovalRequest,
  parseToolInput,
  type RuntimeIdentity,
} from '../approval/index.js';
import { type Observer, observe, post } from '../bus/index.js';
import type { EventName, LoadedConfig } from '../config/index.js';
import { messageOf } from '../errors.js';
import { eventFromInput, type HookInput, handleEvent } from '../events/index.js';
import type { InstanceConfig } from '../instance/index.js';
import type { Logger } from '../log/index.js';
import {
  type ControlRequest,
  type HookApprovalReply,
  type HookApprovalRequest,
  hookDecisionOutput,
  viewOf,
} from './protocol.js';
import { type AnsweredBy, type ApprovalItem, type Decision, RequestBook } from './requests.js';
import { type SessionInfo, SessionTable } from './sessions.js';

/** One entry of the app's event feed: what a session did, when. */
export interface FeedEntry {
  at: number;
  event: string;
  sessionId?: string;
  label: string;
  detail?: string;
}

export interface AppOptions {
  instance: InstanceConfig;
  loaded: LoadedConfig;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  bundledSoundsDir: string;
  /** Also serve the un-suffixed legacy channels (for approval servers started with no id). */
  acceptLegacy?: boolean;
  /** Bus directory (tests); default from the environment. */
  busDir?: string;
  identity?: RuntimeIdentity;
}

/** A running app: its identity, its book of requests, and the ways to answer and stop it. */
export interface RunningApp {
  identity: RuntimeIdentity;
  channels: ApprovalChannels;
  book: RequestBook;
  sessions: SessionTable;
  feed: FeedEntry[];
  /** Listeners for the feed (the terminal, the page). */
  onFeed: Set<(entry: FeedEntry) => void>;
  answer(id: string, decision: Decision, by: AnsweredBy): ReturnType<RequestBook['answer']>;
  /**
   * Handles one http hook's input in process; resolves with the hook's JSON output. `signal`
   * fires when the hook's caller stops waiting.
   */
  handleHookInput(input: HookInput, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** Sets the page's address (no token), shown in desktop notifications. */
  setPageUrl(url: string): void;
  stop(): Promise<void>;
}

const FEED_LIMIT = 300;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseHookRequest(payload: Record<string, unknown>): HookApprovalRequest {
  const request = parseApprovalRequest({
    tool_name: payload.tool_name,
    input: payload.input,
    tool_use_id: 'hook',
    ...(typeof payload.cwd === 'string' ? { cwd: payload.cwd } : {}),
  });
  return {
    kind: 'permission_request',
    tool_name: request.tool_name,
    input: request.input,
    ...(typeof payload.session_id === 'string' ? { session_id: payload.session_id.slice(0, 200) } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
    ...(Array.isArray(payload.permission_suggestions)
      ? { permission_suggestions: payload.permission_suggestions }
      : {}),
  };
}

/**
 * Starts an app for one named instance: a runtime identity, observers on its own request, event
 * and control channels, and a book of requests that rules, the terminal, the page and
 * `ccbell answer` all answer through, first answer winning.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { instance, logger, loaded } = options;
  const config = loaded.config;
  const identity = options.identity ?? createRuntimeIdentity();
  const channels = channelsFor(identity.id);
  const legacy = channelsFor(undefined);
  const book = new RequestBook(config.approvalTimeoutSeconds * 1000);
  const sessions = new SessionTable();
  const feed: FeedEntry[] = [];
  const onFeed = new Set<(entry: FeedEntry) => void>();
  const sessionRules = new Map<string, string[]>();
  const busOptions = options.busDir ? { dir: options.busDir } : {};
  // Rules are checked once at start: a broken one is reported (as doctor names it) and skipped.
  const { allow, deny, problems } = checkRules(config.approvals);
  for (const { field, problem } of problems)
    logger.warn(`config ${loaded.path}: ${field} ${problem}; skipping it`);

  let pageUrl: string | undefined;
  logger.debug(`App instance ID: ${identity.id}`);

  const pushFeed = (entry: FeedEntry) => {
    feed.push(entry);
    if (feed.length > FEED_LIMIT) feed.splice(0, feed.length - FEED_LIMIT);
    for (const listener of onFeed) listener(entry);
  };

  const notify = async (event: EventName, input: HookInput | undefined) => {
    try {
      await handleEvent({
        event,
        input,
        instance,
        loaded,
        logger,
        env: options.env,
        bundledSoundsDir: options.bundledSoundsDir,
        ...(pageUrl ? { url: pageUrl } : {}),
      });
    } catch (error) {
      logger.warn(`notification for ${event} failed: ${messageOf(error)}`);
    }
  };

  const recordEvent = (event: string, input: HookInput | undefined) => {
    const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
    const cwd = typeof input?.cwd === 'string' ? input.cwd : undefined;
    const session: SessionInfo | undefined = sessionId
      ? sessions.touch(sessionId, cwd, event === 'session_end')
      : undefined;
    const detail =
      typeof input?.message === 'string'
        ? input.message
        : typeof input?.last_assistant_message === 'string'
          ? input.last_assistant_message
          : undefined;
    pushFeed({
      at: Date.now(),
      event,
      label: session?.label ?? 'unknown session',
      ...(sessionId ? { sessionId } : {}),
      ...(detail ? { detail: detail.slice(0, 200) } : {}),
    });
  };

  const settleByRules = (item: ApprovalItem) => {
    const context = item.cwd ? { cwd: item.cwd } : {};
    const verdict = decideByRules({ allow, deny }, item.toolName, item.input, context);
    if (verdict === 'deny')
      book.answer(item.id, { behavior: 'deny', message: 'denied by a ccbell rule' }, 'rules');
    else if (verdict === 'allow') book.answer(item.id, { behavior: 'allow' }, 'rules');
    else {
      const fromSession = sessionRules.get(item.sessionId ?? '*') ?? [];
      if (
        fromSession.length &&
        decideByRules({ allow: fromSession }, item.toolName, item.input, context) === 'allow'
      ) {
        book.answer(item.id, { behavior: 'allow' }, 'session-rule');
      }
    }
  };

  /** Answers a request; "always allow for the session" also adds the rule for later requests. */
  const answer = (id: string, decision: Decision, by: AnsweredBy) => {
    const item = book.get(id);
    if (item && !item.decision && decision.behavior === 'allow' && decision.sessionRule) {
      const key = item.sessionId ?? '*';
      sessionRules.set(key, [...(sessionRules.get(key) ?? []), decision.sessionRule]);
    }
    return book.answer(id, decision, by);
  };

  book.on('added', (item) => {
    if (item.sessionId) sessions.touch(item.sessionId, item.cwd);
    logger.debug(
      `request ${item.id}: ${item.toolName} (${item.risk}) ${item.summary} from ${item.sources.join('+')}`,
    );
    settleByRules(item);
    if (!item.decision) {
      void notify('permission_request', {
        hook_event_name: 'PermissionRequest',
        tool_name: item.toolName,
        ...(item.sessionId ? { session_id: item.sessionId } : {}),
        ...(item.cwd ? { cwd: item.cwd } : {}),
      });
    }
  });
  book.on('answered', (item) => {
    logger.debug(`request ${item.id} answered ${item.decision?.behavior} by ${item.decision?.by}`);
  });

  /** A PermissionRequest hook's question (by command hook over the bus, or by http hook). */
  const askFromHook = async (hook: HookApprovalRequest, signal?: AbortSignal): Promise<HookApprovalReply> => {
    const { decided } = book.submit({
      ...(signal ? { signal } : {}),
      source: 'hook',
      toolName: hook.tool_name,
      input: hook.input,
      ...(hook.session_id ? { sessionId: hook.session_id } : {}),
      ...(hook.cwd ? { cwd: hook.cwd } : {}),
      ...(hook.permission_suggestions ? { permissionSuggestions: hook.permission_suggestions } : {}),
    });
    const item = await decided;
    const decision = item.decision!;
    return {
      behavior: decision.behavior,
      request_id: item.id,
      answered_by: decision.by,
      ...(decision.message ? { message: decision.message } : {}),
      ...(decision.updatedInput ? { updated_input: decision.updatedInput } : {}),
      ...(decision.sessionRule ? { session_rule: decision.sessionRule } : {}),
    };
  };

  /**
   * One http hook: the same rules and channels as the command hook, in process. A
   * PermissionRequest waits for its decision; the result is the hook's JSON output.
   */
  const handleHookInput = async (
    input: HookInput,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> => {
    logger.debug(
      `http hook: ${String(input.hook_event_name ?? '-').slice(0, 40)} session=${String(input.session_id ?? '-').slice(0, 80)}`,
    );
    if (input.hook_event_name === 'PermissionRequest') {
      if (typeof input.tool_name !== 'string' || !isObject(input.tool_input)) return {};
      const hook = parseHookRequest({ ...input, kind: 'permission_request', input: input.tool_input });
      const reply = await askFromHook(hook, signal);
      return JSON.parse(hookDecisionOutput(reply, hook.tool_name)) as Record<string, unknown>;
    }
    const event = eventFromInput(input);
    if (event) {
      recordEvent(event, input);
      // Claude Code waits for the response, not for the sound: answer first, then notify.
      setImmediate(() => void notify(event, input));
    }
    return {};
  };

  /**
   * A request from the approval server or a PermissionRequest hook (request/reply, where the
   * connection closing means the caller left), or from an approval server that posts.
   */
  const onRequest =
    (responseChannel: string) =>
    async (payload: unknown, info: { kind: 'post' | 'request'; signal?: AbortSignal }) => {
      if (!isObject(payload)) throw new Error('request must be a JSON object');
      if (payload.kind === 'permission_request') return askFromHook(parseHookRequest(payload), info.signal);
      let request: ApprovalRequest;
      try {
        request = parseApprovalRequest(payload);
      } catch (error) {
        logger.warn(`refused a malformed approval request: ${messageOf(error)}`);
        throw error;
      }
      const { decided } = book.submit({
        ...(info.signal ? { signal: info.signal } : {}),
        source: 'prompt-tool',
        toolName: request.tool_name,
        input: request.input,
        toolUseId: request.tool_use_id,
        ...(request.cwd ? { cwd: request.cwd } : {}),
      });
      const item = await decided;
      const decision = item.decision!;
      const answerPayload = {
        tool_use_id: request.tool_use_id,
        behavior: decision.behavior,
        ...(decision.updatedInput ? { updated_input: decision.updatedInput } : {}),
        ...(decision.message ? { message: decision.message } : {}),
      };
      if (info.kind === 'request') return answerPayload;
      const delivery = await post(responseChannel, answerPayload, {
        ...busOptions,
        maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
      });
      if (delivery.delivered === 0)
        logger.warn(`nobody listened for the answer to ${item.id} on ${responseChannel}`);
      return undefined;
    };

  const onControl = async (payload: unknown) => {
    if (!isObject(payload)) throw new Error('control request must be a JSON object');
    const control = payload as ControlRequest;
    switch (control.op) {
      case 'status':
        return {
          instance: instance.name,
          runtime_id: identity.id,
          sessions: sessions.list(),
          pending: book.pending().map(viewOf),
        };
      case 'pending':
        return { pending: book.pending().map(viewOf) };
      case 'answer': {
        if (typeof control.id !== 'string') throw new Error('answer needs an id');
        if (control.behavior !== 'allow' && control.behavior !== 'deny')
          throw new Error('behavior must be allow or deny');
        const result = answer(
          control.id,
          {
            behavior: control.behavior,
            ...(typeof control.message === 'string' ? { message: control.message.slice(0, 4000) } : {}),
            ...(control.updated_input !== undefined
              ? { updatedInput: parseToolInput(control.updated_input, 'updated_input') }
              : {}),
          },
          control.by === 'page' ? 'page' : 'cli',
        );
        if (result.ok) return { ok: true, item: viewOf(result.item) };
        if (result.reason === 'unknown') return { ok: false, reason: 'unknown' };
        return { ok: false, reason: 'already-answered', item: viewOf(result.item) };
      }
      default:
        throw new Error(`unknown control operation ${JSON.stringify((payload as { op?: unknown }).op)}`);
    }
  };

  const onEvent = (payload: unknown) => {
    if (!isObject(payload) || typeof payload.event !== 'string') return;
    recordEvent(
      payload.event.slice(0, 40),
      isObject(payload.input) ? (payload.input as HookInput) : undefined,
    );
  };

  const observers: Observer[] = [];
  const onError = (error: unknown) => logger.warn(`bus: ${messageOf(error)}`);
  const listen = async (name: string, handler: Parameters<typeof observe>[1], maxFrameBytes?: number) => {
    observers.push(
      await observe(name, handler, { ...busOptions, onError, ...(maxFrameBytes ? { maxFrameBytes } : {}) }),
    );
  };
  try {
    await listen(channels.request, onRequest(channels.response), APPROVAL_MAX_FRAME_BYTES);
    logger.debug(`ApprovalBridge listening for: ${channels.request}`);
    if (options.acceptLegacy) {
      await listen(legacy.request, onRequest(legacy.response), APPROVAL_MAX_FRAME_BYTES);
      logger.debug(`ApprovalBridge listening for: ${legacy.request}`);
    }
    await listen(channels.events, onEvent, APPROVAL_MAX_FRAME_BYTES);
    await listen(channels.control, onControl);
  } catch (error) {
    await Promise.all(observers.map((o) => o.close()));
    throw error;
  }

  return {
    identity,
    channels,
    book,
    sessions,
    feed,
    onFeed,
    answer,
    handleHookInput,
    setPageUrl: (url) => {
      pageUrl = url;
    },
    stop: async () => {
      await Promise.all(observers.map((o) => o.close()));
    },
  };
}
