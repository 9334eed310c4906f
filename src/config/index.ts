export { type ConfigEdit, readConfigForEdit, setConfigField, writeConfigField } from './edit.js';
export { describeProblems, type LoadedConfig, loadConfig } from './load.js';
export { isPrivateHost, type PhoneApprovals } from './phone.js';
export { FIXED_PORT_MIN, PORT_MAX, parsePortText, portProblem } from './port.js';
export { resolveEvent } from './profiles.js';
export { isQuietTime, parseClock } from './quiet-hours.js';
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
  TERMINAL_SETTINGS,
  type TerminalSetting,
} from './schema.js';
export { type ConfigProblem, soundSpecProblem, type ValidateOptions, validateConfig } from './validate.js';
