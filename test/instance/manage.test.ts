import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.js';
import { ConfigError, EnvironmentError, UsageError } from '../../src/errors.js';
import {
  copyInstance,
  createInstance,
  defaultInstancePaths,
  instanceStatus,
  listInstanceStatuses,
  readRegistry,
  registryPath,
  removeInstance,
  resolveInstance,
} from '../../src/instance/index.js';
import { mkfifo } from '../support/files.js';

let root: string;
let counter = 0;
let sleeper: ChildProcess;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-manage-'));
  sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
});
afterAll(() => {
  sleeper.kill();
  rmSync(root, { recursive: true, force: true });
});

function home() {
  const HOME = join(root, `home-${counter++}`);
  const dir = join(HOME, '.claude');
  return { HOME, dir, env: { HOME } as NodeJS.ProcessEnv };
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const appRecord = (pid: number) =>
  JSON.stringify({
    pid,
    runtimeId: `${pid}_1763770000123`,
    instance: 'work',
    startedAt: new Date().toISOString(),
  });

describe('createInstance', () => {
  it('registers the instance and gives it a default config when default has none', () => {
    const { dir, env } = home();
    const work = createInstance('work', undefined, env);
    expect(work).toEqual(defaultInstancePaths('work', dir));
    expect(JSON.parse(readFileSync(work.config_path, 'utf8'))).toEqual(defaultConfig());
    // The registry file has the seed's shape: name → { name, config_path, state_path, … }.
    expect(JSON.parse(readFileSync(registryPath(dir), 'utf8'))).toEqual({
      work: defaultInstancePaths('work', dir),
    });
    expect(resolveInstance('work', env)).toEqual(work);
  });

  it('copies the default instance config byte for byte when there is one', () => {
    const { dir, env } = home();
    mkdirSync(dir, { recursive: true });
    const text = '{ "events": { "stop": { "volume": 0.2 } } }\n';
    writeFileSync(join(dir, 'ccbell.config.json'), text);
    expect(readFileSync(createInstance('work', undefined, env).config_path, 'utf8')).toBe(text);
  });

  it('takes a config file given with --config, relative to the working directory', () => {
    const { HOME, env } = home();
    mkdirSync(HOME, { recursive: true });
    const text = '{"events":{"stop":{"sound":"custom:/x/y.wav"}}}';
    writeFileSync(join(HOME, 'f.json'), text);
    const cwd = process.cwd();
    process.chdir(HOME);
    try {
      expect(readFileSync(createInstance('test', 'f.json', env).config_path, 'utf8')).toBe(text);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a config that is missing or not JSON, and registers nothing', () => {
    const { HOME, dir, env } = home();
    mkdirSync(HOME, { recursive: true });
    expect(errorOf(() => createInstance('a', join(HOME, 'none.json'), env))).toBeInstanceOf(UsageError);
    writeFileSync(join(HOME, 'bad.json'), '{');
    const error = errorOf(() => createInstance('b', join(HOME, 'bad.json'), env));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(join(HOME, 'bad.json'));
    expect(readRegistry(dir, env)).toEqual(new Map());
  });

  it('refuses bad names, "default", an existing instance and an existing config file', () => {
    const { dir, env } = home();
    expect(errorOf(() => createInstance('../x', undefined, env))).toBeInstanceOf(UsageError);
    expect(errorOf(() => createInstance('list', undefined, env))).toBeInstanceOf(UsageError);
    expect(errorOf(() => createInstance('default', undefined, env)).message).toMatch(/always exists/);
    createInstance('work', undefined, env);
    writeFileSync(join(dir, 'ccbell-work.config.json'), '{"debug": true}');
    expect(errorOf(() => createInstance('work', undefined, env)).message).toMatch(/already exists/);
    // The person's file is kept as it is.
    expect(readFileSync(join(dir, 'ccbell-work.config.json'), 'utf8')).toBe('{"debug": true}');
    writeFileSync(join(dir, 'ccbell-orphan.config.json'), '{}');
    expect(errorOf(() => createInstance('orphan', undefined, env)).message).toMatch(/already exists/);
    expect([...readRegistry(dir, env).keys()]).toEqual(['work']);
  });
});

describe('copyInstance', () => {
  it('copies the config and not the state', () => {
    const { dir, env } = home();
    const work = createInstance('work', undefined, env);
    const config = '{"events":{"stop":{"cooldown":60,"volume":0.3}}}';
    writeFileSync(work.config_path, config);
    writeFileSync(work.state_path, '{"lastTrigger":{"stop":1800000000}}');
    mkdirSync(work.cache_dir);
    writeFileSync(work.log_path, 'log\n');
    const copy = copyInstance('work', 'test', env);
    expect(copy).toEqual(defaultInstancePaths('test', dir));
    expect(readFileSync(copy.config_path, 'utf8')).toBe(config);
    expect(existsSync(copy.state_path)).toBe(false);
    expect(existsSync(copy.cache_dir)).toBe(false);
    expect(existsSync(copy.log_path)).toBe(false);
    expect([...readRegistry(dir, env).keys()].sort()).toEqual(['test', 'work']);
  });

  it('copies default (the seed: `copy default test`), with defaults when default has no file', () => {
    const { env } = home();
    const copy = copyInstance('default', 'test', env);
    expect(JSON.parse(readFileSync(copy.config_path, 'utf8'))).toEqual(defaultConfig());
  });

  it('refuses an unknown source and an existing target', () => {
    const { env } = home();
    expect(errorOf(() => copyInstance('nope', 'test', env)).message).toMatch(/unknown instance "nope"/);
    createInstance('test', undefined, env);
    expect(errorOf(() => copyInstance('default', 'test', env)).message).toMatch(/already exists/);
  });
});

describe('removeInstance', () => {
  it('forgets the instance and keeps its files', () => {
    const { dir, env } = home();
    const work = createInstance('work', undefined, env);
    expect(removeInstance('work', env)).toEqual(work);
    expect(readRegistry(dir, env)).toEqual(new Map());
    expect(existsSync(work.config_path)).toBe(true);
    expect(() => resolveInstance('work', env)).toThrow(UsageError);
  });

  it('refuses default, an unknown name and a bad name', () => {
    const { env } = home();
    expect(errorOf(() => removeInstance('default', env)).message).toMatch(/cannot be removed/);
    expect(errorOf(() => removeInstance('ghost', env)).message).toMatch(/unknown instance "ghost"/);
    expect(errorOf(() => removeInstance('a/b', env))).toBeInstanceOf(UsageError);
  });

  it('refuses an instance whose app is running, and allows it once the PID file is stale', () => {
    const { dir, env } = home();
    const work = createInstance('work', undefined, env);
    writeFileSync(work.pid_path, appRecord(sleeper.pid!));
    const error = errorOf(() => removeInstance('work', env));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toContain(`app pid ${sleeper.pid}`);
    expect([...readRegistry(dir, env).keys()]).toEqual(['work']);
    // A PID file whose process is gone does not count as running.
    writeFileSync(work.pid_path, appRecord(2 ** 22 + 1));
    expect(removeInstance('work', env).name).toBe('work');
  });
});

describe('instanceStatus and listInstanceStatuses', () => {
  it('shows each instance with its files, whether its config exists and whether its app runs', () => {
    const { dir, env } = home();
    const work = createInstance('work', undefined, env);
    writeFileSync(work.pid_path, appRecord(sleeper.pid!));
    const all = listInstanceStatuses(env);
    expect(all.map((s) => [s.name, s.running, s.configExists])).toEqual([
      ['default', false, false],
      ['work', true, true],
    ]);
    expect(all[1]!.app?.pid).toBe(sleeper.pid);
    const shown = instanceStatus(resolveInstance('default', env));
    expect(shown).toEqual({ ...defaultInstancePaths('default', dir), running: false, configExists: false });
    expect(existsSync(registryPath(dir))).toBe(true);
  });

  it('treats a broken PID file as not running', () => {
    const { env } = home();
    const work = createInstance('work', undefined, env);
    writeFileSync(work.pid_path, 'garbage');
    expect(instanceStatus(work).running).toBe(false);
  });
});

describe('names that are properties of Object.prototype', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    '"%s" is created, copied, listed and removed like any other name',
    (name) => {
      const { dir, env } = home();
      expect(errorOf(() => removeInstance(name, env)).message).toBe(`unknown instance "${name}"`);
      const created = createInstance(name, undefined, env);
      expect(created).toEqual(defaultInstancePaths(name, dir));
      expect(errorOf(() => createInstance(name, undefined, env)).message).toBe(
        `instance "${name}" already exists`,
      );
      copyInstance(name, 'other', env);
      expect(listInstanceStatuses(env).map((s) => s.name)).toEqual(['default', ...[name, 'other'].sort()]);
      expect(removeInstance(name, env).name).toBe(name);
      expect([...readRegistry(dir, env).keys()]).toEqual(['other']);
      expect(errorOf(() => removeInstance(name, env)).message).toBe(`unknown instance "${name}"`);
    },
  );
});

describe('a config that is not a regular file', () => {
  it('is refused at once by create --config, naming it', () => {
    const { HOME, env } = home();
    mkdirSync(HOME, { recursive: true });
    const fifo = mkfifo(join(HOME, 'config.fifo'));
    const started = Date.now();
    const error = errorOf(() => createInstance('work', fifo, env));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`config ${fifo} is a FIFO, not a regular file`);
  });
});
