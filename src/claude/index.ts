export {
  ccbellHooks,
  HOOK_SOURCES,
  type HookEntry,
  type HookPlan,
  type HooksSection,
  hookCommand,
  hookMarker,
  installedEvents,
  type MatcherGroup,
  mergeHooks,
  shellQuote,
  withoutInstanceHooks,
} from './hooks.js';
export { readSettings, type SettingsFile, userSettingsPath, writeSettings } from './settings.js';
