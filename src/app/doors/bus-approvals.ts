// Door: approval requests over the bus. The approval server's prompt-tool calls (a request on
// the app's channel, or a legacy post answered on the response channel) and the
// `ccbell permission-request` hook's questions, both handed to the core.
import { post } from '../../bus/index.js';
import { type Core, hookReplyOf } from '../../core/index.js';
import {
  APPROVAL_MAX_FRAME_BYTES,
  type HookApprovalReply,
  parseApprovalRequest,
  parseHookApprovalRequest,
} from '../../protocol/index.js';

export interface ApprovalDoorOptions {
  core: Core;
  /** Where a posted (not requested) prompt-tool call gets its answer. */
  responseChannel: string;
  busOptions: { dir?: string };
  warn: (line: string) => void;
  /** This machine's name: a request from it shows no host (issue 12). */
  localHost?: string;
}

/** The host a request shows: its own when it came from another machine, else none. */
function remoteHost(host: string | undefined, localHost: string | undefined) {
  return host && host !== localHost ? { host } : {};
}

type BusInfo = { kind: 'post' | 'request'; signal?: AbortSignal };

/** The bus handler of the app's request channel. */
export function approvalDoor(options: ApprovalDoorOptions) {
  const { core, warn } = options;
  return async (payload: unknown, info: BusInfo) => {
    if (
      typeof payload === 'object' &&
      payload !== null &&
      (payload as { kind?: unknown }).kind === 'permission_request'
    ) {
      return hookQuestion(core, payload, info.signal, options.localHost);
    }
    let request: ReturnType<typeof parseApprovalRequest>;
    try {
      request = parseApprovalRequest(payload);
    } catch (error) {
      warn(`refused a malformed approval request: ${(error as Error).message}`);
      throw error;
    }
    const { closed } = core.ask({
      source: 'prompt-tool',
      toolName: request.tool_name,
      input: request.input,
      toolUseId: request.tool_use_id,
      ...(request.cwd ? { cwd: request.cwd } : {}),
      ...remoteHost(request.host, options.localHost),
      ...(info.signal ? { signal: info.signal } : {}),
    });
    const item = await closed;
    const decision = item.decision;
    const answer = {
      tool_use_id: request.tool_use_id,
      behavior: decision?.behavior ?? 'deny',
      ...(decision?.updatedInput ? { updated_input: decision.updatedInput } : {}),
      ...(decision
        ? decision.message
          ? { message: decision.message }
          : {}
        : { message: `settled without a decision (${item.settled?.by ?? 'unknown'})` }),
    };
    if (info.kind === 'request') return answer;
    const delivery = await post(options.responseChannel, answer, {
      ...options.busOptions,
      maxFrameBytes: APPROVAL_MAX_FRAME_BYTES,
    });
    if (delivery.delivered === 0)
      warn(`nobody listened for the answer to ${item.id} on ${options.responseChannel}`);
    return undefined;
  };
}

/** A PermissionRequest hook's question: its decision, or word that it was settled elsewhere. */
async function hookQuestion(
  core: Core,
  payload: unknown,
  signal: AbortSignal | undefined,
  localHost: string | undefined,
): Promise<HookApprovalReply> {
  const question = parseHookApprovalRequest(payload);
  const { closed } = core.ask({
    source: 'hook',
    toolName: question.tool_name,
    input: question.input,
    ...(question.session_id ? { sessionId: question.session_id } : {}),
    ...(question.cwd ? { cwd: question.cwd } : {}),
    ...remoteHost(question.host, localHost),
    ...(question.transcript_path ? { transcriptPath: question.transcript_path } : {}),
    ...(question.permission_suggestions ? { permissionSuggestions: question.permission_suggestions } : {}),
    ...(signal ? { signal } : {}),
  });
  return hookReplyOf(await closed);
}
