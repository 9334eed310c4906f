// The phone's buttons for one request: an Allow and a Deny link, each carrying its own one-time
// capability, under the public address the person set.
import type { MessageAction } from '../../channels/types.js';
import type { CapabilityBook } from './capabilities.js';

/** `/a/<request id>/<capability>`: the only path the phone endpoint serves. */
export function actionPath(requestId: string, token: string): string {
  return `/a/${requestId}/${token}`;
}

/** Mints the request's capabilities and returns its two buttons. */
export function phoneActions(book: CapabilityBook, publicUrl: string, requestId: string): MessageAction[] {
  const { allow, deny } = book.mint(requestId);
  return [
    { label: 'Allow', url: `${publicUrl}${actionPath(requestId, allow)}`, method: 'POST', decision: 'allow' },
    { label: 'Deny', url: `${publicUrl}${actionPath(requestId, deny)}`, method: 'POST', decision: 'deny' },
  ];
}
