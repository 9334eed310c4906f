// Run at login: the instance's app as a systemd user unit or a launchd agent. unit.ts and
// wiring.ts are pure (text and settings in, text and settings out); files.ts, manager.ts and
// port.ts do the I/O.
export { readUnitFile, removeUnitFile, type UnitFileState, writeUnitFile } from './files.js';
export {
  type Activation,
  launchdManager,
  type ManagerStatus,
  runTool,
  type ServiceManager,
  serviceManager,
  systemdManager,
  type ToolResult,
} from './manager.js';
export { isPortFree, pickServicePort, SERVICE_PORT_RANGE } from './port.js';
export {
  appArguments,
  CARRIED_VARIABLES,
  carriedEnvironment,
  launchdLabel,
  renderLaunchdPlist,
  renderServiceFile,
  renderSystemdUnit,
  SERVICE_FILE_MARKER,
  type ServicePlatform,
  type ServiceSpec,
  serviceFilePath,
  systemdEnvironmentLine,
  systemdExecWord,
  systemdUnitName,
  xmlText,
} from './unit.js';
export {
  instanceHooksOf,
  type ServiceWiring,
  serviceWiringStatus,
  settingsEnv,
  type WiringStatus,
  withoutServiceWiring,
  withServiceWiring,
} from './wiring.js';
