export { type ConfigEdit, readConfigForEdit, setConfigField, writeConfigField } from './edit.js';
export { describeProblems, type LoadedConfig, loadConfig } from './load.js';
// Per-project settings (issue 11).
export { configForPlace, type Place, type PlacedConfig } from './place.js';
export { FIXED_PORT_MIN, PORT_MAX, parsePortText, portProblem } from './port.js';
export { resolveEvent } from './profiles.js';
export { findProjectFile, PROJECT_FILE_NAME } from './project-file.js';
export { globRegex, matchProjectRule } from './project-rules.js';
export { isQuietTime, parseClock } from './quiet-hours.js';
export type { ProjectRule } from './schema.js';
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
