/** Names made only of these keep the variable they always had: `work` → CCBELL_HOOK_TOKEN_WORK. */
const SIMPLE_NAME = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/**
 * The variable that holds an instance's http hook token in Claude Code's environment. Claude
 * Code interpolates only `[A-Z_][A-Z0-9_]*`, and instance names may hold `-`, `_` and capitals,
 * so the name is encoded so that no two instances share a variable:
 * - a simple name (lower-case letters and digits, joined by single `_`) is upper-cased:
 *   `my_work` → CCBELL_HOOK_TOKEN_MY_WORK;
 * - any other name is upper-cased letter by letter, and every other character (`-`, `_`, a
 *   capital) becomes `__` and its two hex digits: `my-work` → CCBELL_HOOK_TOKEN_MY__2DWORK,
 *   `Work` → CCBELL_HOOK_TOKEN___57ORK.
 * Simple names never make `__`; the others always do, and their escapes decode one way only.
 */
export function hookTokenEnv(instance: string): string {
  if (SIMPLE_NAME.test(instance)) return `CCBELL_HOOK_TOKEN_${instance.toUpperCase()}`;
  let suffix = '';
  for (const char of instance) {
    suffix += /[a-z0-9]/.test(char)
      ? char.toUpperCase()
      : `__${char.codePointAt(0)!.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `CCBELL_HOOK_TOKEN_${suffix}`;
}
