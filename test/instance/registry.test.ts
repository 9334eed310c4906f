import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import {
  claudeConfigDir,
  defaultInstancePaths,
  expandHome,
  listInstances,
  readRegistry,
  registryPath,
  resolveInstance,
  updateRegistry,
} from '../../src/instance/index.js';
import { changedSince, mkfifo, snapshot } from '../support/files.js';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-registry-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh HOME with an empty ~/.claude, and the env that points at it. */
function home() {
  const HOME = join(root, `home-${counter++}`);
  const dir = join(HOME, '.claude');
  mkdirSync(dir, { recursive: true });
  return { HOME, dir, env: { HOME } as NodeJS.ProcessEnv };
}

describe('paths', () => {
  it('uses ~/.claude, or an absolute CLAUDE_CONFIG_DIR', () => {
    expect(claudeConfigDir({ HOME: '/h' })).toBe('/h/.claude');
    expect(claudeConfigDir({ HOME: '/h', CLAUDE_CONFIG_DIR: '/c' })).toBe('/c');
    expect(claudeConfigDir({ HOME: '/h', CLAUDE_CONFIG_DIR: 'relative' })).toBe('/h/.claude');
    expect(registryPath('/h/.claude')).toBe('/h/.claude/ccbell-instances.json');
  });

  it('keeps original ccbell file names for default, ccbell-<name>.* for others', () => {
    expect(defaultInstancePaths('default', '/h/.claude')).toEqual({
      name: 'default',
      config_path: '/h/.claude/ccbell.config.json',
      state_path: '/h/.claude/ccbell.state',
      cache_dir: '/h/.claude/ccbell-cache',
      log_path: '/h/.claude/ccbell.log',
      pid_path: '/h/.claude/ccbell.pid',
    });
    expect(defaultInstancePaths('work', '/h/.claude')).toEqual({
      name: 'work',
      config_path: '/h/.claude/ccbell-work.config.json',
      state_path: '/h/.claude/ccbell-work.state',
      cache_dir: '/h/.claude/ccbell-work-cache',
      log_path: '/h/.claude/ccbell-work.log',
      pid_path: '/h/.claude/ccbell-work.pid',
    });
  });

  it('expands a leading ~/ only', () => {
    expect(expandHome('~/x/y', { HOME: '/h' })).toBe('/h/x/y');
    expect(expandHome('~', { HOME: '/h' })).toBe('/h');
    expect(expandHome('/a/~/b', { HOME: '/h' })).toBe('/a/~/b');
    expect(expandHome('~other/x', { HOME: '/h' })).toBe('~other/x');
  });
});

describe('registry', () => {
  it('is empty when there is no file, and default resolves to the original paths', () => {
    const { dir, env } = home();
    expect(readRegistry(dir, env)).toEqual(new Map());
    expect(resolveInstance('default', env)).toEqual(defaultInstancePaths('default', dir));
    expect(listInstances(env)).toEqual([defaultInstancePaths('default', dir)]);
    expect(existsSync(registryPath(dir))).toBe(false);
  });

  it('refuses an unknown instance instead of making it up', () => {
    const { env } = home();
    expect(() => resolveInstance('wrok', env)).toThrow(UsageError);
    expect(() => resolveInstance('wrok', env)).toThrow(/ccbell instance create wrok/);
    expect(() => resolveInstance('../x', env)).toThrow(UsageError);
  });

  it('writes and reads back entries; default paths fill what an entry leaves out', () => {
    const { dir, env } = home();
    updateRegistry(
      dir,
      (file) => {
        file.set('work', { config_path: join(dir, 'elsewhere', 'work.json') });
      },
      env,
    );
    expect(JSON.parse(readFileSync(registryPath(dir), 'utf8'))).toEqual({
      work: { config_path: join(dir, 'elsewhere', 'work.json') },
    });
    expect(resolveInstance('work', env)).toEqual({
      ...defaultInstancePaths('work', dir),
      config_path: join(dir, 'elsewhere', 'work.json'),
    });
  });

  it('expands ~/ in the seed-shaped registry with the given HOME', () => {
    const { HOME, dir, env } = home();
    writeFileSync(
      registryPath(dir),
      JSON.stringify({
        work: {
          name: 'work',
          config_path: '~/.claude/ccbell-work.config.json',
          state_path: '~/.claude/ccbell-work.state',
          cache_dir: '~/.claude/ccbell-work-cache',
          log_path: '~/logs/ccbell-work.log',
        },
      }),
    );
    const work = resolveInstance('work', env);
    expect(work.config_path).toBe(join(HOME, '.claude/ccbell-work.config.json'));
    expect(work.state_path).toBe(join(HOME, '.claude/ccbell-work.state'));
    expect(work.cache_dir).toBe(join(HOME, '.claude/ccbell-work-cache'));
    expect(work.log_path).toBe(join(HOME, 'logs/ccbell-work.log'));
    expect(work.pid_path).toBe(join(dir, 'ccbell-work.pid'));
  });

  it('lists default first, then the registry in name order', () => {
    const { dir, env } = home();
    writeFileSync(registryPath(dir), JSON.stringify({ zeta: {}, alpha: {}, mid: {} }));
    expect(listInstances(env).map((i) => i.name)).toEqual(['default', 'alpha', 'mid', 'zeta']);
  });

  it.each([
    ['not JSON', '{', '', /not valid JSON/],
    ['an array', '[]', '', /JSON object/],
    ['a bad name', '{"../x": {}}', '../x', /not a valid instance name/],
    ['a non-object entry', '{"work": "path"}', 'work', /object of paths/],
    ['a relative path', '{"work": {"state_path": "state/x"}}', 'work.state_path', /absolute path/],
    ['a non-string path', '{"work": {"log_path": 3}}', 'work.log_path', /absolute path/],
  ])('refuses a registry with %s, naming the file and the field', (_what, text, field, problem) => {
    const { dir, env } = home();
    writeFileSync(registryPath(dir), text);
    let error: unknown;
    try {
      readRegistry(dir, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(registryPath(dir));
    expect((error as ConfigError).field).toBe(field);
    expect((error as Error).message).toMatch(problem);
    // A broken registry is never rewritten.
    expect(() => updateRegistry(dir, () => undefined, env)).toThrow(ConfigError);
    expect(readFileSync(registryPath(dir), 'utf8')).toBe(text);
  });
});

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('names that are properties of Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('"%s" is unknown until created, like any other name', (name) => {
    const { env } = home();
    expect(readRegistry(claudeConfigDir(env), env).has(name)).toBe(false);
    expect(() => resolveInstance(name, env)).toThrow(`unknown instance "${name}"`);
    expect(listInstances(env).map((i) => i.name)).toEqual(['default']);
  });

  it.each(PROTOTYPE_NAMES)('"%s" is an entry like any other once the file lists it', (name) => {
    const { dir, env } = home();
    updateRegistry(dir, (file) => file.set(name, { log_path: '/var/log/x.log' }), env);
    const written = readFileSync(registryPath(dir), 'utf8');
    expect(written).toContain(`"${name}": {`);
    expect(Object.keys(JSON.parse(written))).toEqual([name]);
    expect(resolveInstance(name, env)).toEqual({
      ...defaultInstancePaths(name, dir),
      log_path: '/var/log/x.log',
    });
    expect(listInstances(env).map((i) => i.name)).toEqual(['default', name]);
    expect(updateRegistry(dir, (file) => file.delete(name), env)).toBe(true);
    expect(JSON.parse(readFileSync(registryPath(dir), 'utf8'))).toEqual({});
    expect(updateRegistry(dir, (file) => file.delete(name), env)).toBe(false);
  });

  it('reads "__proto__" in the file as an entry, never as a prototype', () => {
    const { dir, env } = home();
    writeFileSync(registryPath(dir), '{"__proto__": {"state_path": "/s/proto.state"}, "work": {}}');
    expect([...readRegistry(dir, env).keys()]).toEqual(['__proto__', 'work']);
    expect(resolveInstance('__proto__', env).state_path).toBe('/s/proto.state');
    expect(resolveInstance('work', env).state_path).toBe(join(dir, 'ccbell-work.state'));
  });
});

describe('rewriting the registry', () => {
  it('keeps every field and entry it does not know, and ~/ paths as written', () => {
    const { HOME, dir, env } = home();
    const original = {
      work: {
        name: 'work',
        config_path: '~/.claude/ccbell-work.config.json',
        log_path: '~/logs/work.log',
        color: 'blue',
        notes: { owner: 'me', tags: ['a', 1, null] },
      },
      play: { state_path: '~/play.state', future_field: 42 },
    };
    const text = `${JSON.stringify(original, null, 2)}\n`;
    writeFileSync(registryPath(dir), text);
    updateRegistry(dir, (file) => file.set('extra', { log_path: join(HOME, 'extra.log') }), env);
    const added = JSON.parse(readFileSync(registryPath(dir), 'utf8'));
    expect(added).toEqual({ ...original, extra: { log_path: join(HOME, 'extra.log') } });
    // The resolved view still expands ~/ for use.
    expect(resolveInstance('work', env).log_path).toBe(join(HOME, 'logs/work.log'));
    updateRegistry(dir, (file) => file.delete('extra'), env);
    expect(readFileSync(registryPath(dir), 'utf8')).toBe(text);
  });

  it('refuses a FIFO at once, naming it, and leaves it a FIFO', () => {
    const { dir, env } = home();
    mkfifo(registryPath(dir));
    const before = snapshot(dir);
    const started = Date.now();
    expect(() => readRegistry(dir, env)).toThrow(`${registryPath(dir)}: is a FIFO, not a regular file`);
    expect(() => resolveInstance('work', env)).toThrow(ConfigError);
    expect(() => updateRegistry(dir, (file) => file.set('x', {}), env)).toThrow(ConfigError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(changedSince(before, dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['ccbell-instances.json']);
    // The default instance needs no registry.
    expect(resolveInstance('default', env).name).toBe('default');
  });
});
