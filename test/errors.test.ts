// The typed errors' kinds, as the CLI's top-level catch tells them apart: also for errors thrown
// by another bundle's copy of the classes (the built CLI loads each command as its own bundle).
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, EnvironmentError, errorKind, messageOf, UsageError } from '../src/errors.js';
import { LockTimeoutError } from '../src/state/index.js';

describe('errorKind', () => {
  it('names the kind of each typed error and of their subclasses', () => {
    expect(errorKind(new UsageError('x'))).toBe('usage');
    expect(errorKind(new EnvironmentError('x'))).toBe('environment');
    expect(errorKind(new ConfigError('/a.json', 'events', 'bad'))).toBe('config');
    expect(errorKind(new LockTimeoutError('busy'))).toBe('environment');
  });

  it('is undefined for anything else', () => {
    expect(errorKind(new Error('x'))).toBeUndefined();
    expect(errorKind(new TypeError('x'))).toBeUndefined();
    expect(errorKind('usage')).toBeUndefined();
    expect(errorKind(undefined)).toBeUndefined();
    expect(errorKind(null)).toBeUndefined();
    expect(errorKind({ name: 'UsageError', message: 'look-alike' })).toBeUndefined();
  });

  it('knows errors from another copy of the module, where instanceof does not', async () => {
    vi.resetModules();
    const other = await import('../src/errors.js');
    expect(other.UsageError).not.toBe(UsageError);
    const foreign = new other.UsageError('from another bundle');
    expect(foreign).not.toBeInstanceOf(UsageError);
    expect(errorKind(foreign)).toBe('usage');
    expect(errorKind(new other.ConfigError('/f', '', 'broken'))).toBe('config');
    expect(other.errorKind(new EnvironmentError('x'))).toBe('environment');
  });

  it('leaves messages and causes as they were', () => {
    const cause = new Error('root');
    const error = new ConfigError('/c.json', 'volume', 'must be 0..1', { cause });
    expect(messageOf(error)).toBe('/c.json: volume: must be 0..1');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('ConfigError');
    expect(Object.keys(error)).not.toContain(Symbol.for('ccbell.errorKind'));
  });
});
