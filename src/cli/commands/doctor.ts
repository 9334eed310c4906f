import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWiring } from '../../claude/index.js';
import { type Config, EVENT_NAMES, loadConfig, resolveEvent } from '../../config/index.js';
import { messageOf } from '../../errors.js';
import { fileTypeProblem } from '../../fs/index.js';
import {
  claudeConfigDir,
  defaultInstancePaths,
  type InstanceConfig,
  readRegistry,
  readRunningApp,
  registryPath,
  resolveInstance,
} from '../../instance/index.js';
import { resolveSound } from '../../notify/index.js';
import { ruleProblem } from '../../rules/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { playerFinding, secretFindings, speechFindings } from '../doctor-channels.js';
import { fixHooks } from '../doctor-fix.js';
import { describeOrigin, type Finding, hookFindings, type InstanceLookup } from '../doctor-hooks.js';
import { projectFindings } from '../doctor-projects.js';
import { instanceNamed, selectedInstance } from '../instance-context.js';

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

/** Which instances exist; with a broken registry (reported on its own) every name counts as one. */
export function instanceLookup(env: NodeJS.ProcessEnv): InstanceLookup {
  let registryReadable = true;
  try {
    readRegistry(claudeConfigDir(env), env);
  } catch {
    registryReadable = false;
  }
  return {
    find(name: string): InstanceConfig | undefined {
      try {
        return resolveInstance(name, env);
      } catch {
        return registryReadable ? undefined : defaultInstancePaths(name, claudeConfigDir(env));
      }
    },
  };
}

/**
 * The hooks Claude Code will run, checked (doctor-hooks.ts), and whether the selected instance
 * has one for every event its config enables, from setup or from the plugin.
 */
function wiringFindings(context: CliContext, name: string, config: Config): Finding[] {
  const { env } = context;
  const claudeDir = claudeConfigDir(env);
  const wiring = readWiring({ claudeDir, cwd: process.cwd(), env });
  const current = { nodePath: process.execPath, cliPath: context.cliPath };
  const findings = hookFindings(wiring, instanceLookup(env), current, env);
  const ours = wiring.hooks.filter((hook) => hook.instance === name);
  const installed = new Set(ours.flatMap((hook) => hook.events));
  const missing = EVENT_NAMES.filter((event) => resolveEvent(config, event).enabled && !installed.has(event));
  const origins = [...new Set(ours.map((hook) => describeOrigin(hook.origin)))];
  const userPath = join(claudeDir, 'settings.json');
  if (missing.length === 0)
    findings.unshift({ ok: true, what: `hooks of "${name}" installed: ${origins.join(', ')}` });
  else
    findings.unshift({
      ok: false,
      warn: installed.size > 0,
      what: `no ccbell hook of "${name}" for ${missing.join(', ')} in ${origins.length > 0 ? origins.join(', ') : `${userPath} or a ccbell plugin`}`,
      fix: `run "ccbell setup --instance ${name}" (or install the plugin)`,
    });
  return findings;
}

/** `ccbell doctor [--instance NAME] [--cwd DIR] [--json] [--fix]`: checks everything a working setup needs. */
export async function runDoctor(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  const instance = selectedInstance(args, context);
  const findings: Finding[] = [];
  // Repairs first, so that what follows is the state they leave.
  const fixed = args.flags.fix ? fixHooks(context, instanceLookup(env)) : [];
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
  // Per-project settings at --cwd (or here): what a project file may not set, and which rule applies.
  const cwd = resolve(stringFlag(args, 'cwd') ?? process.cwd());
  findings.push(...projectFindings(loaded, instance.name, cwd, env, instanceNamed(args, context)));
  const config = loaded.config;
  findings.push(playerFinding(config, env));
  findings.push(...secretFindings(config, env), ...speechFindings(config, env));
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
  findings.push(...wiringFindings(context, instance.name, config));
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

  if (args.flags.fix) {
    const left = findings.filter((f) => !f.ok).length;
    findings.unshift(...fixed);
    if (fixed.length === 0) findings.unshift({ ok: true, what: 'doctor --fix: nothing it can fix' });
    if (left > 0)
      findings.push({
        ok: false,
        warn: true,
        what: `doctor --fix left ${left} finding${left === 1 ? '' : 's'} above as they are: it only points ccbell hooks at the current node and CLI, and removes hooks of instances that no longer exist, in the user's and the project's local settings`,
        fix: 'follow the advice under each',
      });
  }
  if (args.flags.json) context.stdout(`${JSON.stringify({ instance: instance.name, findings }, null, 2)}\n`);
  else {
    context.stdout(`ccbell doctor: instance "${instance.name}"\n`);
    for (const f of findings) {
      context.stdout(
        `${f.fixed ? ' fixed ' : f.ok ? '  ok   ' : f.warn ? '  warn ' : '  FAIL '}${f.what}\n${f.fix ? `         → ${f.fix}\n` : ''}`,
      );
    }
  }
  return findings.some((f) => !f.ok && !f.warn) ? 1 : 0;
}
