export {
  addHook,
  ccbellHooks,
  HOOK_SOURCES,
  type HookEntry,
  type HookPlan,
  type HookSource,
  type HooksSection,
  hookCommand,
  hookMarker,
  httpHookEntry,
  installedEvents,
  type MatcherGroup,
  mergeHooks,
  shellQuote,
  withoutInstanceHooks,
} from './hooks.js';
export { readSettings, type SettingsFile, userSettingsPath, writeSettings } from './settings.js';
