// Internal: the person's own `projects` rules. Each one matches sessions by working directory
// (and optionally git branch) and may set anything a config file sets, and the instance.
import { instanceNameProblem } from '../instance/names.js';
import type { Config, ProjectRule } from './schema.js';
import type { ConfigProblem } from './validate.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of a rule that are not config settings. */
const RULE_KEYS = new Set(['match', 'branch', 'instance']);

/**
 * A glob as a regular expression: `*` and `?` stay inside one path segment, `**` crosses
 * segments, a trailing `/**` also matches the directory itself, `~/` is HOME.
 */
export function globRegex(glob: string, home: string | undefined): RegExp {
  let text = glob;
  if (home && (text === '~' || text.startsWith('~/'))) text = home.replace(/\/+$/, '') + text.slice(1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text.slice(i) === '/**') {
      out += '(?:/.*)?';
      break;
    }
    if (c === '*' && text[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += /[\\^$.+()[\]{}|]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

/**
 * Reads the `projects` list of a config file. A broken rule is reported and skipped; a rule's
 * own settings are checked by `validate` (the config validator, handed in to keep the import
 * graph a tree) and reported under `projects[N]`.
 */
export function readProjectRules(
  raw: unknown,
  problems: ConfigProblem[],
  validate: (raw: unknown) => { problems: ConfigProblem[] },
): ProjectRule[] {
  if (!Array.isArray(raw)) {
    problems.push({ field: 'projects', problem: 'must be a list of rules {match, …}' });
    return [];
  }
  const rules: ProjectRule[] = [];
  raw.forEach((rule: unknown, index) => {
    const read = readRule(rule, `projects[${index}]`, problems, validate);
    if (read) rules.push(read);
  });
  return rules;
}

/** One rule, or undefined (reported) when it is broken. */
function readRule(
  rule: unknown,
  field: string,
  problems: ConfigProblem[],
  validate: (raw: unknown) => { problems: ConfigProblem[] },
): ProjectRule | undefined {
  if (!isObject(rule)) {
    problems.push({ field, problem: 'must be an object {match, branch?, instance?, …settings}' });
    return undefined;
  }
  const { match, branch, instance } = rule;
  const bad = (problem: string, at = ''): undefined => {
    problems.push({ field: `${field}${at}`, problem });
  };
  if (typeof match !== 'string' || match === '') return bad('must be a glob on the cwd', '.match');
  if (branch !== undefined && (typeof branch !== 'string' || branch === ''))
    return bad('must be a glob on the git branch', '.branch');
  if (instance !== undefined) {
    const problem = typeof instance === 'string' ? instanceNameProblem(instance) : 'must be a string';
    if (problem) return bad(`names no instance: it ${problem}`, '.instance');
  }
  const settings: Json = {};
  for (const [key, value] of Object.entries(rule)) {
    if (RULE_KEYS.has(key)) continue;
    if (key === 'projects') return bad('a rule may not hold rules', '.projects');
    Object.defineProperty(settings, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const settingProblems = validate(settings).problems;
  if (settingProblems.length > 0) {
    for (const problem of settingProblems)
      problems.push({ field: `${field}.${problem.field}`, problem: problem.problem });
    return undefined;
  }
  return {
    match,
    ...(branch === undefined ? {} : { branch: branch as string }),
    ...(instance === undefined ? {} : { instance: instance as string }),
    settings,
  };
}

/** The first rule of `config` matching a session in `cwd` on `branch`: rules are read in order. */
export function matchProjectRule(
  config: Pick<Config, 'projects'>,
  cwd: string,
  branch: string | undefined,
  home: string | undefined,
): ProjectRule | undefined {
  const place = cwd.replace(/\/+$/, '') || '/';
  return config.projects?.find(
    (rule) =>
      globRegex(rule.match, home).test(place) &&
      (rule.branch === undefined || (branch !== undefined && globRegex(rule.branch, home).test(branch))),
  );
}

/**
 * `over` laid on `base`, as config files merge: objects field by field, anything else replaced.
 * Keys are defined, not assigned, so a "__proto__" key stays a key.
 */
export function mergeRaw(base: Json, over: Json): Json {
  const out: Json = {};
  const put = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(base)) put(key, value);
  for (const [key, value] of Object.entries(over)) {
    const now = Object.hasOwn(out, key) ? out[key] : undefined;
    put(key, isObject(now) && isObject(value) ? mergeRaw(now, value) : value);
  }
  return out;
}
