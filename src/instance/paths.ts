import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_INSTANCE } from './names.js';

/** The seed's InstanceConfig, plus the PID file of the instance's app. Field names as the seed. */
export interface InstanceConfig {
  name: string;
  config_path: string;
  state_path: string;
  cache_dir: string;
  log_path: string;
  pid_path: string;
}

/** Claude Code's config directory: `CLAUDE_CONFIG_DIR`, else `~/.claude`. */
export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CLAUDE_CONFIG_DIR;
  if (fromEnv && isAbsolute(fromEnv)) return fromEnv;
  return join(env.HOME || homedir(), '.claude');
}

/** The registry of named instances, beside Claude Code's settings. */
export function registryPath(dir: string): string {
  return join(dir, 'ccbell-instances.json');
}

/**
 * The files an instance uses when the registry names none: `default` keeps the original
 * ccbell names, others get `ccbell-<name>.*` beside them, as the seed shows.
 */
export function defaultInstancePaths(name: string, dir: string): InstanceConfig {
  const stem = name === DEFAULT_INSTANCE ? 'ccbell' : `ccbell-${name}`;
  return {
    name,
    config_path: join(dir, `${stem}.config.json`),
    state_path: join(dir, `${stem}.state`),
    cache_dir: join(dir, `${stem}-cache`),
    log_path: join(dir, `${stem}.log`),
    pid_path: join(dir, `${stem}.pid`),
  };
}

/** Expands a leading `~/` as the seed's registry examples use it. */
export function expandHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (path === '~') return env.HOME || homedir();
  if (path.startsWith('~/')) return join(env.HOME || homedir(), path.slice(2));
  return path;
}
