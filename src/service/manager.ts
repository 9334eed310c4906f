// I/O: asks systemd (`systemctl --user`) or launchd (`launchctl`) to start, stop and report the
// service. Every call is a short process with a time limit; nothing here prints or decides.
import { spawnSync } from 'node:child_process';
import { shellQuote } from '../claude/index.js';
import { launchdLabel, type ServicePlatform, systemdUnitName } from './unit.js';

/** What one call of the manager's tool did. `missing`: the tool is not on PATH. */
export interface ToolResult {
  ok: boolean;
  missing: boolean;
  stdout: string;
  /** The tool's complaint, first line, or why it could not run. */
  problem: string;
}

/** Runs `file args` with `env`, for at most 20 s. */
export function runTool(file: string, args: string[], env: NodeJS.ProcessEnv): ToolResult {
  const result = spawnSync(file, args, {
    env,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      missing,
      stdout: '',
      problem: missing ? `${file} is not on PATH` : result.error.message,
    };
  }
  const stderr = (result.stderr ?? '').trim().split('\n')[0] ?? '';
  return {
    ok: result.status === 0,
    missing: false,
    stdout: result.stdout ?? '',
    problem:
      result.status === 0
        ? ''
        : stderr || `${file} ${args.join(' ')} exited with ${result.status ?? result.signal}`,
  };
}

/** Whether the service manager started the service, and if not, why. */
export interface Activation {
  started: boolean;
  /** Why the manager could not be used (no user bus in a container, no launchctl…). */
  problem?: string;
}

/** What the service manager says of the service. */
export interface ManagerStatus {
  /** The manager answered; when false, `problem` says why and the other fields are unknown. */
  reachable: boolean;
  problem?: string;
  /** Set to start at login (systemd: enabled; launchd: loaded). */
  enabled?: boolean;
  /** The manager's word for its state: "active", "failed", "running"… */
  state?: string;
}

/** One service manager, as `ccbell service` uses it. */
export interface ServiceManager {
  /** Loads the unit file just written and (re)starts the service. */
  activate(): Activation;
  /** Stops the service and keeps it from starting at login; harmless when it is not there. */
  deactivate(): Activation;
  /** After the unit file is gone: lets the manager forget it. */
  forget(): void;
  status(): ManagerStatus;
  /** The commands a person runs to start it by hand, when activate could not. */
  startCommands(): string[];
}

/** systemd user units through `systemctl --user`. */
export function systemdManager(instance: string, env: NodeJS.ProcessEnv): ServiceManager {
  const unit = systemdUnitName(instance);
  const systemctl = (...args: string[]) => runTool('systemctl', ['--user', ...args], env);
  return {
    activate() {
      const reload = systemctl('daemon-reload');
      if (!reload.ok) return { started: false, problem: reload.problem };
      const enable = systemctl('enable', unit);
      if (!enable.ok) return { started: false, problem: enable.problem };
      // restart, not start: a second install (another port, another node) replaces the running app.
      const restart = systemctl('restart', unit);
      return restart.ok ? { started: true } : { started: false, problem: restart.problem };
    },
    deactivate() {
      const disable = systemctl('disable', '--now', unit);
      return disable.ok ? { started: false } : { started: false, problem: disable.problem };
    },
    forget() {
      systemctl('daemon-reload');
      systemctl('reset-failed', unit);
    },
    status() {
      // is-enabled and is-active answer with a word on stdout, and exit non-zero for most words.
      const enabled = systemctl('is-enabled', unit);
      if (enabled.missing) return { reachable: false, problem: enabled.problem };
      const active = systemctl('is-active', unit);
      const state = active.stdout.trim();
      if (!state) return { reachable: false, problem: active.problem || enabled.problem };
      return { reachable: true, enabled: enabled.stdout.trim() === 'enabled', state };
    },
    startCommands() {
      return ['systemctl --user daemon-reload', `systemctl --user enable --now ${unit}`];
    },
  };
}

/** launchd agents through `launchctl` in the user's GUI domain. */
export function launchdManager(instance: string, plistPath: string, env: NodeJS.ProcessEnv): ServiceManager {
  const label = launchdLabel(instance);
  const domain = `gui/${process.getuid?.() ?? 0}`;
  const launchctl = (...args: string[]) => runTool('launchctl', args, env);
  return {
    activate() {
      // bootstrap refuses a label that is loaded already: take the old one out first.
      launchctl('bootout', `${domain}/${label}`);
      const bootstrap = launchctl('bootstrap', domain, plistPath);
      return bootstrap.ok ? { started: true } : { started: false, problem: bootstrap.problem };
    },
    deactivate() {
      const bootout = launchctl('bootout', `${domain}/${label}`);
      return bootout.ok ? { started: false } : { started: false, problem: bootout.problem };
    },
    forget() {},
    status() {
      const print = launchctl('print', `${domain}/${label}`);
      if (print.missing) return { reachable: false, problem: print.problem };
      if (!print.ok) return { reachable: true, enabled: false, state: 'not loaded' };
      const state = /^\s*state = (.+)$/m.exec(print.stdout)?.[1]?.trim() ?? 'loaded';
      return { reachable: true, enabled: true, state };
    },
    startCommands() {
      return [`launchctl bootstrap ${domain} ${shellQuote(plistPath)}`];
    },
  };
}

/** The manager of `platform` for the instance's unit file at `path`. */
export function serviceManager(
  platform: ServicePlatform,
  instance: string,
  path: string,
  env: NodeJS.ProcessEnv,
): ServiceManager {
  return platform === 'darwin' ? launchdManager(instance, path, env) : systemdManager(instance, env);
}
