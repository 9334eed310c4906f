import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultConfig } from '../config/index.js';
import { ConfigError, EnvironmentError, UsageError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { writeFileAtomic } from '../state/index.js';
import { assertInstanceName, DEFAULT_INSTANCE } from './names.js';
import { claudeConfigDir, defaultInstancePaths, type InstanceConfig } from './paths.js';
import { type AppRecord, readRunningApp } from './pidfile.js';
import { listInstances, readRegistry, resolveInstance, updateRegistry } from './registry.js';

/** An instance as `list` and `show` report it. */
export interface InstanceStatus extends InstanceConfig {
  running: boolean;
  app?: AppRecord;
  configExists: boolean;
}

export function instanceStatus(instance: InstanceConfig): InstanceStatus {
  const app = readRunningApp(instance.pid_path);
  return {
    ...instance,
    running: Boolean(app),
    ...(app ? { app } : {}),
    configExists: existsSync(instance.config_path),
  };
}

export function listInstanceStatuses(env: NodeJS.ProcessEnv = process.env): InstanceStatus[] {
  return listInstances(env).map(instanceStatus);
}

function readJsonConfig(path: string): string {
  let text: string;
  try {
    text = readRegularFile(path, { maxBytes: 1024 * 1024 }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) {
      throw new UsageError(`config ${error.message}`, { cause: error });
    }
    throw new UsageError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      cause: error,
    });
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, '', `is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return text;
}

export interface CreateOptions {
  /**
   * A config already at the new instance's path (left by an earlier instance of that name, whose
   * files `remove` keeps) is kept and used, not refused. Only without `fromConfig`.
   */
  reuseConfig?: boolean;
}

/**
 * Registers `name` and gives it a config: a copy of `fromConfig`, else of the default instance's;
 * with `reuseConfig`, the config already at its path when there is one.
 */
export function createInstance(
  name: string,
  fromConfig?: string,
  env: NodeJS.ProcessEnv = process.env,
  options: CreateOptions = {},
): InstanceConfig {
  assertInstanceName(name);
  if (name === DEFAULT_INSTANCE) throw new UsageError('the "default" instance always exists');
  const dir = claudeConfigDir(env);
  const source = fromConfig ? resolve(fromConfig) : defaultInstancePaths(DEFAULT_INSTANCE, dir).config_path;
  const text =
    fromConfig || existsSync(source)
      ? readJsonConfig(source)
      : `${JSON.stringify(defaultConfig(), null, 2)}\n`;
  const instance = defaultInstancePaths(name, dir);
  const reuse = options.reuseConfig === true && !fromConfig;
  mkdirSync(dirname(instance.config_path), { recursive: true, mode: 0o700 });
  updateRegistry(
    dir,
    (file) => {
      if (file.registry.has(name)) throw new UsageError(`instance "${name}" already exists`);
      if (existsSync(instance.config_path)) {
        if (!reuse) {
          throw new UsageError(
            `${instance.config_path} already exists; ${fromConfig ? `run "ccbell instance create ${name}" without --config to use it again, ` : ''}remove it or pick another name`,
          );
        }
      } else writeFileAtomic(instance.config_path, text, { durable: true });
      file.set(name, { ...instance });
    },
    env,
  );
  return instance;
}

/** Makes `target` a new instance whose config is a copy of `source`'s; state is not copied. */
export function copyInstance(
  source: string,
  target: string,
  env: NodeJS.ProcessEnv = process.env,
): InstanceConfig {
  const from = resolveInstance(source, env);
  if (!existsSync(from.config_path)) {
    const instance = createInstance(target, undefined, env);
    writeFileAtomic(instance.config_path, `${JSON.stringify(defaultConfig(), null, 2)}\n`, { durable: true });
    return instance;
  }
  return createInstance(target, from.config_path, env);
}

/**
 * Forgets instance `name`. Its files stay where they are (they are the person's); `default`
 * and an instance whose app is running are refused.
 */
export function removeInstance(name: string, env: NodeJS.ProcessEnv = process.env): InstanceConfig {
  assertInstanceName(name);
  if (name === DEFAULT_INSTANCE) throw new UsageError('the "default" instance cannot be removed');
  const dir = claudeConfigDir(env);
  if (!readRegistry(dir, env).has(name)) throw new UsageError(`unknown instance "${name}"`);
  const instance = resolveInstance(name, env);
  const app = readRunningApp(instance.pid_path);
  if (app) throw new EnvironmentError(`instance "${name}" is running (app pid ${app.pid}); stop it first`);
  updateRegistry(
    dir,
    (file) => {
      file.delete(name);
    },
    env,
  );
  return instance;
}
