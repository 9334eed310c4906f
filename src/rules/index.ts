// Approval rules: the syntax of Claude Code-style permission rules, a fail-closed reading of
// shell lines, matching and settling a tool call by allow and deny lists, and the risk and
// summary a person sees when the rules leave the call to them.

/** A config's rule lists checked one by one: the good rules and a problem for each broken one. */
export { checkRules, ruleProblem } from './check.js';
/** Matching and settling: one rule against one call; a call against the allow and deny lists. */
export { decideByRules, type RuleLists, ruleMatches } from './match.js';
/** Rule syntax: parse one rule, and the error that names a broken one. */
export { type PermissionRule, parseRule, RuleSyntaxError } from './parse.js';
/** Risk level and one-line summary of a tool call, for the prompt a person sees. */
export { RISK_LEVELS, type RiskLevel, riskOf } from './risk.js';
/** The exact rule "always allow this for the session" adds. */
export { ruleForSession } from './session.js';
/** The fail-closed shell reader, for what a line runs (or why ccbell cannot tell). */
export {
  parseShellLine,
  type ShellCommand,
  type ShellParse,
  type ShellRedirect,
  type ShellWord,
} from './shell.js';
/** Where relative paths and `~` resolve while matching. */
export type { MatchContext } from './subject.js';
