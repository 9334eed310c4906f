// Internal to the channels: text from a project, a command or Claude's reply made safe to hand
// to a terminal or a speech program. Hostile input (a folder named with escape sequences, a
// command full of control characters) must come out as one plain, bounded line.

// C0 controls (ESC and BEL among them), DEL, and the C1 controls (0x80-0x9f: in 8-bit form 0x9b
// starts a CSI, 0x9c ends a string, 0x9d starts an OSC), and the Unicode line/paragraph separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * `text` as one line of at most `maxChars` characters (code points: an emoji is never cut in
 * half): every run of control characters becomes one space, spaces are collapsed and trimmed,
 * and a cut line ends in "…".
 */
export function plainText(text: string, maxChars: number): string {
  const flat = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars) return flat;
  return `${chars
    .slice(0, Math.max(0, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}
