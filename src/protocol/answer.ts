// One answer to an approval request, the same from every door: the page, the terminal,
// `ccbell answer`, and the control channel. Whatever one of them can say, all can.
import { boundedString, describe, PROTOCOL_LIMITS, ProtocolError, plainObject, toolInput } from './fields.js';

/** A person's answer: allow (maybe with edited input, maybe for the whole session) or deny with a reason. */
export interface AnswerMessage {
  readonly behavior: 'allow' | 'deny';
  /** On deny: why, shown to Claude. */
  readonly message?: string;
  /** On allow: the input to run instead of the one asked about. */
  readonly updated_input?: Record<string, unknown>;
  /** On allow: also allow this kind of call for the rest of the session. */
  readonly always?: boolean;
}

/** Checks a value received as an answer; throws a ProtocolError naming the fault. */
export function parseAnswer(value: unknown, field = ''): AnswerMessage {
  const record = plainObject(value, field);
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const behavior = record.behavior;
  if (behavior !== 'allow' && behavior !== 'deny') {
    throw new ProtocolError(at('behavior'), `must be "allow" or "deny", got ${describe(behavior)}`);
  }
  const answer: { -readonly [K in keyof AnswerMessage]: AnswerMessage[K] } = { behavior };
  if (record.message !== undefined && record.message !== null && record.message !== '') {
    const message = boundedString(record.message, at('message'), PROTOCOL_LIMITS.messageLength);
    if (message.trim()) answer.message = message;
  }
  if (record.updated_input !== undefined && record.updated_input !== null) {
    if (behavior === 'deny')
      throw new ProtocolError(at('updated_input'), 'only an allow can carry updated_input');
    answer.updated_input = toolInput(record.updated_input, at('updated_input'));
  }
  if (record.always !== undefined && record.always !== false) {
    if (record.always !== true)
      throw new ProtocolError(at('always'), `must be true or false, got ${describe(record.always)}`);
    if (behavior === 'deny')
      throw new ProtocolError(at('always'), 'only an allow can be for the whole session');
    answer.always = true;
  }
  return answer;
}
