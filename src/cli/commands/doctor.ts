import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installedEvents, readSettings, userSettingsPath } from '../../claude/index.js';
import { EVENT_NAMES, loadConfig, resolveEvent } from '../../config/index.js';
import { messageOf } from '../../errors.js';
import { fileTypeProblem } from '../../fs/index.js';
import { claudeConfigDir, readRunningApp, registryPath } from '../../instance/index.js';
import { findPlayer, resolveSound } from '../../notify/index.js';
import { ruleProblem } from '../../rules/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

/** One check's result: what was found and, when it is not fine, what to do about it. */
interface Finding {
  ok: boolean;
  warn?: boolean;
  what: string;
  fix?: string;
}

/**
 * A finding for each of the instance's files that is there but is not a regular file (a FIFO, a
 * device, a link where none is followed): ccbell leaves such a file alone, so say what it costs.
 */
function fileTypeFindings(
  files: [what: string, path: string, followSymlinks: boolean, cost: string][],
): Finding[] {
  return files.flatMap(([what, path, followSymlinks, cost]) => {
    const problem = fileTypeProblem(path, { followSymlinks });
    if (!problem) return [];
    return [
      {
        ok: false,
        what: `${what} ${path} ${problem}: ${cost}`,
        fix: 'replace it with a regular file, or remove it',
      },
    ];
  });
}

/** `ccbell doctor [--instance NAME] [--json]`: checks everything a working setup needs. */
export async function runDoctor(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  const instance = selectedInstance(args, context);
  const findings: Finding[] = [];
  const configPath = stringFlag(args, 'config') ?? instance.config_path;
  // Approval rules are parsed too, as the app parses them, so a broken one is named here.
  const loaded = loadConfig(configPath, { checkRule: ruleProblem });
  if (!loaded.exists) {
    findings.push({ ok: true, what: `no config at ${configPath}: built-in defaults are used` });
  } else if (loaded.problems.length === 0) {
    findings.push({ ok: true, what: `config ${configPath} is valid` });
  } else {
    for (const problem of loaded.problems) {
      findings.push({
        ok: false,
        what: `config ${configPath}: ${problem.field ? `${problem.field} ` : ''}${problem.problem}`,
        fix: /^approvals\.(allow|deny)\[\d+\]$/.test(problem.field)
          ? 'edit the rule; until then the app skips it'
          : 'edit the file; until then the default is used for this setting',
      });
    }
  }
  const config = loaded.config;
  try {
    const player = findPlayer({
      platform: process.platform,
      pathEnv: env.PATH ?? '',
      preferred: config.player,
    });
    findings.push({ ok: true, what: `sound player: ${player.name} (${player.path})` });
  } catch (error) {
    findings.push({
      ok: false,
      what: messageOf(error),
      fix: 'install pipewire (pw-play), pulseaudio-utils (paplay) or alsa-utils (aplay)',
    });
  }
  for (const event of EVENT_NAMES) {
    const settings = resolveEvent(config, event);
    if (!settings.enabled || !settings.sound) continue;
    try {
      resolveSound(settings.sound, join(context.packageRoot, 'sounds'));
      findings.push({ ok: true, what: `sound for ${event}: ${settings.sound}` });
    } catch (error) {
      findings.push({
        ok: false,
        what: `sound for ${event}: ${messageOf(error)}`,
        fix: `set events.${event}.sound to an existing file`,
      });
    }
  }
  try {
    const settingsFile = readSettings(userSettingsPath(claudeConfigDir(env)));
    const installed = installedEvents(settingsFile.settings.hooks ?? {}, instance.name);
    const missing = EVENT_NAMES.filter(
      (event) => resolveEvent(config, event).enabled && !installed.has(event),
    );
    if (missing.length === 0) findings.push({ ok: true, what: `hooks installed in ${settingsFile.path}` });
    else
      findings.push({
        ok: false,
        warn: installed.size > 0,
        what: `no ccbell hook of "${instance.name}" for ${missing.join(', ')} in ${settingsFile.path}`,
        fix: `run "ccbell setup --instance ${instance.name}" (or use the plugin)`,
      });
  } catch (error) {
    findings.push({ ok: false, what: messageOf(error), fix: 'fix Claude Code settings file first' });
  }
  if (!existsSync(context.cliPath)) {
    findings.push({
      ok: false,
      what: `built CLI missing at ${context.cliPath}`,
      fix: 'run "npm install" (or "npm run build")',
    });
  }
  findings.push(
    ...fileTypeFindings([
      ['state', instance.state_path, true, 'cooldowns are not recorded'],
      ['log', instance.log_path, false, 'nothing is logged'],
      ['PID file', instance.pid_path, false, 'the app cannot start'],
      ['registry', registryPath(claudeConfigDir(env)), true, 'named instances cannot be used'],
    ]),
  );
  const app = readRunningApp(instance.pid_path);
  findings.push({
    ok: true,
    what: app ? `app running: pid ${app.pid}, id ${app.runtimeId}` : 'no app running (optional)',
  });

  if (args.flags.json) context.stdout(`${JSON.stringify({ instance: instance.name, findings }, null, 2)}\n`);
  else {
    context.stdout(`ccbell doctor: instance "${instance.name}"\n`);
    for (const f of findings) {
      context.stdout(
        `${f.ok ? '  ok   ' : f.warn ? '  warn ' : '  FAIL '}${f.what}\n${f.fix ? `         → ${f.fix}\n` : ''}`,
      );
    }
  }
  return findings.some((f) => !f.ok && !f.warn) ? 1 : 0;
}
