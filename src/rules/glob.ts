// Internal to src/rules: the wildcard text of a rule (`*`, `?`, `\*`) turned into regular
// expressions, and the helpers that count and escape wildcards.

/**
 * Glob to regex source. text: `*` is any text. path: `*` and `?` stay inside one path segment,
 * `**` crosses segments, and `dir/**\/x` also matches `dir/x`. `\*` and `\\` are literal.
 */
export function globToRegex(glob: string, mode: 'text' | 'path'): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (
      c === '\\' &&
      (glob[i + 1] === '*' || glob[i + 1] === '\\' || (mode === 'path' && glob[i + 1] === '?'))
    ) {
      out += escapeRegex(glob[i + 1]!);
      i++;
    } else if (c === '*') {
      if (mode === 'text') {
        out += '.*';
      } else if (glob[i + 1] === '*') {
        const segmentStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (segmentStart && glob[i + 1] === '/') {
          out += '(?:.*/)?';
          i++;
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?' && mode === 'path') {
      out += '[^/]';
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

/** Whether a specifier holds an unescaped wildcard (for file tools `?` counts too). */
export function hasWildcard(specifier: string, pathLike: boolean): boolean {
  for (let i = 0; i < specifier.length; i++) {
    const c = specifier[i];
    if (c === '\\') i++;
    else if (c === '*' || (pathLike && c === '?')) return true;
  }
  return false;
}

/** How many unescaped `*` a text holds. */
export function countWildcards(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*') count++;
  }
  return count;
}

/** Escapes `\` and the given wildcard characters so a specifier matches the text literally. */
export function escapeSpecifier(text: string, extra = '*'): string {
  let out = '';
  for (const c of text) out += c === '\\' || extra.includes(c) ? `\\${c}` : c;
  return out;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}
