// The long-running app of one named instance: a runtime identity, the core, and the doors that
// feed it. Wiring only: each door is its own module, and the core decides.
import {
  type ApprovalChannels,
  channelsFor,
  createRuntimeIdentity,
  type RuntimeIdentity,
} from '../approval/index.js';
import { hostName } from '../approval/route.js';
import {
  type BusHandler,
  type BusTransport,
  discoverySubject,
  localTransport,
  type RemoteTransport,
} from '../bus/index.js';
import { appSubjects } from '../bus/subjects.js';
import { deliverToChannels } from '../channels/index.js';
import type { DeliveryRequest, MessageAction } from '../channels/types.js';
import type { EventName, LoadedConfig } from '../config/index.js';
import { type ApprovalItem, Core } from '../core/index.js';
import { messageOf } from '../errors.js';
import { decide, type HookInput, handleEvent, startEvent } from '../events/index.js';
import type { InstanceConfig } from '../instance/index.js';
import type { Logger } from '../log/index.js';
import { startShellLauncher } from '../notify/index.js';
import { APPROVAL_MAX_FRAME_BYTES } from '../protocol/index.js';
import { checkRules } from '../rules/index.js';
import { approvalDoor } from './doors/bus-approvals.js';
import { eventDoor } from './doors/bus-events.js';
import { controlDoor } from './doors/control.js';
import type { KnownPlace } from './focus.js';
import { type PhoneApprovalsDoor, startPhoneApprovals } from './phone/index.js';
import { watchToolCall } from './transcript-watch.js';

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
  /** How often a waiting request's transcript is checked (tests); default 250 ms. */
  transcriptPollMs?: number;
  /**
   * Also serve the app's requests, events and control from a NATS broker (`ccbell app --remote`,
   * issue 12), on `ccbell.<user>.<instance>.<runtime id>.*`, and answer the user's discovery.
   */
  remote?: { transport: RemoteTransport; user: string };
  /**
   * A session's recorded terminal (src/app/focus.ts sessionPlaces): notifications then focus it
   * on a click, and `quietWhenFocused` can check its tmux pane. Absent: neither.
   */
  placeOf?: (sessionId: string) => KnownPlace | undefined;
}

/** A running app: its identity and channels, its core, and how to stop it. */
export interface RunningApp {
  identity: RuntimeIdentity;
  channels: ApprovalChannels;
  /** The app's NATS subjects, when it serves a broker too. */
  subjects?: ReturnType<typeof appSubjects>;
  instance: string;
  core: Core;
  /** Sets the page's address (no token), shown in desktop notifications. */
  setPageUrl(url: string): void;
  /** The phone's action endpoint, when `phoneApprovals` is on. */
  phone?: { port: number; publicUrl: string };
  stop(): Promise<void>;
}

/**
 * Starts an app for one named instance: its core, with the instance's rules (a broken one is
 * reported as doctor names it, and skipped), and its bus doors: requests, events, control.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { instance, logger, loaded } = options;
  const config = loaded.config;
  const identity = options.identity ?? createRuntimeIdentity();
  const channels = channelsFor(identity.id);
  const busOptions = options.busDir ? { dir: options.busDir } : {};
  const localHost = hostName(options.env);
  const subjects = options.remote ? appSubjects(options.remote.user, instance.name, identity.id) : undefined;
  const { allow, deny, problems } = checkRules(config.approvals);
  for (const { field, problem } of problems)
    logger.warn(`config ${loaded.path}: ${field} ${problem}; skipping it`);

  let pageUrl: string | undefined;
  logger.debug(`App instance ID: ${identity.id}`);

  let phone: PhoneApprovalsDoor | undefined;
  // Players and speech start from a small shell of the app's own: a fork of the app would hold
  // its event loop for milliseconds per sound (src/notify/launcher.ts).
  const launcher = startShellLauncher({ onProblem: (problem) => logger.warn(problem) });
  const eventContext = (event: EventName, input: HookInput | undefined, actions?: MessageAction[]) => {
    const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
    // The recorded terminal is a file read: only for an event that will notify (the rest, a
    // SessionEnd say, are answered on the http hook's hot path).
    const known =
      sessionId && options.placeOf && decide(config, event, new Date(), input).go
        ? options.placeOf(sessionId)
        : undefined;
    return {
      event,
      input,
      instance,
      loaded,
      logger,
      env: options.env,
      bundledSoundsDir: options.bundledSoundsDir,
      launch: launcher.launch,
      ...(pageUrl ? { url: pageUrl } : {}),
      ...(actions ? { actions } : {}),
      ...(known ? { place: known.place, click: known.click } : {}),
      // In the app, webhook channels are delivered in process (retries and all, off the answer's path).
      deliver: (request: DeliveryRequest) =>
        void deliverToChannels(request, {
          config,
          cacheDir: instance.cache_dir,
          logger,
          env: options.env,
        }).catch((error) => logger.warn(`channel delivery failed: ${messageOf(error)}`)),
    };
  };
  const notify = (event: EventName, input: HookInput | undefined, request?: ApprovalItem) => {
    if (request) {
      // A new request: nobody waits on its notification, so it goes after the filing is done.
      // Actions are minted now, not in the deferred call: a rule or a fast answer may close it first.
      const actions = phone ? phone.actionsFor(request.id) : undefined;
      setImmediate(() => {
        // The hook that brought the request waits for its decision: no terminal sequence rides it.
        handleEvent({ ...eventContext(event, input, actions), noTerminalOutput: true }).catch((error) =>
          logger.warn(`notification for ${event} failed: ${messageOf(error)}`),
        );
      });
      return undefined;
    }
    // An http hook's event: its response carries the terminal sequence, so the rules and the
    // cooldown are decided now (a few file operations); the process starts wait until the
    // response is out, and the desktop notification's end is not waited for.
    try {
      const started = startEvent({ ...eventContext(event, input), defer: (start) => setImmediate(start) });
      started.done.catch((error) => logger.warn(`notification for ${event} failed: ${messageOf(error)}`));
      const { outcome } = started;
      return outcome.terminal ? { terminalSequence: outcome.terminal.sequence } : undefined;
    } catch (error) {
      logger.warn(`notification for ${event} failed: ${messageOf(error)}`);
      return undefined;
    }
  };
  const core = new Core({
    instance: instance.name,
    timeoutMs: config.approvalTimeoutSeconds * 1000,
    rules: { allow, deny },
    ports: {
      notify,
      followTranscript: (item, onAnswered) =>
        watchToolCall({
          path: item.transcriptPath!,
          toolName: item.toolName,
          input: item.input,
          requestedAt: item.createdAt,
          onAnswered,
          ...(options.transcriptPollMs ? { pollMs: options.transcriptPollMs } : {}),
          onRefused: (reason) => logger.warn(`request ${item.id}: ${reason}`),
        }),
    },
  });
  core.desk.book.on('added', (item) =>
    logger.debug(
      `request ${item.id}: ${item.toolName} (${item.risk}) ${item.summary} from ${item.sources.join('+')}`,
    ),
  );
  core.desk.book.on('answered', (item) =>
    logger.debug(
      item.decision
        ? `request ${item.id} answered ${item.decision.behavior} by ${item.decision.by}`
        : `request ${item.id} settled by ${item.settled?.by}`,
    ),
  );

  const warn = (line: string) => logger.warn(line);
  const observers: { close(): Promise<void> }[] = [];
  const onError = (error: unknown) => logger.warn(`bus: ${messageOf(error)}`);
  const local = localTransport(busOptions);
  const listen = async (
    transport: BusTransport,
    name: string,
    handler: BusHandler,
    maxFrameBytes?: number,
  ) => {
    observers.push(
      await transport.observe(name, handler, { onError, ...(maxFrameBytes ? { maxFrameBytes } : {}) }),
    );
  };
  try {
    if (config.phoneApprovals)
      phone = await startPhoneApprovals({ core, settings: config.phoneApprovals, warn });
    const approvals = approvalDoor({ core, responseChannel: channels.response, busOptions, warn, localHost });
    const events = eventDoor(core, warn);
    const control = controlDoor({ core, instance: instance.name, runtimeId: identity.id });
    await listen(local, channels.request, approvals, APPROVAL_MAX_FRAME_BYTES);
    logger.debug(`ApprovalBridge listening for: ${channels.request}`);
    if (options.acceptLegacy) {
      const legacy = channelsFor(undefined);
      await listen(
        local,
        legacy.request,
        approvalDoor({ core, responseChannel: legacy.response, busOptions, warn, localHost }),
        APPROVAL_MAX_FRAME_BYTES,
      );
      logger.debug(`ApprovalBridge listening for: ${legacy.request}`);
    }
    await listen(local, channels.events, events, APPROVAL_MAX_FRAME_BYTES);
    await listen(local, channels.control, control);
    if (options.remote && subjects) {
      // The same doors, reached through the broker: a request is handled the same whichever way it came.
      const remote = options.remote.transport;
      await listen(remote, subjects.approval, approvals, APPROVAL_MAX_FRAME_BYTES);
      await listen(remote, subjects.events, events, APPROVAL_MAX_FRAME_BYTES);
      await listen(remote, subjects.control, control);
      await listen(remote, discoverySubject(options.remote.user), () => ({
        instance: instance.name,
        runtime_id: identity.id,
        host: localHost,
        control: subjects.control,
        pending: core.desk.pending().length,
      }));
      logger.debug(`serving ${subjects.approval} (and .events, .control) from the broker too`);
    }
  } catch (error) {
    launcher.close();
    await Promise.all([...observers.map((o) => o.close()), phone?.close()]);
    throw error;
  }

  return {
    identity,
    channels,
    ...(subjects ? { subjects } : {}),
    instance: instance.name,
    core,
    setPageUrl: (url) => {
      pageUrl = url;
    },
    ...(phone && config.phoneApprovals
      ? { phone: { port: phone.port, publicUrl: config.phoneApprovals.publicUrl } }
      : {}),
    stop: async () => {
      launcher.close();
      await Promise.all([...observers.map((o) => o.close()), phone?.close()]);
    },
  };
}
