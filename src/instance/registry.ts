import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { withFileLock, writeFileAtomic } from '../state/index.js';
import { assertInstanceName, DEFAULT_INSTANCE, instanceNameProblem } from './names.js';
import {
  claudeConfigDir,
  defaultInstancePaths,
  expandHome,
  type InstanceConfig,
  registryPath,
} from './paths.js';

/** The registry file: instance name → its files, in the seed's shape (a plain JSON map). */
export type Registry = Record<string, Partial<InstanceConfig>>;

const PATH_FIELDS = ['config_path', 'state_path', 'cache_dir', 'log_path', 'pid_path'] as const;

/**
 * Reads the registry; a missing file is an empty registry, a broken one an error naming it.
 * `~/` in paths is expanded with `env`'s HOME.
 */
export function readRegistry(dir: string, env: NodeJS.ProcessEnv = process.env): Registry {
  const path = registryPath(dir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(path, '', 'cannot be read', { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, '', `is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(path, '', 'must hold a JSON object of instances');
  }
  const registry: Registry = {};
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    const problem = instanceNameProblem(name);
    if (problem) throw new ConfigError(path, name, `is not a valid instance name: it ${problem}`);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new ConfigError(path, name, 'must be an object of paths');
    }
    const clean: Partial<InstanceConfig> = {};
    for (const field of PATH_FIELDS) {
      const value = (entry as Record<string, unknown>)[field];
      if (value === undefined || value === '') continue;
      const expanded = typeof value === 'string' ? expandHome(value, env) : undefined;
      if (!expanded || !isAbsolute(expanded)) {
        throw new ConfigError(path, `${name}.${field}`, 'must be an absolute path (or start with ~/)');
      }
      clean[field] = expanded;
    }
    registry[name] = clean;
  }
  return registry;
}

/** Changes the registry under its lock and writes it atomically; returns what `change` returns. */
export function updateRegistry<T>(
  dir: string,
  change: (registry: Registry) => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const path = registryPath(dir);
  return withFileLock(path, () => {
    const registry = readRegistry(dir, env);
    const result = change(registry);
    writeFileAtomic(path, `${JSON.stringify(registry, null, 2)}\n`, { durable: true });
    return result;
  });
}

/** Whether `name` is known: `default` always is, others when the registry lists them. */
export function isKnownInstance(name: string, registry: Registry): boolean {
  return name === DEFAULT_INSTANCE || name in registry;
}

/**
 * The files of instance `name`. `default` needs no registry entry; any other instance must
 * have been created, so a typo in `--instance` is an error and not a silent new instance.
 */
export function resolveInstance(name: string, env: NodeJS.ProcessEnv = process.env): InstanceConfig {
  assertInstanceName(name);
  const dir = claudeConfigDir(env);
  const registry = name === DEFAULT_INSTANCE ? {} : readRegistry(dir, env);
  if (!isKnownInstance(name, registry)) {
    throw new UsageError(`unknown instance "${name}": create it with "ccbell instance create ${name}"`);
  }
  return { ...defaultInstancePaths(name, dir), ...registry[name], name };
}

/** Every instance: `default` first, then the registry's in name order. */
export function listInstances(env: NodeJS.ProcessEnv = process.env): InstanceConfig[] {
  const dir = claudeConfigDir(env);
  const registry = readRegistry(dir, env);
  const names = [
    DEFAULT_INSTANCE,
    ...Object.keys(registry)
      .filter((n) => n !== DEFAULT_INSTANCE)
      .sort(),
  ];
  return names.map((name) => ({ ...defaultInstancePaths(name, dir), ...registry[name], name }));
}

/** Instance selection: `--instance`, else `CCBELL_INSTANCE`, else `default`. */
export function selectInstanceName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return assertInstanceName(flag ?? (env.CCBELL_INSTANCE || DEFAULT_INSTANCE));
}
