import { join } from 'node:path';
import { locateApp } from '../../app/client.js';
import { channelsFor } from '../../approval/identity.js';
import { hostName, requestApp, sessionRemote, subjectsOf } from '../../approval/route.js';
import { busDirectory, localTransport } from '../../bus/index.js';
import { routeHookInput } from '../../core/route.js';
import { messageOf } from '../../errors.js';
import { handleEvent, readStdinHookInput } from '../../events/index.js';
import { terminalHookOutput } from '../../events/terminal.js';
import { canFocus, focusClick, placeFromEnv } from '../../notify/index.js';
import {
  APPROVAL_MAX_FRAME_BYTES,
  type HookApprovalRequest,
  hookDecisionOutput,
  parseHookApprovalReply,
} from '../../protocol/index.js';
import { recordPlace } from '../../state/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { detachedDelivery } from '../detached-delivery.js';
import { stateLockWaitMs } from '../hook-budget.js';
import { openInstance } from '../instance-context.js';

/**
 * `ccbell [--instance NAME] permission-request`: a PermissionRequest hook. Asks the app that
 * launched the session (or the instance's running app) and prints Claude Code's decision JSON.
 * With no app, or no answer, it prints no decision, so Claude Code's own dialog appears; it then
 * notifies like the `permission_request` event, and prints only `{"terminalSequence": …}` when
 * the terminal channel gives one (never next to a decision). When the person answers in that dialog, the app
 * learns it and tells this hook, which then ends at once, printing nothing. Exit 0 always, but
 * for a bad instance name.
 */
export async function runPermissionRequest(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  // Under an app, the app's own hooks ask it; a user-level copy of this hook stays quiet.
  if (env.CCBELL_APP_HOOKS && !args.flags['app-hook']) return 0;
  const { instance, loaded, logger } = openInstance(args, context);
  // A Write's content can be large; the approval channel carries up to APPROVAL_MAX_FRAME_BYTES.
  const read = await readStdinHookInput(env, { maxBytes: APPROVAL_MAX_FRAME_BYTES / 2 });
  const input = read.kind === 'json' ? read.input : undefined;
  // Where the session's terminal lives, for the app's "Go to session" and a notification's click.
  const place = placeFromEnv(env);
  const sessionId = typeof input?.session_id === 'string' ? input.session_id : undefined;
  if (sessionId && canFocus(place))
    recordPlace(instance.cache_dir, sessionId, place as Record<string, string>);
  const notifyInstead = () =>
    handleEvent({
      event: 'permission_request',
      input,
      instance,
      loaded,
      logger,
      env,
      bundledSoundsDir: join(context.packageRoot, 'sounds'),
      stateLockWaitMs: stateLockWaitMs(),
      place,
      click: sessionId
        ? focusClick(place, {
            nodePath: process.execPath,
            cliPath: context.cliPath,
            instance: instance.name,
            sessionId,
          })
        : undefined,
      // As the command hook does: webhook channels go out from a detached `ccbell deliver`.
      deliver: detachedDelivery(context, instance.name, loaded.path, logger, env),
    }).then(
      (outcome) => {
        // No decision is printed on this path, so Claude Code's dialog appears: the terminal
        // channel (or the bell standing in for a missing player) rings for it, over SSH too.
        if (outcome.terminal) context.stdout(`${terminalHookOutput(outcome.terminal.sequence)}\n`);
        return 0;
      },
      // A failed notification (no sound player, say) must not turn into a hook error: the
      // decision is already left to Claude Code, and this hook promises exit 0.
      (error: unknown) => {
        logger.warn(`permission-request: could not notify: ${messageOf(error)}`);
        return 0;
      },
    );

  const ask = input ? routeHookInput(input).ask : undefined;
  if (!input || !ask) {
    logger.warn(
      read.kind === 'invalid' ? read.reason : 'PermissionRequest input without tool_name/tool_input',
    );
    return notifyInstead();
  }
  let app: ReturnType<typeof locateApp>;
  try {
    app = locateApp(instance, env);
  } catch (error) {
    logger.warn(`permission-request: ${messageOf(error)}; leaving the decision to Claude Code`);
    return notifyInstead();
  }
  if (!app) {
    logger.debug('permission-request: no app running; leaving the decision to Claude Code');
    return notifyInstead();
  }
  const channel = channelsFor(app.runtimeId).request;
  const question: HookApprovalRequest = {
    kind: 'permission_request',
    tool_name: ask.toolName,
    input: ask.input,
    ...(ask.sessionId ? { session_id: ask.sessionId } : {}),
    ...(ask.cwd ? { cwd: ask.cwd } : {}),
    ...(ask.transcriptPath ? { transcript_path: ask.transcriptPath } : {}),
    ...(ask.permissionSuggestions ? { permission_suggestions: ask.permissionSuggestions } : {}),
    host: hostName(env),
  };
  // With a remote config, an app not on this machine is asked through the broker (issue 12).
  const subject = subjectsOf(loaded.config.remote, instance.name, app.runtimeId)?.approval;
  const remote = subject ? sessionRemote(loaded.config.remote, env, 'permission-request') : undefined;
  try {
    logger.debug(`permission-request: asking ${channel} about ${ask.toolName}`);
    const { reply: answer, via } = await requestApp({ channel, ...(subject ? { subject } : {}) }, question, {
      timeoutMs: loaded.config.approvalTimeoutSeconds * 1000,
      maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
      local: localTransport({ dir: busDirectory(env) }),
      ...(remote ? { remote } : {}),
    });
    const reply = parseHookApprovalReply(answer);
    if (via === 'nats') logger.debug(`permission-request: answered through the broker (${subject})`);
    if (reply.outcome === 'settled') {
      // Answered in Claude Code's own dialog (or nobody's to answer): no decision to give.
      logger.debug(`permission-request: request ${reply.request_id} settled by ${reply.settled_by}`);
      return 0;
    }
    logger.debug(
      `permission-request: ${reply.behavior} by ${reply.answered_by} (request ${reply.request_id})`,
    );
    context.stdout(`${hookDecisionOutput(reply, ask.toolName)}\n`);
    return 0;
  } catch (error) {
    logger.warn(`permission-request: no decision from the app (${messageOf(error)}); Claude Code will ask`);
    return notifyInstead();
  } finally {
    await remote?.close();
  }
}
