// Channels (issue 10): named webhooks, terminal and speech.
export {
  BUILTIN_CHANNELS,
  CHANNEL_TYPES,
  type ChannelSettings,
  type ChannelType,
  DEFAULT_RATE_LIMIT,
  type DiscordChannel,
  type EventTemplates,
  isBuiltinChannel,
  isSecretRef,
  isWebhookType,
  type NtfyChannel,
  PLACEHOLDER,
  type PushoverChannel,
  type RateLimit,
  SECRET_HEADER,
  type SlackChannel,
  type SpeechChannel,
  TEMPLATE_FIELDS,
  type TelegramChannel,
  type TemplatesByEvent,
  type TerminalChannel,
  templatePlaceholders,
  templateProblem,
  WEBHOOK_BODY_FIELDS,
  WEBHOOK_TYPES,
  type WebhookChannel,
  type WebhookSettings,
  type WebhookType,
} from './channels.js';
export { type ConfigEdit, readConfigForEdit, setConfigField, writeConfigField } from './edit.js';
export { describeProblems, type LoadedConfig, loadConfig } from './load.js';
export { isPrivateHost, type PhoneApprovals } from './phone.js';
// Per-project settings (issue 11).
export { configForPlace, type Place, type PlacedConfig } from './place.js';
export { FIXED_PORT_MIN, PORT_MAX, parsePortText, portProblem } from './port.js';
export { resolveEvent } from './profiles.js';
export { findProjectFile, PROJECT_FILE_NAME } from './project-file.js';
export { globRegex, matchProjectRule } from './project-rules.js';
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
  TERMINAL_SETTINGS,
  type TerminalSetting,
} from './schema.js';
export { type ConfigProblem, soundSpecProblem, type ValidateOptions, validateConfig } from './validate.js';
