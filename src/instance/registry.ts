import { isAbsolute } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { RefusedFileError, readRegularFile } from '../fs/index.js';
import { withFileLock, writeFileAtomic } from '../state/index.js';
import { assertInstanceName, DEFAULT_INSTANCE, instanceNameProblem } from './names.js';
import {
  claudeConfigDir,
  defaultInstancePaths,
  expandHome,
  type InstanceConfig,
  registryPath,
} from './paths.js';

/**
 * The registry as ccbell uses it: instance name → its files, `~/` expanded. A Map, so that no
 * name (`constructor`, `__proto__`) is ever mistaken for a property of Object.prototype.
 */
export type Registry = ReadonlyMap<string, Partial<InstanceConfig>>;

/**
 * The registry file as parsed (the seed's shape: a plain JSON map), kept verbatim: rewriting
 * it keeps every field and entry ccbell does not know, and `~/` paths as written. JSON.parse
 * makes every key an own property, `__proto__` included; entries are added with
 * defineProperty, never by assignment, which for `__proto__` would set the prototype.
 */
type RegistryDocument = Record<string, unknown>;

const PATH_FIELDS = ['config_path', 'state_path', 'cache_dir', 'log_path', 'pid_path'] as const;

/** The registry is a few KB; anything past this is not one. */
const REGISTRY_MAX_BYTES = 1024 * 1024;

/** The parsed registry file; undefined when there is none, a ConfigError naming it when broken. */
function readDocument(path: string): RegistryDocument | undefined {
  let text: string;
  try {
    text = readRegularFile(path, { maxBytes: REGISTRY_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path, '', error.problem, { cause: error });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
  return raw as RegistryDocument;
}

/** The resolved view of a registry document: names checked, paths checked, `~/` expanded. */
function resolveDocument(path: string, document: RegistryDocument, env: NodeJS.ProcessEnv): Registry {
  const registry = new Map<string, Partial<InstanceConfig>>();
  for (const [name, entry] of Object.entries(document)) {
    const problem = instanceNameProblem(name);
    if (problem) throw new ConfigError(path, name, `is not a valid instance name: it ${problem}`);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new ConfigError(path, name, 'must be an object of paths');
    }
    const clean: Partial<InstanceConfig> = {};
    for (const field of PATH_FIELDS) {
      if (!Object.hasOwn(entry, field)) continue;
      const value = (entry as Record<string, unknown>)[field];
      if (value === undefined || value === '') continue;
      const expanded = typeof value === 'string' ? expandHome(value, env) : undefined;
      if (!expanded || !isAbsolute(expanded)) {
        throw new ConfigError(path, `${name}.${field}`, 'must be an absolute path (or start with ~/)');
      }
      clean[field] = expanded;
    }
    registry.set(name, clean);
  }
  return registry;
}

/**
 * Reads the registry; a missing file is an empty registry, a broken one (or one that is not a
 * regular file) an error naming it. `~/` in paths is expanded with `env`'s HOME.
 */
export function readRegistry(dir: string, env: NodeJS.ProcessEnv = process.env): Registry {
  const path = registryPath(dir);
  return resolveDocument(path, readDocument(path) ?? {}, env);
}

/** What a change to the registry file may do; everything else in the file is kept as it is. */
export interface RegistryChange {
  /** The registry as it is now, resolved. */
  readonly registry: Registry;
  /** Adds (or replaces) the entry of `name`. */
  set(name: string, entry: Partial<InstanceConfig>): void;
  /** Removes the entry of `name`; false when there was none. */
  delete(name: string): boolean;
}

/**
 * Changes the registry under its lock and writes it atomically; returns what `change` returns.
 * A broken registry is reported (ConfigError), never rewritten.
 */
export function updateRegistry<T>(
  dir: string,
  change: (registry: RegistryChange) => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const path = registryPath(dir);
  return withFileLock(path, () => {
    const document = readDocument(path) ?? {};
    const result = change({
      registry: resolveDocument(path, document, env),
      set(name, entry) {
        Object.defineProperty(document, name, {
          value: entry,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      },
      delete(name) {
        if (!Object.hasOwn(document, name)) return false;
        delete document[name];
        return true;
      },
    });
    writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`, { durable: true });
    return result;
  });
}

/** Whether `name` is known: `default` always is, others when the registry lists them. */
export function isKnownInstance(name: string, registry: Registry): boolean {
  return name === DEFAULT_INSTANCE || registry.has(name);
}

/**
 * The files of instance `name`. `default` needs no registry entry; any other instance must
 * have been created, so a typo in `--instance` is an error and not a silent new instance.
 */
export function resolveInstance(name: string, env: NodeJS.ProcessEnv = process.env): InstanceConfig {
  assertInstanceName(name);
  const dir = claudeConfigDir(env);
  const registry: Registry = name === DEFAULT_INSTANCE ? new Map() : readRegistry(dir, env);
  if (!isKnownInstance(name, registry)) {
    throw new UsageError(`unknown instance "${name}": create it with "ccbell instance create ${name}"`);
  }
  return { ...defaultInstancePaths(name, dir), ...registry.get(name), name };
}

/** Every instance: `default` first, then the registry's in name order. */
export function listInstances(env: NodeJS.ProcessEnv = process.env): InstanceConfig[] {
  const dir = claudeConfigDir(env);
  const registry = readRegistry(dir, env);
  const names = [DEFAULT_INSTANCE, ...[...registry.keys()].filter((n) => n !== DEFAULT_INSTANCE).sort()];
  return names.map((name) => ({ ...defaultInstancePaths(name, dir), ...registry.get(name), name }));
}

/** Instance selection: `--instance`, else `CCBELL_INSTANCE`, else `default`. */
export function selectInstanceName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return assertInstanceName(flag ?? (env.CCBELL_INSTANCE || DEFAULT_INSTANCE));
}
