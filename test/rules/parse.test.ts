// Rule syntax: what parses, and a RuleSyntaxError naming the pattern and the fault for what does not.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseRule, RuleSyntaxError } from '../../src/rules/index.js';

describe('parseRule', () => {
  it.each([
    ['Bash', { tool: 'Bash', specifier: undefined, exact: false }],
    ['Bash(*)', { tool: 'Bash', specifier: undefined, exact: false }],
    [
      '  Bash(git status)  ',
      { tool: 'Bash', specifier: 'git status', exact: true, source: 'Bash(git status)' },
    ],
    ['Bash(git status*)', { tool: 'Bash', specifier: 'git status*', exact: false }],
    ['Bash(npm run test:*)', { tool: 'Bash', specifier: 'npm run test:*', exact: false }],
    ['Bash(echo (a))', { tool: 'Bash', specifier: 'echo (a)', exact: true }],
    ['Read(/etc/**)', { tool: 'Read', specifier: '/etc/**', exact: false }],
    ['Read(/etc/passwd)', { tool: 'Read', specifier: '/etc/passwd', exact: true }],
    ['WebFetch(domain:example.com)', { tool: 'WebFetch', specifier: 'domain:example.com', exact: false }],
    ['mcp__server__tool', { tool: 'mcp__server__tool', specifier: undefined }],
    ['mcp__server__*', { tool: 'mcp__server__*', specifier: undefined }],
  ])('parses %j', (pattern, expected) => {
    expect(parseRule(pattern)).toMatchObject(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Bash(', 'closing'],
    ['Bash(ls', 'closing'],
    ['Bash(ls) x', 'closing'],
    ['Bash)', '")" without "("'],
    ['Bash()', 'empty parentheses'],
    ['Bash(  )', 'empty parentheses'],
    ['(ls)', 'no tool name'],
    ['Ba sh', 'bad tool name'],
    ['Bash*', 'only works for MCP'],
    ['mcp__se*rver__tool', 'may only come last'],
    ['Bash(:*)', 'nothing before ":*"'],
    ['Bash(git * x:*)', 'cannot follow'],
    ['WebFetch(domain:)', 'domain:'],
    ['WebFetch(domain:https://x.com/)', 'domain:'],
    ['WebFetch(domain:ex*ample.com)', 'domain:'],
    ['Read(/work/../etc/**)', '".."'],
  ])('refuses %j, naming the pattern', (pattern, reason) => {
    let caught: unknown;
    try {
      parseRule(pattern);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleSyntaxError);
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toContain(JSON.stringify(pattern.trim() || pattern));
    expect((caught as Error).message).toContain(reason);
  });

  it('refuses a non-string', () => {
    expect(() => parseRule(42 as unknown as string)).toThrow(RuleSyntaxError);
  });
});
