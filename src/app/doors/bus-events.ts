// Door: hook events forwarded over the bus by command hooks of the app's sessions. They have
// sounded already in the hook process: the core records them and settles what they close.
import type { Core } from '../../core/index.js';
import { parseAppEventMessage } from '../../protocol/index.js';

/** The bus handler of the app's event channel. */
export function eventDoor(core: Core, warn: (line: string) => void) {
  return (payload: unknown) => {
    let message: ReturnType<typeof parseAppEventMessage>;
    try {
      message = parseAppEventMessage(payload);
    } catch (error) {
      warn(`refused a malformed event message: ${(error as Error).message}`);
      return;
    }
    core.observe(message.input ?? {}, message.event);
  };
}
