export { type ConfigEdit, readConfigForEdit, setConfigField, writeConfigField } from './edit.js';
export { describeProblems, type LoadedConfig, loadConfig } from './load.js';
export { FIXED_PORT_MIN, PORT_MAX, parsePortText, portProblem } from './port.js';
export { resolveEvent } from './profiles.js';
export { isQuietTime, parseClock } from './quiet-hours.js';
/** The `remote` block (issue 12): a NATS broker beyond this machine. */
export {
  isLoopbackHost,
  type RemoteConfig,
  type RemoteCredentials,
  readRemoteConfig,
  remoteUsesTls,
  type SecretRef,
} from './remote.js';
export {
  type ApprovalRules,
  type Config,
  defaultConfig,
  EVENT_DEFAULTS,
  EVENT_NAMES,
  type EventConfig,
  type EventName,
  isEventName,
  type QuietHours,
  type ResolvedEvent,
} from './schema.js';
export { type ConfigProblem, soundSpecProblem, type ValidateOptions, validateConfig } from './validate.js';
