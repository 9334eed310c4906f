/**
 * Splits a command hook's command line into words as the POSIX shell would, for the forms that
 * ccbell's hooks use: plain words, single quotes (shellQuote's `'\''` included), double quotes
 * with `\` escapes, `$NAME`/`${NAME}` from `vars` (others stay as written), and a `#` comment
 * at the start of a word, which ends the words (`#ccbell:NAME`). Returns the words and the
 * comment. Not a shell: no globbing, no command substitution, no operators.
 */
export function splitCommandLine(
  line: string,
  vars: Record<string, string> = {},
): { words: string[]; comment?: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  const expand = (): string => {
    // At a "$": ${NAME} or $NAME; what is not a known variable stays as written.
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(index));
    if (!match) {
      index++;
      return '$';
    }
    index += match[0].length;
    const name = (match[1] ?? match[2])!;
    return Object.hasOwn(vars, name) ? vars[name]! : match[0];
  };
  while (index < line.length) {
    const char = line[index]!;
    if (char === ' ' || char === '\t' || char === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      index++;
    } else if (char === '#' && !inWord) {
      return { words, comment: line.slice(index) };
    } else if (char === "'") {
      const end = line.indexOf("'", index + 1);
      const stop = end === -1 ? line.length : end;
      word += line.slice(index + 1, stop);
      inWord = true;
      index = stop + 1;
    } else if (char === '"') {
      inWord = true;
      index++;
      while (index < line.length && line[index] !== '"') {
        const inner = line[index]!;
        if (inner === '\\' && '"\\$`'.includes(line[index + 1] ?? '')) {
          word += line[index + 1];
          index += 2;
        } else if (inner === '$') word += expand();
        else {
          word += inner;
          index++;
        }
      }
      index++;
    } else if (char === '\\') {
      word += line[index + 1] ?? '';
      inWord = true;
      index += 2;
    } else if (char === '$') {
      word += expand();
      inWord = true;
    } else {
      word += char;
      inWord = true;
      index++;
    }
  }
  if (inWord) words.push(word);
  return { words };
}
