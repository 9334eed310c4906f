import { describe, expect, it } from 'vitest';
import { parseArgs, stringFlag } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

describe('parseArgs', () => {
  it('splits positionals, value flags, boolean flags and what follows --', () => {
    expect(parseArgs(['--instance', 'work', 'stop', '--json', '--', 'claude', '--model', 'x'])).toEqual({
      positionals: ['stop'],
      flags: { instance: 'work', json: true },
      rest: ['claude', '--model', 'x'],
    });
  });

  it('takes --flag=value and short -h/-v', () => {
    const args = parseArgs(['--instance=work', '-h', '-v']);
    expect(stringFlag(args, 'instance')).toBe('work');
    expect(args.flags).toMatchObject({ help: true, version: true });
  });

  it('keeps a value that looks like a path, including ../x, for the name check to refuse', () => {
    expect(stringFlag(parseArgs(['--instance', '../x']), 'instance')).toBe('../x');
  });

  it.each([
    [['--instance'], /--instance needs a value/],
    [['--instance='], /--instance needs a value/],
    [['--nope'], /unknown option "--nope"/],
    [['--json=yes'], /unknown option/],
    [['-x'], /unknown option "-x"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('reads a lone "-" as a positional', () => {
    expect(parseArgs(['-']).positionals).toEqual(['-']);
  });
});
