export { splitCommandLine } from './command-line.js';
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
  onlyInstanceHooks,
  shellQuote,
  withoutInstanceHooks,
} from './hooks.js';
export { type HookRepair, type RepairOptions, repairHooks } from './repair.js';
export { readSettings, type SettingsFile, userSettingsPath, writeSettings } from './settings.js';
export { hookTokenEnv } from './token-env.js';
export {
  eachHook,
  eventsFiredBy,
  type HookOrigin,
  markedInstance,
  readWiring,
  type WiredHook,
  type Wiring,
} from './wiring.js';
