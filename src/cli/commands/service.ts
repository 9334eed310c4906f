import { join } from 'node:path';
import { instanceHookToken } from '../../app/web/hook-token.js';
import {
  ccbellHooks,
  installedEvents,
  readSettings,
  type SettingsFile,
  shellQuote,
  userSettingsPath,
  writeSettings,
} from '../../claude/index.js';
import { loadConfig, setConfigField } from '../../config/index.js';
import { EnvironmentError, UsageError } from '../../errors.js';
import {
  type AppRecord,
  claudeConfigDir,
  type InstanceConfig,
  listInstances,
  readRunningApp,
} from '../../instance/index.js';
import {
  appArguments,
  carriedEnvironment,
  isPortFree,
  type ManagerStatus,
  pickServicePort,
  readUnitFile,
  removeUnitFile,
  renderServiceFile,
  SERVICE_PORT_RANGE,
  type ServiceManager,
  type ServicePlatform,
  type ServiceWiring,
  serviceFilePath,
  serviceManager,
  serviceWiringStatus,
  type UnitFileState,
  type WiringStatus,
  withoutServiceWiring,
  withServiceWiring,
  writeUnitFile,
} from '../../service/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';
import { hookTokenEnv } from './setup.js';

const USAGE = 'usage: ccbell service install|uninstall|status [--instance NAME]';

/** What one `ccbell service` run works on: the instance, where its unit goes, who runs it. */
interface Service {
  context: CliContext;
  instance: InstanceConfig;
  platform: ServicePlatform;
  unitPath: string;
  manager: ServiceManager;
  settingsPath: string;
}

/**
 * `ccbell service install|uninstall|status [--instance NAME]`: runs the instance's app at login
 * (a systemd user unit or a launchd agent) on a fixed port, and wires Claude Code's hooks to it
 * over http, the token in Claude Code's settings `env` (docs/service.md says why).
 */
export async function runService(args: ParsedArgs, context: CliContext): Promise<number> {
  const [action, extra] = args.positionals;
  if (action !== 'install' && action !== 'uninstall' && action !== 'status') {
    throw new UsageError(
      action ? `unknown service action ${JSON.stringify(action.slice(0, 40))}; ${USAGE}` : USAGE,
    );
  }
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${JSON.stringify(extra.slice(0, 60))}; ${USAGE}`);
  const instance = selectedInstance(args, context);
  const platform = servicePlatform(context.env);
  const unitPath = serviceFilePath(platform, instance.name, context.env);
  const service: Service = {
    context,
    instance,
    platform,
    unitPath,
    manager: serviceManager(platform, instance.name, unitPath, context.env),
    settingsPath: userSettingsPath(claudeConfigDir(context.env)),
  };
  if (action === 'install') return install(service);
  if (action === 'uninstall') return uninstall(service);
  return status(service);
}

/** The platform whose service manager to write for. CCBELL_SERVICE_PLATFORM exists for tests only. */
function servicePlatform(env: NodeJS.ProcessEnv): ServicePlatform {
  const forced = env.CCBELL_SERVICE_PLATFORM;
  const platform = forced === 'linux' || forced === 'darwin' ? forced : process.platform;
  if (platform === 'linux' || platform === 'darwin') return platform;
  throw new EnvironmentError(
    `ccbell service runs the app with systemd (Linux) or launchd (macOS); on ${platform}, start "ccbell app" yourself`,
  );
}

const managerName = (platform: ServicePlatform) =>
  platform === 'darwin' ? 'launchd agent' : 'systemd user unit';
const toolName = (platform: ServicePlatform) => (platform === 'darwin' ? 'launchctl' : 'systemctl --user');

/** The hooks and token the service wires for the instance's app on `port`. */
function wiringFor(service: Service, port: number): ServiceWiring {
  const { instance, context } = service;
  const config = loadConfig(instance.config_path).config;
  const tokenEnv = hookTokenEnv(instance.name);
  return {
    instance: instance.name,
    tokenEnv,
    token: instanceHookToken(instance),
    hooks: ccbellHooks({
      instance: instance.name,
      nodePath: process.execPath,
      cliPath: context.cliPath,
      approvalTimeoutSeconds: config.approvalTimeoutSeconds,
      http: { hooksUrl: `http://127.0.0.1:${port}/hooks`, tokenEnv },
    }),
  };
}

/** The instance's port: its config's appPort, else a free one, recorded as appPort. */
async function fixedPort(service: Service): Promise<{ port: number; recorded: boolean }> {
  const { instance } = service;
  const loaded = loadConfig(instance.config_path);
  const problem = loaded.problems.find((p) => p.field === 'appPort');
  if (problem)
    throw new UsageError(`${instance.config_path}: appPort ${problem.problem}; fix it and run this again`);
  if (loaded.config.appPort) return { port: loaded.config.appPort, recorded: false };
  const taken = new Set<number>();
  for (const other of listInstances(service.context.env)) {
    const port = other.name === instance.name ? undefined : loadConfig(other.config_path).config.appPort;
    if (port) taken.add(port);
  }
  const port = await pickServicePort(taken);
  if (!port) {
    throw new EnvironmentError(
      `no free port in ${SERVICE_PORT_RANGE.first}-${SERVICE_PORT_RANGE.last}; set "appPort" in ${instance.config_path}`,
    );
  }
  // Refuses a config that is not a JSON object, before anything else is written.
  setConfigField(instance.config_path, 'appPort', port);
  return { port, recorded: true };
}

async function install(service: Service): Promise<number> {
  const { context, instance, platform, unitPath, manager } = service;
  const out = context.stdout;
  // Everything that can refuse is read first, so a refusal leaves no file half-changed.
  const settings = readSettings(service.settingsPath);
  const unitBefore = readUnitFile(unitPath);
  if (unitBefore.kind === 'foreign') {
    throw new EnvironmentError(
      `${unitPath} ${unitBefore.problem}; ccbell leaves it alone: move it away and run this again`,
    );
  }
  const { port, recorded } = await fixedPort(service);
  const wiring = wiringFor(service, port);
  const nextSettings = withServiceWiring(settings.settings, wiring, settings.path);
  const before = manager.status();
  const runningBefore = readRunningApp(instance.pid_path);

  const spec = {
    instance: instance.name,
    nodePath: process.execPath,
    cliPath: context.cliPath,
    port,
    environment: carriedEnvironment(context.env),
    ...(platform === 'darwin' ? { outputPath: join(instance.cache_dir, 'service.log') } : {}),
  };
  if (recorded) out(`recorded "appPort": ${port} in ${instance.config_path}\n`);
  const changed = writeUnitFile(unitPath, renderServiceFile(platform, spec));
  out(`${changed ? 'wrote' : 'kept'} the ${managerName(platform)} ${unitPath}\n`);
  out(`  it runs: ${appArguments(spec).map(shellQuote).join(' ')}\n`);
  writeWiring(service, settings, nextSettings, `installed the http hooks of "${instance.name}" in`);
  out(
    `  Claude Code fills in their bearer token from "env" there (${wiring.tokenEnv}); the file is private (mode 0600)\n`,
  );

  const activation = manager.activate();
  if (activation.started) {
    out(`started it with ${toolName(platform)}; it starts again at every login and after a failure\n`);
    if (runningBefore && !isActive(before) && !appOnPort(runningBefore, port)) {
      out(
        `note: an app of "${instance.name}" already runs outside the service (pid ${runningBefore.pid}); ` +
          'the service starts its own once that one stops\n',
      );
    }
  } else {
    out(
      `${toolName(platform)} is not usable here (${activation.problem}): the ${managerName(platform)} is written but not started.\n` +
        `Start it where your login session runs ${platform === 'darwin' ? 'launchd' : 'systemd'}:\n` +
        manager
          .startCommands()
          .map((line) => `  ${line}\n`)
          .join('') +
        `or run the app yourself: ${appArguments(spec).map(shellQuote).join(' ')}\n`,
    );
  }
  if (
    !(await isPortFree(port)) &&
    !appOnPort(readRunningApp(instance.pid_path), port) &&
    !activation.started
  ) {
    out(`warning: port ${port} is in use by another program; the app cannot listen there until it is free\n`);
  }
  for (const other of otherInstancesOnStop(settings, instance.name, context.env)) {
    out(
      `warning: instance "${other}" also has a Stop hook, so each sound would play twice; ` +
        `remove its hooks with "ccbell setup --instance ${other} --remove"\n`,
    );
  }
  out(`${SOUNDS_NOTE(instance.name)}\n`);
  return 0;
}

/** What install and status say about sounds: they come from the app alone (docs/service.md). */
const SOUNDS_NOTE = (name: string) =>
  `Sounds and approvals now come from the app: while it is down, no ccbell sound plays and Claude Code reports its hooks as failed; "ccbell service status --instance ${name}" says why.`;

async function uninstall(service: Service): Promise<number> {
  const { context, instance, platform, unitPath, manager } = service;
  const out = context.stdout;
  const settings = readSettings(service.settingsPath);
  const unit = readUnitFile(unitPath);
  if (unit.kind === 'foreign') {
    throw new EnvironmentError(`${unitPath} ${unit.problem}; ccbell leaves it alone`);
  }
  if (unit.kind === 'ours') {
    const stopped = manager.deactivate();
    if (stopped.problem)
      out(`${toolName(platform)} could not stop it (${stopped.problem}); removing the file anyway\n`);
    removeUnitFile(unitPath);
    manager.forget();
    out(`stopped and removed the ${managerName(platform)} ${unitPath}\n`);
  } else {
    out(`no ${managerName(platform)} of "${instance.name}" at ${unitPath}\n`);
  }
  const tokenEnv = hookTokenEnv(instance.name);
  const next = withoutServiceWiring(
    settings.settings,
    { instance: instance.name, tokenEnv, token: instanceHookToken(instance) },
    settings.path,
  );
  writeWiring(service, settings, next, `removed the hooks of "${instance.name}" and its token from`);
  out(
    `kept the config ${instance.config_path} and the hook token; "ccbell setup --instance ${instance.name}" wires command hooks again\n`,
  );
  return 0;
}

/** Writes the settings when they change, saying so; says when there was nothing to change. */
function writeWiring(
  service: Service,
  file: SettingsFile,
  next: SettingsFile['settings'],
  done: string,
): void {
  if (JSON.stringify(next) === JSON.stringify(file.settings)) {
    service.context.stdout(`${file.path} already as it should be\n`);
    return;
  }
  const backup = writeSettings(file, next, { privateMode: true });
  service.context.stdout(`${done} ${file.path}${backup ? ` (previous file kept as ${backup})` : ''}\n`);
}

/** Everything `service status` reports, gathered without changing anything. */
export interface ServiceStatus {
  unit: UnitFileState['kind'];
  manager: ManagerStatus;
  port?: number;
  app?: AppRecord;
  wiring?: WiringStatus;
}

function gatherStatus(service: Service): ServiceStatus {
  const { instance } = service;
  const unit = readUnitFile(service.unitPath).kind;
  const port = loadConfig(instance.config_path).config.appPort;
  const app = readRunningApp(instance.pid_path);
  const settings = readSettings(service.settingsPath);
  return {
    unit,
    manager: unit === 'absent' ? { reachable: true, enabled: false } : service.manager.status(),
    ...(port ? { port } : {}),
    ...(app ? { app } : {}),
    ...(port
      ? { wiring: serviceWiringStatus(settings.settings, wiringFor(service, port), settings.path) }
      : {}),
  };
}

function status(service: Service): number {
  const { instance, platform, unitPath, context } = service;
  const found = gatherStatus(service);
  const lines: string[] = [`service of "${instance.name}" (${managerName(platform)})`];
  const unitWord = { absent: 'not installed', ours: 'installed', foreign: "not ccbell's (left alone)" }[
    found.unit
  ];
  lines.push(`  unit file: ${unitPath}: ${unitWord}`);
  if (found.unit === 'ours') {
    lines.push(
      found.manager.reachable
        ? `  ${toolName(platform)}: ${found.manager.enabled ? 'starts at login' : 'not set to start at login'}, ${found.manager.state ?? 'unknown'}`
        : `  ${toolName(platform)}: not usable here (${found.manager.problem})`,
    );
  }
  const appPort = found.app ? appPortOf(found.app) : undefined;
  lines.push(
    found.app
      ? `  app: running (pid ${found.app.pid})${appPort ? ` on port ${appPort}` : ''}`
      : '  app: not running',
  );
  // The page's address with its token, as the app prints it when run by hand: under a service
  // nothing else shows it to the person.
  if (found.app?.url) lines.push(`  page: ${found.app.url}`);
  lines.push(
    found.port
      ? `  port: ${found.port} ("appPort" in ${instance.config_path})`
      : '  port: none set ("appPort")',
  );
  if (found.wiring) {
    const hooks = {
      wired: `http hooks to 127.0.0.1:${found.port}`,
      different: 'not as service install wires them (other port, or command hooks)',
      none: 'none',
    }[found.wiring.hooks];
    const token = {
      set: 'set in settings "env"',
      different: 'a different value in settings "env"',
      absent: 'not in settings "env"',
    }[found.wiring.token];
    lines.push(`  hooks: ${hooks}; token: ${token}`);
  }
  const healthy =
    found.unit === 'ours' &&
    found.app !== undefined &&
    appPort === found.port &&
    found.wiring?.hooks === 'wired' &&
    found.wiring.token === 'set';
  if (found.unit === 'ours' && found.wiring?.hooks === 'wired') {
    lines.push(
      found.app
        ? '  sounds: from the app (http hooks); none while it is down'
        : `  sounds: NONE: the hooks go to an app that is not running; start it with "${service.manager.startCommands().at(-1)}", its log: ${instance.log_path}`,
    );
  }
  if (found.unit === 'ours' && (found.wiring?.hooks !== 'wired' || found.wiring.token !== 'set')) {
    lines.push(`  to wire the hooks again: ccbell service install --instance ${instance.name}`);
  }
  context.stdout(`${lines.join('\n')}\n`);
  return healthy ? 0 : 1;
}

function isActive(status: ManagerStatus): boolean {
  return status.state === 'active' || status.state === 'running';
}

function appPortOf(app: AppRecord | undefined): number | undefined {
  const port = app?.url ? Number(new URL(app.url).port) : undefined;
  return port || undefined;
}

function appOnPort(app: AppRecord | undefined, port: number): boolean {
  return appPortOf(app) === port;
}

/** Other instances with a ccbell Stop hook in the settings: each Stop would sound once per instance. */
function otherInstancesOnStop(settings: SettingsFile, name: string, env: NodeJS.ProcessEnv): string[] {
  const hooks = settings.settings.hooks ?? {};
  return listInstances(env)
    .map((other) => other.name)
    .filter((other) => other !== name && installedEvents(hooks, other).has('stop'));
}
