import { describe, expect, it } from 'vitest';
import { hookTokenEnv } from '../../src/claude/index.js';

describe('hookTokenEnv', () => {
  it('keeps the variable of simple names as it always was', () => {
    expect(hookTokenEnv('default')).toBe('CCBELL_HOOK_TOKEN_DEFAULT');
    expect(hookTokenEnv('my_work')).toBe('CCBELL_HOOK_TOKEN_MY_WORK');
    expect(hookTokenEnv('work2')).toBe('CCBELL_HOOK_TOKEN_WORK2');
  });

  it('escapes "-", "_" outside simple names, and capitals, so no two names share a variable', () => {
    expect(hookTokenEnv('my-work')).toBe('CCBELL_HOOK_TOKEN_MY__2DWORK');
    expect(hookTokenEnv('Work')).toBe('CCBELL_HOOK_TOKEN___57ORK');
    const names = [
      'my-work',
      'my_work',
      'My_work',
      'my__work',
      '_my_work',
      'my_work_',
      'MY_WORK',
      'my-_work',
      'my_-work',
      'a',
      'A',
      '_a',
      'a_',
    ];
    const vars = names.map(hookTokenEnv);
    expect(new Set(vars).size).toBe(names.length);
    // Claude Code interpolates only these names.
    for (const name of vars) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});
