// One-time capabilities for answering a request from a phone: an unguessable token bound to one
// request and one decision. It works once, ends with its request, and does nothing else.
import { createHash, randomBytes } from 'node:crypto';

export type PhoneDecision = 'allow' | 'deny';

/** The two capabilities minted for one request. */
export interface RequestCapabilities {
  allow: string;
  deny: string;
}

interface Binding {
  requestId: string;
  decision: PhoneDecision;
}

/** Why a capability was not honoured; the endpoint says the same for all, so nothing leaks. */
export type Refusal = 'unknown' | 'wrong-request';

/** 32 random bytes: guessing one is out of reach, and base64url keeps it URL-safe. */
const TOKEN_BYTES = 32;

// Kept by the token's hash, not the token: a lookup's timing then tells nothing about the token,
// and a heap dump holds nothing that could be replayed.
const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export class CapabilityBook {
  private readonly bindings = new Map<string, Binding>();
  private readonly byRequest = new Map<string, string[]>();

  /** Mints the Allow and Deny capabilities of a request; once per request. */
  mint(requestId: string): RequestCapabilities {
    const existing = this.byRequest.get(requestId);
    if (existing) throw new Error(`request ${requestId} already has its capabilities`);
    const allow = randomBytes(TOKEN_BYTES).toString('base64url');
    const deny = randomBytes(TOKEN_BYTES).toString('base64url');
    this.bindings.set(keyOf(allow), { requestId, decision: 'allow' });
    this.bindings.set(keyOf(deny), { requestId, decision: 'deny' });
    this.byRequest.set(requestId, [keyOf(allow), keyOf(deny)]);
    return { allow, deny };
  }

  /**
   * Takes a capability presented for `requestId`: its decision, once. Using either of a
   * request's capabilities spends both: a request has one answer.
   */
  redeem(requestId: string, token: string): { decision: PhoneDecision } | { refused: Refusal } {
    const binding = this.bindings.get(keyOf(token));
    if (!binding) return { refused: 'unknown' };
    if (binding.requestId !== requestId) return { refused: 'wrong-request' };
    this.revoke(requestId);
    return { decision: binding.decision };
  }

  /** Ends a request's capabilities (answered elsewhere, settled, timed out). */
  revoke(requestId: string): void {
    for (const key of this.byRequest.get(requestId) ?? []) this.bindings.delete(key);
    this.byRequest.delete(requestId);
  }

  /** How many requests hold live capabilities (tests, the page's status). */
  get size(): number {
    return this.byRequest.size;
  }
}
