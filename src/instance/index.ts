export {
  type CreateOptions,
  copyInstance,
  createInstance,
  type InstanceStatus,
  instanceStatus,
  listInstanceStatuses,
  removeInstance,
} from './manage.js';
export {
  assertInstanceName,
  DEFAULT_INSTANCE,
  INSTANCE_COMMAND_WORDS,
  instanceNameProblem,
} from './names.js';
export {
  claudeConfigDir,
  defaultInstancePaths,
  expandHome,
  type InstanceConfig,
  registryPath,
} from './paths.js';
export {
  type AppRecord,
  claimPidFile,
  isProcessAlive,
  readRunningApp,
  releasePidFile,
  updatePidFile,
} from './pidfile.js';
export {
  isKnownInstance,
  listInstances,
  type Registry,
  type RegistryChange,
  readRegistry,
  resolveInstance,
  selectInstanceName,
  updateRegistry,
} from './registry.js';
