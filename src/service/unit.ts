// Pure: what `ccbell service install` writes for the service manager, as text. No file, no process.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';

/** The service managers ccbell writes for: systemd (Linux) and launchd (macOS). */
export type ServicePlatform = 'linux' | 'darwin';

/** What the service runs: the instance's app on a fixed port, with the environment it needs. */
export interface ServiceSpec {
  instance: string;
  nodePath: string;
  cliPath: string;
  port: number;
  /** Variables the app needs to find what the installing shell found (CLAUDE_CONFIG_DIR, PATH…). */
  environment: Record<string, string>;
  /** launchd only: where the app's own stdout and stderr go (start-up errors land there). */
  outputPath?: string;
}

/** The first line of every file ccbell writes: how ccbell knows the file is its own to replace or remove. */
export const SERVICE_FILE_MARKER = 'Written by ccbell service install';

/** Variables the app reads that the service manager would not otherwise give it the same way. */
export const CARRIED_VARIABLES = ['CLAUDE_CONFIG_DIR', 'CCBELL_BUS_DIR', 'PATH'] as const;

/** The installing environment's carried variables that are set (empty ones are left out). */
export function carriedEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const name of CARRIED_VARIABLES) {
    const value = env[name];
    if (value) carried[name] = value;
  }
  return carried;
}

/** The app's command line, as the service manager runs it. */
export function appArguments(spec: ServiceSpec): string[] {
  return [
    spec.nodePath,
    spec.cliPath,
    'app',
    '--instance',
    spec.instance,
    '--no-open',
    '--port',
    String(spec.port),
  ];
}

export function systemdUnitName(instance: string): string {
  return `ccbell-${instance}.service`;
}

export function launchdLabel(instance: string): string {
  return `dev.ccbell.${instance}`;
}

/** Where the unit file goes: systemd's user unit directory (XDG_CONFIG_HOME honoured) or ~/Library/LaunchAgents. */
export function serviceFilePath(platform: ServicePlatform, instance: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'LaunchAgents', `${launchdLabel(instance)}.plist`);
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(configHome, 'systemd', 'user', systemdUnitName(instance));
}

/** Refuses what no unit file line can hold: a newline or a NUL would end the line or the file. */
function assertOneLine(value: string, what: string): void {
  if (/[\n\r\0]/.test(value)) {
    throw new UsageError(
      `${what} ${JSON.stringify(value.slice(0, 80))} holds a line break; a service cannot run it`,
    );
  }
}

/**
 * One word of a systemd command line: `%` is a specifier and `$` a variable there, so both are
 * doubled; a word with anything beyond a safe set is double-quoted with `\` and `"` escaped.
 */
export function systemdExecWord(word: string): string {
  assertOneLine(word, 'the path');
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (/^[A-Za-z0-9_./:=@+,-]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One `Environment=` assignment, quoted whole; systemd expands `%` there but not `$`. */
export function systemdEnvironmentLine(name: string, value: string): string {
  assertOneLine(value, `$${name}`);
  const text = `${name}=${value}`.replace(/%/g, '%%').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `Environment="${text}"`;
}

/** The systemd user unit: the app starts with the user's session and again when it fails. */
export function renderSystemdUnit(spec: ServiceSpec): string {
  return [
    `# ${SERVICE_FILE_MARKER} for instance ${spec.instance}; "ccbell service uninstall" removes it.`,
    '[Unit]',
    `Description=ccbell app of instance ${spec.instance} (Claude Code notifications and approvals)`,
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${appArguments(spec).map(systemdExecWord).join(' ')}`,
    ...Object.entries(spec.environment).map(([name, value]) => systemdEnvironmentLine(name, value)),
    // Restarts every 5 s for as long as it fails: 5 s stays under the default start limit
    // (5 starts in 10 s), so a port held by someone else for a while does not stop it for good.
    'Restart=on-failure',
    'RestartSec=5',
    // The app listens on 127.0.0.1 only, so it waits for no network; no PrivateNetwork either:
    // Claude Code reaches it over the host's loopback.
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

/** Text for an XML element or attribute. */
export function xmlText(value: string): string {
  assertOneLine(value, 'the value');
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The launchd agent: loaded at login (RunAtLoad), started again when it exits with a failure. */
export function renderLaunchdPlist(spec: ServiceSpec): string {
  const string = (value: string) => `<string>${xmlText(value)}</string>`;
  const environment = Object.entries(spec.environment);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    // No instance name here: a comment may not hold "--", and names may.
    `<!-- ${SERVICE_FILE_MARKER}; ccbell service uninstall removes it. -->`,
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  ${string(launchdLabel(spec.instance))}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...appArguments(spec).map((arg) => `    ${string(arg)}`),
    '  </array>',
    ...(environment.length
      ? [
          '  <key>EnvironmentVariables</key>',
          '  <dict>',
          ...environment.flatMap(([name, value]) => [
            `    <key>${xmlText(name)}</key>`,
            `    ${string(value)}`,
          ]),
          '  </dict>',
        ]
      : []),
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '  <key>ThrottleInterval</key>',
    '  <integer>5</integer>',
    ...(spec.outputPath
      ? [
          '  <key>StandardOutPath</key>',
          `  ${string(spec.outputPath)}`,
          '  <key>StandardErrorPath</key>',
          `  ${string(spec.outputPath)}`,
        ]
      : []),
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

/** The unit file's text for `platform`. */
export function renderServiceFile(platform: ServicePlatform, spec: ServiceSpec): string {
  return platform === 'darwin' ? renderLaunchdPlist(spec) : renderSystemdUnit(spec);
}
