// Internal to src/rules: whether a rule covers a tool call, and settling a call by the allow
// and deny lists (Bash lines through bash.ts, every other tool by its subject).
import { decideShellLine } from './bash.js';
import { compiledOf, type PermissionRule, parseRule } from './parse.js';
import { type MatchContext, subjectOf, type ToolInput } from './subject.js';

/** The allow and deny lists ccbell settles requests with. */
export interface RuleLists {
  readonly allow?: readonly (string | PermissionRule)[];
  readonly deny?: readonly (string | PermissionRule)[];
}

/** Whether one rule covers one tool call (for Bash: the command text as a whole, not its parts). */
export function ruleMatches(
  rule: string | PermissionRule,
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): boolean {
  const compiled = compiledOf(typeof rule === 'string' ? parseRule(rule) : rule);
  if (!compiled.toolMatches(toolName)) return false;
  if (compiled.specifierMatches === undefined) return true;
  const subject = subjectOf(toolName, input);
  if (subject === undefined) return false;
  return compiled.specifierMatches(subject.text, subject.kind, context);
}

/**
 * Settles a tool call by rules, deny first: 'deny' when a deny rule matches, 'allow' when allow
 * rules cover it, undefined when the rules say nothing (a person must answer). A string rule
 * that does not parse throws a RuleSyntaxError; checkRules weeds those out beforehand.
 */
export function decideByRules(
  rules: RuleLists,
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): 'allow' | 'deny' | undefined {
  const parse = (rule: string | PermissionRule) => (typeof rule === 'string' ? parseRule(rule) : rule);
  const deny = (rules.deny ?? []).map(parse);
  const allow = (rules.allow ?? []).map(parse);
  if (toolName === 'Bash' && typeof input.command === 'string') {
    return decideShellLine(input.command, allow, deny, context);
  }
  if (deny.some((rule) => ruleMatches(rule, toolName, input, context))) return 'deny';
  if (allow.some((rule) => ruleMatches(rule, toolName, input, context))) return 'allow';
  return undefined;
}
