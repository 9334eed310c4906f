// "Go to session" on the page: brings forward the terminal a session's hooks recorded in the
// instance's cache dir (src/state/places.ts), with the same steps as a notification click.
import type { InstanceConfig } from '../instance/index.js';
import { checkedPlace, focusPlace } from '../notify/index.js';
import { readPlace } from '../state/index.js';

/** What focusing a session did: whether its terminal was known, whether a step worked, each step. */
export interface SessionFocus {
  found: boolean;
  ok: boolean;
  steps: string[];
}

/** The page server's `onFocus` for `instance`: focus steps run with `env` (the app's). */
export function sessionFocuser(
  instance: Pick<InstanceConfig, 'cache_dir'>,
  env: NodeJS.ProcessEnv,
): (sessionId: string) => Promise<SessionFocus> {
  return async (sessionId) => {
    const record = readPlace(instance.cache_dir, sessionId);
    if (!record) return { found: false, ok: false, steps: [] };
    const results = await focusPlace(checkedPlace(record), env);
    return {
      found: true,
      ok: results.some((result) => result.ok),
      steps: results.map(
        (result) => `${result.ok ? 'ok' : 'failed'}: ${[result.step.command, ...result.step.args].join(' ')}`,
      ),
    };
  };
}
