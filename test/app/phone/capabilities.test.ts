import { describe, expect, it } from 'vitest';
import { actionPath, phoneActions } from '../../../src/app/phone/actions.js';
import { CapabilityBook } from '../../../src/app/phone/capabilities.js';

describe('capabilities', () => {
  it('binds each token to one request and one decision, and works once', () => {
    const book = new CapabilityBook();
    const a = book.mint('aaaaaaaa');
    const b = book.mint('bbbbbbbb');
    expect(a.allow).not.toBe(a.deny);
    expect(a.allow).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // B's deny presented for A: refused, and neither request loses its capabilities.
    expect(book.redeem('aaaaaaaa', b.deny)).toEqual({ refused: 'wrong-request' });
    expect(book.redeem('aaaaaaaa', 'x'.repeat(43))).toEqual({ refused: 'unknown' });
    expect(book.redeem('aaaaaaaa', a.allow)).toEqual({ decision: 'allow' });
    // Spent, and the other button of the same request with it.
    expect(book.redeem('aaaaaaaa', a.allow)).toEqual({ refused: 'unknown' });
    expect(book.redeem('aaaaaaaa', a.deny)).toEqual({ refused: 'unknown' });
    expect(book.redeem('bbbbbbbb', b.deny)).toEqual({ decision: 'deny' });
    expect(book.size).toBe(0);
  });

  it('ends with its request', () => {
    const book = new CapabilityBook();
    const a = book.mint('aaaaaaaa');
    book.revoke('aaaaaaaa');
    expect(book.redeem('aaaaaaaa', a.allow)).toEqual({ refused: 'unknown' });
    expect(() => book.mint('bbbbbbbb')).not.toThrow();
    expect(() => book.mint('bbbbbbbb')).toThrow(/already has/);
  });

  it('makes Allow and Deny buttons under the public address', () => {
    const book = new CapabilityBook();
    const [allow, deny] = phoneActions(book, 'https://me.example.net', '0123abcd');
    expect(allow).toMatchObject({ label: 'Allow', method: 'POST', decision: 'allow' });
    expect(deny).toMatchObject({ label: 'Deny', method: 'POST', decision: 'deny' });
    expect(allow!.url).toMatch(/^https:\/\/me\.example\.net\/a\/0123abcd\/[A-Za-z0-9_-]{43}$/);
    const token = allow!.url.split('/').pop()!;
    expect(actionPath('0123abcd', token)).toBe(new URL(allow!.url).pathname);
    expect(book.redeem('0123abcd', token)).toEqual({ decision: 'allow' });
  });
});
