// Internal to src/rules: the rules of a config, checked one by one, so that `doctor` and the app
// name a broken rule the same way (list, index, rule, why) and the app runs with the good ones.
import type { ConfigProblem } from '../config/index.js';
import { type PermissionRule, parseRule, RuleSyntaxError } from './parse.js';

/** Why one rule of a config list cannot be used; undefined when it parses. */
export function ruleProblem(rule: unknown): string | undefined {
  if (typeof rule !== 'string') {
    return `must be a string (got ${JSON.stringify(rule)?.slice(0, 60) ?? String(rule)})`;
  }
  try {
    parseRule(rule);
    return undefined;
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    const shown = rule.length > 80 ? `${rule.slice(0, 80)}…` : rule;
    return `${JSON.stringify(shown)} is not a valid rule: ${error.reason}`;
  }
}

/** The rules of both lists that parse, and a problem (`approvals.allow[2]`) for each that does not. */
export function checkRules(
  lists: { readonly allow?: readonly unknown[]; readonly deny?: readonly unknown[] },
  field = 'approvals',
): { allow: PermissionRule[]; deny: PermissionRule[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const read = (list: readonly unknown[] | undefined, name: string) =>
    (list ?? []).flatMap((rule, index) => {
      const problem = ruleProblem(rule);
      if (problem === undefined) return [parseRule(rule as string)];
      problems.push({ field: `${field}.${name}[${index}]`, problem });
      return [];
    });
  return { allow: read(lists.allow, 'allow'), deny: read(lists.deny, 'deny'), problems };
}
