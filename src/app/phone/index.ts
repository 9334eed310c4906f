// Allow/Deny from the phone, put together: the capabilities, the buttons a push carries, and the
// endpoint that takes them. The app starts it only when `phoneApprovals` is set and on.

import type { MessageAction } from '../../channels/types.js';
import type { PhoneApprovals } from '../../config/index.js';
import { type Core, isClosed } from '../../core/index.js';
import { EnvironmentError } from '../../errors.js';
import { toolLabel } from '../../events/index.js';
import { startActionServer } from '../doors/phone.js';
import { phoneActions } from './actions.js';
import { CapabilityBook } from './capabilities.js';

export interface PhoneApprovalsDoor {
  /** The endpoint's port (the configured one, or the free one tests asked for). */
  port: number;
  /** The buttons for a request just filed; its capabilities end when the request does. */
  actionsFor(requestId: string): MessageAction[];
  close(): Promise<void>;
}

export async function startPhoneApprovals(options: {
  core: Core;
  settings: PhoneApprovals;
  warn(line: string): void;
}): Promise<PhoneApprovalsDoor> {
  const { core, settings } = options;
  const capabilities = new CapabilityBook();
  core.desk.book.on('answered', (item) => capabilities.revoke(item.id));
  const server = await startActionServer({
    host: settings.host,
    port: settings.port,
    capabilities,
    describe: (id) => {
      const item = core.desk.book.get(id);
      if (!item || isClosed(item)) return undefined;
      return `${toolLabel(item.toolName, item.input)}${item.cwd ? ` in ${item.cwd}` : ''}`;
    },
    act: (id, decision) =>
      core.desk.answer(
        id,
        decision === 'allow' ? { behavior: 'allow' } : { behavior: 'deny', message: 'denied from the phone' },
        'phone',
      ).ok,
    warn: options.warn,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new EnvironmentError(
      `phoneApprovals: cannot listen on ${settings.host}:${settings.port} (${error.code ?? error.message})`,
      { cause: error },
    );
  });
  return {
    port: server.port,
    actionsFor: (requestId) => phoneActions(capabilities, settings.publicUrl, requestId),
    close: () => server.close(),
  };
}
