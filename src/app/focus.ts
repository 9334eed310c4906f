// "Go to session" on the page: brings forward the terminal a session's hooks recorded in the
// instance's cache dir (src/state/places.ts), with the same steps as a notification click. The
// app records places itself for http hooks (no hook process saw the session's environment).
import type { HookInput } from '../events/index.js';
import type { InstanceConfig } from '../instance/index.js';
import {
  canFocus,
  checkedPlace,
  type DesktopNotification,
  focusClick,
  focusPlace,
  type TerminalPlace,
} from '../notify/index.js';
import { readPlace, recordPlace } from '../state/index.js';

/**
 * Records the place an http hook's headers named (already checked) for the hook's session, as a
 * command hook records its environment's. Nothing when the input names no session or the place
 * says nothing a focus step can use.
 */
export function recordHookPlace(
  instance: Pick<InstanceConfig, 'cache_dir'>,
  input: HookInput,
  place: TerminalPlace | undefined,
): void {
  const sessionId = typeof input.session_id === 'string' ? input.session_id : undefined;
  if (sessionId && place && canFocus(place))
    recordPlace(instance.cache_dir, sessionId, place as Record<string, string>);
}

/** A session's recorded place, and what a click on its desktop notification runs. */
export interface KnownPlace {
  place: TerminalPlace;
  click?: DesktopNotification['click'];
}

/** Looks up sessions' places for the app's notifications; `ccbell focus` runs with node and the CLI. */
export function sessionPlaces(
  instance: Pick<InstanceConfig, 'cache_dir' | 'name'>,
  command: { nodePath: string; cliPath: string },
): (sessionId: string) => KnownPlace | undefined {
  return (sessionId) => {
    const record = readPlace(instance.cache_dir, sessionId);
    if (!record) return undefined;
    const place = checkedPlace(record);
    return { place, click: focusClick(place, { ...command, instance: instance.name, sessionId }) };
  };
}

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
