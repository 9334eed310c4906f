// `ccbell doctor`'s view of per-project settings at one directory (--cwd, else its own): the
// project file that applies and every key of it that was refused, the `projects` rule that
// matches, and the instance that rule chooses.
import { configForPlace, type LoadedConfig, matchProjectRule } from '../config/index.js';
import { gitBranch } from '../events/labels.js';
import { DEFAULT_INSTANCE } from '../instance/names.js';
import type { Finding } from './doctor-hooks.js';

export function projectFindings(
  loaded: LoadedConfig,
  instance: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  named: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const home = env.HOME;
  const branch = gitBranch(cwd);
  const placed = configForPlace(loaded, { cwd, home, branch });
  const file = placed.projectFile;
  if (file) {
    const whole = file.refused.find((refused) => refused.field === '');
    if (whole) {
      findings.push({
        ok: false,
        warn: true,
        what: `project file ${file.path} ${whole.problem}: not used`,
        fix: 'fix or remove the file',
      });
    } else {
      findings.push({ ok: true, what: `project file ${file.path} applies to ${cwd}` });
      for (const refused of file.refused)
        findings.push({
          ok: false,
          warn: true,
          what: `project file ${file.path}: ${refused.field} refused: ${refused.problem}`,
          fix: 'remove it from the file; to have it anyway, set it in your own config (a "projects" rule)',
        });
    }
  }
  const rule = placed.rule;
  if (rule) {
    const index = loaded.config.projects?.indexOf(rule) ?? -1;
    findings.push({
      ok: true,
      what: `projects[${index}] of ${loaded.path} (match ${JSON.stringify(rule.match)}${rule.branch ? `, branch ${JSON.stringify(rule.branch)}` : ''}) applies to ${cwd}`,
    });
  }
  if (!named && instance === DEFAULT_INSTANCE) {
    const chosen = matchProjectRule(loaded.config, cwd, branch, home)?.instance;
    if (chosen && chosen !== DEFAULT_INSTANCE)
      findings.push({
        ok: true,
        what: `sessions in ${cwd} use instance "${chosen}" (a projects rule); check it with "ccbell doctor --instance ${chosen} --cwd ${cwd}"`,
      });
  }
  return findings;
}
