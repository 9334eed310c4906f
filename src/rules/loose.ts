// Internal to src/rules: a deliberately loose reading of a shell line, for deny rules only. It
// splits at every character that could separate commands, whatever the quoting, and also tries
// each piece with its quotes and backslashes dropped, so a denied command hidden by syntax
// ccbell does not understand (`echo hi #'` newline `rm -rf x`, `r''m -rf x`, `$'rm' -rf x`)
// still meets the deny rule. It over-matches on purpose: this never allows anything.
import { programOf, wrapperKind } from './wrappers.js';

const SEPARATORS = /[;&|\n\r`(){}<>]/;
const SKIPPED_WORDS = new Set([
  '!',
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  'time',
  'coproc',
  'exec',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
/** Bounds the work for very long lines; the parser refuses those anyway. */
const MAX_CANDIDATES = 20_000;
const FIND_RUNS = /^-(?:exec|execdir|ok|okdir)$/;
/** A wrapped command starts within the first words (`sudo -u root rm …`); later tails are not tried. */
const MAX_TAILS = 16;

/** Texts a deny rule is matched against, beyond the parsed commands. */
export function looseCandidates(line: string): string[] {
  const out = new Set<string>();
  // `$IFS` and `${IFS}` split words like a space.
  const spaced = line.replace(/\$\{?IFS\}?/g, ' ');
  const seen = new Set<string>();
  for (const text of spaced === line ? [line] : [line, spaced]) {
    for (const piece of text.split(SEPARATORS)) {
      if (seen.has(piece)) continue;
      seen.add(piece);
      const stripped = piece.replace(/\$(?=['"])/g, '').replace(/['"\\]/g, '');
      for (const variant of [piece, stripped]) {
        addWords(
          variant.split(/\s+/).filter((word) => word !== ''),
          out,
        );
        if (out.size > MAX_CANDIDATES) return [...out];
      }
    }
  }
  return [...out];
}

/**
 * Adds the command these words make, with the program's path dropped (`/bin/rm` is `rm`),
 * after leading keywords and assignments; and, when it runs another command, every tail.
 */
export function addWords(words: readonly string[], out: Set<string>): void {
  let start = 0;
  while (start < words.length && (SKIPPED_WORDS.has(words[start]!) || ASSIGNMENT.test(words[start]!)))
    start++;
  if (start === words.length) return;
  // Tails are cut from one joined text, so a long command costs one join, not one per tail.
  const text = words.slice(start).join(' ');
  const addFrom = (offset: number, name: string) => {
    out.add(text.slice(offset));
    out.add(programOf(name) + text.slice(offset + name.length));
  };
  addFrom(0, words[start]!);
  if (wrapperKind(words.slice(start)) === undefined) return;
  let offset = 0;
  for (let index = start + 1; index < words.length; index++) {
    offset += words[index - 1]!.length + 1;
    // The wrapped command comes first (`sudo -u root rm …`), or after find's `-exec`.
    if (index < start + MAX_TAILS || FIND_RUNS.test(words[index - 1]!)) addFrom(offset, words[index]!);
  }
}
