// Door: the control channel, where `ccbell pending`, `ccbell answer` (and the inbox) ask the
// app what waits and answer it, with everything the page can say.
import { type Core, viewOf } from '../../core/index.js';
import { type AnswerReply, parseControlRequest } from '../../protocol/index.js';

export interface ControlDoorOptions {
  core: Core;
  instance: string;
  runtimeId: string;
}

/** The bus handler of the app's control channel. */
export function controlDoor({ core, instance, runtimeId }: ControlDoorOptions) {
  return async (payload: unknown) => {
    const control = parseControlRequest(payload);
    switch (control.op) {
      case 'status':
        return {
          instance,
          runtime_id: runtimeId,
          sessions: core.feed.sessions.list(),
          pending: core.desk.pending().map(viewOf),
          feed: core.feed.list(),
        };
      case 'pending':
        return { pending: core.desk.pending().map(viewOf) };
      case 'answer': {
        const result = core.desk.answer(control.id, control.answer, control.by);
        const reply: AnswerReply = result.ok
          ? { ok: true, item: viewOf(result.item) }
          : result.reason === 'unknown'
            ? { ok: false, reason: 'unknown' }
            : { ok: false, reason: 'already-answered', item: viewOf(result.item) };
        return reply;
      }
    }
  };
}
