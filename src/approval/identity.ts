// Internal to src/approval: the runtime identity of one running app and the channel names that
// carry it, ported from ClaudeCodeUI's AppInstanceIdentifier.
import { EnvironmentError } from '../errors.js';

/** The variable that carries a runtime id from the app to the Claude Code it launched. */
export const RUNTIME_ID_ENV = 'CLAUDE_CODE_UI_INSTANCE_ID';

/** The variable that carries the named instance (`work`, `default`) to child processes. */
export const INSTANCE_NAME_ENV = 'CCBELL_INSTANCE';

// `<pid>_<start ms>`; the bounds keep a hostile value from making absurd channel names.
const RUNTIME_ID_PATTERN = /^[0-9]{1,10}_[0-9]{1,16}$/;

/** What one running app is: its id, and the process id and start time it is made of. */
export interface RuntimeIdentity {
  readonly id: string;
  readonly pid: number;
  readonly startedAt: number;
}

/** The bus channel names of one runtime identity (or the legacy un-suffixed ones). */
export interface ApprovalChannels {
  /** Approval server → app: an approval request. */
  readonly request: string;
  /** App → approval server: the answer to a request. */
  readonly response: string;
  /** Hooks → app: the event feed. */
  readonly events: string;
  /** Tools (`pending`, `answer`) → app: control requests. */
  readonly control: string;
}

/** A runtime id (or the variable holding one) is malformed. */
export class RuntimeIdError extends EnvironmentError {
  override name = 'RuntimeIdError';
  constructor(
    readonly value: string,
    readonly variable?: string,
  ) {
    super(
      `${variable ? `${variable}: ` : ''}malformed runtime id ${JSON.stringify(value.slice(0, 80))}` +
        ' (expected <pid>_<start ms>, e.g. 12345_1763770000123)',
    );
  }
}

/** Makes the identity of an app starting now; each running app has its own. */
export function createRuntimeIdentity(now: number = Date.now(), pid: number = process.pid): RuntimeIdentity {
  const startedAt = Math.trunc(now);
  const id = `${Math.trunc(pid)}_${startedAt}`;
  if (!isRuntimeId(id)) throw new RuntimeIdError(id);
  return { id, pid: Math.trunc(pid), startedAt };
}

/** Whether a string is a well-formed runtime id (`digits_digits`). */
export function isRuntimeId(value: string): boolean {
  return RUNTIME_ID_PATTERN.test(value);
}

/**
 * The runtime id found in an environment: undefined when unset or empty (legacy channel names),
 * the id when well-formed, else a RuntimeIdError naming the variable.
 */
export function runtimeIdFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[RUNTIME_ID_ENV];
  if (value === undefined || value === '') return undefined;
  if (!isRuntimeId(value)) throw new RuntimeIdError(value, RUNTIME_ID_ENV);
  return value;
}

/** The channel names of a runtime id; with no id, the legacy names older apps and servers use. */
export function channelsFor(id: string | undefined): ApprovalChannels {
  if (id === undefined || id === '') {
    return {
      request: 'ClaudeCodeUIApprovalRequest',
      response: 'ClaudeCodeUIApprovalResponse',
      events: 'ClaudeCodeUIEvent',
      control: 'ccbell.control',
    };
  }
  if (!isRuntimeId(id)) throw new RuntimeIdError(id);
  return {
    request: `ClaudeCodeUIApprovalRequest_${id}`,
    response: `ClaudeCodeUIApprovalResponse_${id}`,
    events: `ClaudeCodeUIEvent_${id}`,
    control: `ccbell.control_${id}`,
  };
}

/** The variables the app adds to the environment of the Claude Code it launches. */
export function childEnvironment(id: string, instanceName: string): Record<string, string> {
  if (!isRuntimeId(id)) throw new RuntimeIdError(id);
  return { [RUNTIME_ID_ENV]: id, [INSTANCE_NAME_ENV]: instanceName };
}
