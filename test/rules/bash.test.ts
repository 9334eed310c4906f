// Settling a Bash line by rules: allowed only when read whole and every command is covered; denied
// when any command bash could run matches a deny rule; writes outside the working directory need
// a rule that names them. (shell-table.test.ts checks the same against what bash really does.)
import { describe, expect, it } from 'vitest';
import { decideByRules, type RuleLists } from '../../src/rules/index.js';

const context = { cwd: '/work/proj', home: '/home/me' };
const decide = (rules: RuleLists, command: string, where: object = context) =>
  decideByRules(rules, 'Bash', { command }, where);

describe('allow rules', () => {
  const rules = { allow: ['Bash(echo *)', 'Bash(git status*)', 'Bash(cd *)'] };

  it('cover a line only when every command is covered', () => {
    expect(decide(rules, 'echo a && git status')).toBe('allow');
    expect(decide(rules, 'echo a && git push')).toBeUndefined();
    expect(decide(rules, 'echo a\ngit push')).toBeUndefined();
  });

  it('match the canonical words as well as the words as written', () => {
    expect(decide({ allow: ['Bash(grep -r "a b" src)'] }, 'grep  -r "a b"  src')).toBe('allow');
    expect(decide({ allow: ["Bash(grep -r 'a b' src)"] }, 'grep -r "a b" src')).toBe('allow');
    expect(decide({ allow: ['Bash(git status)'] }, "'git' status")).toBe('allow');
    // A prefix rule does not reach into a quoted word: npm gets one argument, not a script name.
    expect(decide({ allow: ['Bash(npm run test:*)'] }, "npm 'run test; rm -rf /'")).toBeUndefined();
  });

  it('never let a wildcard cover a wrapper; an exact rule does', () => {
    const wide = {
      allow: ['Bash(sudo *)', 'Bash(env *)', 'Bash(xargs *)', 'Bash(find *)', 'Bash(export *)'],
    };
    for (const line of ['sudo ls', 'env ls', 'xargs ls', 'find . -exec ls {} ;', 'export PATH=/tmp']) {
      expect(decide(wide, line), line).toBeUndefined();
    }
    expect(decide(wide, 'find . -name x')).toBe('allow');
    expect(decide({ allow: ['Bash(sudo apt update)', 'Bash(echo *)'] }, 'sudo apt update && echo ok')).toBe(
      'allow',
    );
    expect(decide({ allow: ['Bash(printf *)'] }, 'printf -v PATH /tmp/evil')).toBeUndefined();
  });

  it('take a bare Bash, or an exact rule for the whole line, as it is', () => {
    expect(decide({ allow: ['Bash'] }, 'echo $(date) | sh')).toBe('allow');
    expect(decide({ allow: ['Bash(echo $(date))'] }, 'echo $(date)')).toBe('allow');
    expect(decide({ allow: ['Bash(echo $(date))'] }, 'echo $(date); id')).toBeUndefined();
  });

  it('trim only what bash skips around an exact line', () => {
    expect(decide({ allow: ['Bash(git push)'] }, '\n git push \n')).toBe('allow');
    expect(decide({ allow: ['Bash(git push)'] }, '\u00a0git push')).toBeUndefined();
  });
});

describe('writes', () => {
  const rules = { allow: ['Bash(echo *)', 'Bash(cd *)'] };

  it.each([
    ['echo hi > out.txt', 'allow'],
    ['echo hi > /work/proj/sub/out.txt', 'allow'],
    ['echo hi > ./a/../b', 'allow'],
    ['echo hi 2>/dev/null >/dev/stderr', 'allow'],
    ['echo hi > /tmp/x', undefined],
    ['echo hi >> ~/.bashrc', undefined],
    ['echo hi > ../x', undefined],
    ['echo hi > sub/../../x', undefined],
    ['echo hi > /work/proj', undefined],
    ['echo hi > /work/projx/y', undefined],
    ['echo hi > .git/hooks/pre-commit', undefined],
    ['echo hi > sub/.claude/settings.json', undefined],
    ['echo hi > .Git/hooks/pre-commit', undefined],
    ['echo hi > ~user/x', undefined],
    ['cd sub && echo hi > x', undefined],
    ['cd sub && echo hi > /work/proj/x', 'allow'],
    ['echo hi > x; cd sub', 'allow'],
  ])('%j → %s', (line, expected) => {
    expect(decide(rules, line)).toBe(expected);
  });

  it('outside the working directory are allowed when a Write or Edit rule names the path', () => {
    expect(decide({ allow: ['Bash(echo *)', 'Write(/tmp/**)'] }, 'echo hi > /tmp/x')).toBe('allow');
    expect(decide({ allow: ['Bash(echo *)', 'Edit(~/notes/*)'] }, 'echo hi >> ~/notes/a')).toBe('allow');
    expect(decide({ allow: ['Bash(echo *)', 'Write(/tmp/**)'] }, 'echo hi > /var/x')).toBeUndefined();
  });

  it('outside are allowed when an exact Bash rule names the command with them', () => {
    expect(decide({ allow: ['Bash(echo hi > /tmp/x)'] }, 'ls && echo hi > /tmp/x', context)).toBeUndefined();
    expect(decide({ allow: ['Bash(echo hi > /tmp/x)', 'Bash(ls)'] }, 'ls && echo hi > /tmp/x')).toBe('allow');
    expect(decide({ allow: ['Bash(echo hi >/tmp/x)', 'Bash(ls)'] }, 'ls && echo  hi  >/tmp/x')).toBe('allow');
    expect(decide({ allow: ['Bash(echo *)', 'Bash(ls)'] }, 'ls && echo hi > /tmp/x')).toBeUndefined();
  });

  it('need a person when the working directory is not known, unless absolute and named', () => {
    expect(decide(rules, 'echo hi > out.txt', {})).toBeUndefined();
    expect(decide(rules, 'echo hi > /dev/null', {})).toBe('allow');
    expect(decide({ allow: ['Bash(echo *)', 'Write(/tmp/**)'] }, 'echo hi > /tmp/x', {})).toBe('allow');
  });

  it('in a session run from the home directory leave its dotfiles to a person', () => {
    const home = { cwd: '/home/me', home: '/home/me' };
    expect(decide(rules, 'echo hi > project/notes.txt', home)).toBe('allow');
    expect(decide(rules, 'echo hi > .bashrc', home)).toBeUndefined();
    expect(decide(rules, 'echo hi > .ssh/authorized_keys', home)).toBeUndefined();
    expect(decide(rules, 'echo hi > .env', { cwd: '/home/me/proj', home: '/home/me' })).toBe('allow');
  });

  it('are denied by a Write or Edit deny rule for the path', () => {
    const rules = { allow: ['Bash'], deny: ['Write(~/.bashrc)', 'Edit(/etc/**)'] };
    expect(decide(rules, 'echo x >> ~/.bashrc')).toBe('deny');
    expect(decide(rules, 'echo x | cat > /etc/hosts')).toBe('deny');
    expect(decide(rules, 'echo x > /tmp/y')).toBe('allow');
  });
});

describe('deny rules', () => {
  const rules = { allow: ['Bash'], deny: ['Bash(rm -rf*)'] };

  it.each([
    'rm -rf x',
    'rm  -rf   x',
    'ls; rm -rf x',
    "echo hi #'\nrm -rf x",
    '/bin/rm -rf x',
    '\\rm -rf x',
    "r''m -rf x",
    "$'rm' -rf x",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell line, not a template
    'rm${IFS}-rf x',
    'sudo -u root rm -rf x',
    'env -i A=b rm -rf x',
    'nice -n 5 timeout 10 rm -rf x',
    'find . | xargs -0 rm -rf',
    'find . -exec rm -rf {} +',
    "bash -c 'rm -rf x'",
    'sudo sh -c "ls; rm -rf x"',
    'eval "eval \'rm -rf x\'"',
    'if true; then rm -rf x; fi',
    'echo $(rm -rf x)',
    'cat <(rm -rf x)',
    'A=1 rm -rf x',
  ])('see %j', (line) => {
    expect(decide(rules, line)).toBe('deny');
  });

  it('leave commands that only mention the denied text alone', () => {
    expect(decide(rules, 'grep -r "rm -rf" .')).toBe('allow');
    expect(decide(rules, 'git commit -m "no rm -rf here"')).toBe('allow');
    expect(decide({ allow: ['Bash'], deny: ['Bash(rm:*)'] }, 'git rm file')).toBe('allow');
  });

  it.each([
    ['many wrapped shells', `sudo ${'bash '.repeat(20_000)}`],
    ['50,000 commands', 'a;'.repeat(50_000)],
    ['30,001 quotes', `echo ${"'".repeat(30_001)}`],
    ['30,000 wrappers, then rm', `${'sudo '.repeat(30_000)}rm -rf x`],
  ])('settle a hostile long line (%s) in under 2 s', (_, line) => {
    const started = performance.now();
    const verdict = decide({ allow: ['Bash(echo *)'], deny: ['Bash(rm -rf*)', 'Bash(x*y*z)'] }, line);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict).not.toBe('allow');
  });
});
