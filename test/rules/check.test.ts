// A config's rules checked one by one: each broken rule named by list, index, rule and why; the
// good ones kept, so the app runs with them.
import { describe, expect, it } from 'vitest';
import { checkRules, decideByRules, ruleProblem } from '../../src/rules/index.js';

describe('ruleProblem', () => {
  it.each([
    ['Bash(', '"Bash(" is not a valid rule: no closing ")"'],
    ['Bash)', '"Bash)" is not a valid rule: a ")" without "("'],
    ['(x)', '"(x)" is not a valid rule: no tool name before "("'],
    ['Bash()', '"Bash()" is not a valid rule: empty parentheses; write the bare tool name'],
    ['Bash(foo:*:*)', '"Bash(foo:*:*)" is not a valid rule: ":*" cannot follow another "*"'],
    ['Read(../x)', '"Read(../x)" is not a valid rule: ".." is not allowed in a path rule'],
    ['WebFetch(domain:)', '"WebFetch(domain:)" is not a valid rule: domain: needs a host name'],
    ['mcp__a*b', '"mcp__a*b" is not a valid rule: in an MCP tool name "*" may only come last'],
    ['Ba sh', '"Ba sh" is not a valid rule: bad tool name "Ba sh"'],
    ['Bash(ls) x', '"Bash(ls) x" is not a valid rule: text after the closing ")"'],
    ['', '"" is not a valid rule: the rule is empty'],
    [42, 'must be a string (got 42)'],
    [{ tool: 'Bash' }, 'must be a string (got {"tool":"Bash"})'],
  ])('%j: %s', (rule, problem) => {
    expect(ruleProblem(rule)).toContain(problem);
  });

  it('is undefined for a good rule', () => {
    for (const rule of [
      'Bash',
      'Bash(git status*)',
      'Read(/etc/**)',
      'mcp__github__*',
      'WebFetch(domain:a.io)',
    ]) {
      expect(ruleProblem(rule)).toBeUndefined();
    }
  });

  it('shortens a very long rule', () => {
    expect(ruleProblem(`Bash(${'x'.repeat(500)}`)!.length).toBeLessThan(160);
  });
});

describe('checkRules', () => {
  it('keeps the good rules of both lists and names each broken one by list and index', () => {
    const checked = checkRules({ allow: ['Bash(echo *)', 'Bash(', 7], deny: ['Read(../x)', 'Bash(rm:*)'] });
    expect(checked.allow.map((rule) => rule.source)).toEqual(['Bash(echo *)']);
    expect(checked.deny.map((rule) => rule.source)).toEqual(['Bash(rm:*)']);
    expect(checked.problems).toEqual([
      { field: 'approvals.allow[1]', problem: '"Bash(" is not a valid rule: no closing ")"' },
      { field: 'approvals.allow[2]', problem: 'must be a string (got 7)' },
      {
        field: 'approvals.deny[0]',
        problem: '"Read(../x)" is not a valid rule: ".." is not allowed in a path rule',
      },
    ]);
    expect(decideByRules(checked, 'Bash', { command: 'echo hi' })).toBe('allow');
    expect(decideByRules(checked, 'Bash', { command: 'rm x' })).toBe('deny');
  });

  it('takes missing lists as empty', () => {
    expect(checkRules({})).toEqual({ allow: [], deny: [], problems: [] });
  });
});
