import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceConfig } from '../../instance/index.js';
import { writeFileAtomic } from '../../state/index.js';
import { makeToken } from './security.js';

/** Where an instance keeps the bearer token of its http hooks (private to the user). */
export function hookTokenPath(instance: InstanceConfig): string {
  return join(instance.cache_dir, 'hook-token');
}

/**
 * The instance's http hook token. It outlives one app run so that hooks installed by
 * `ccbell setup --http` keep working when the app restarts; made on first use.
 */
export function instanceHookToken(instance: InstanceConfig): string {
  const path = hookTokenPath(instance);
  try {
    const token = readFileSync(path, 'utf8').trim();
    if (token.length >= 32) return token;
  } catch {}
  mkdirSync(instance.cache_dir, { recursive: true, mode: 0o700 });
  const token = makeToken();
  writeFileAtomic(path, `${token}\n`, { mode: 0o600, durable: true });
  return token;
}
