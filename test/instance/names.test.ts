import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  assertInstanceName,
  DEFAULT_INSTANCE,
  INSTANCE_COMMAND_WORDS,
  instanceNameProblem,
  selectInstanceName,
} from '../../src/instance/index.js';

describe('instance names', () => {
  it.each(['default', 'work', 'personal', 'test', 'a', 'Work_2-b', 'x'.repeat(64)])('accepts %s', (name) => {
    expect(instanceNameProblem(name)).toBeUndefined();
    expect(assertInstanceName(name)).toBe(name);
  });

  it.each([
    ['../x', /letters, digits/],
    ['a/b', /letters, digits/],
    ['.', /letters, digits/],
    ['..', /letters, digits/],
    ['x'.repeat(65), /65 characters long \(at most 64\)/],
    ['', /is empty/],
    ['wörk', /letters, digits/],
    ['工作', /letters, digits/],
    ['work ', /letters, digits/],
    ['-', undefined],
    ['a\0b', /letters, digits/],
    ['list', /command word/],
    ['create', /command word/],
    ['copy', /command word/],
    ['remove', /command word/],
    ['show', /command word/],
  ])('judges %j', (name, problem) => {
    if (problem === undefined) {
      expect(instanceNameProblem(name)).toBeUndefined();
      return;
    }
    expect(instanceNameProblem(name)).toMatch(problem);
    let error: unknown;
    try {
      assertInstanceName(name);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain(JSON.stringify(name.slice(0, 80)));
    expect(message).not.toContain('\n');
  });

  it('reserves exactly the seed command words', () => {
    expect([...INSTANCE_COMMAND_WORDS].sort()).toEqual(['copy', 'create', 'list', 'remove', 'show']);
  });
});

describe('selectInstanceName', () => {
  it('takes --instance, else CCBELL_INSTANCE, else default', () => {
    expect(selectInstanceName('work', { CCBELL_INSTANCE: 'personal' })).toBe('work');
    expect(selectInstanceName(undefined, { CCBELL_INSTANCE: 'personal' })).toBe('personal');
    expect(selectInstanceName(undefined, { CCBELL_INSTANCE: '' })).toBe(DEFAULT_INSTANCE);
    expect(selectInstanceName(undefined, {})).toBe(DEFAULT_INSTANCE);
  });

  it('checks the name wherever it came from', () => {
    expect(() => selectInstanceName('../x', {})).toThrow(UsageError);
    expect(() => selectInstanceName(undefined, { CCBELL_INSTANCE: '../x' })).toThrow(UsageError);
  });
});
