// Internal: what every webhook kind shares. A kind only says how a message becomes a request;
// this resolves its secrets (at delivery, never earlier), sends it with retries, and reports
// with the host alone: the path and query of a webhook URL often hold its secret.
import { messageOf } from '../errors.js';
import { type HttpRequest, sendWithRetries } from './http.js';
import { resolveMaybeSecret, resolveSecret } from './secrets.js';
import type { ChannelMessage, ChannelModule, DeliveryReport } from './types.js';

/** Secret lookups a kind's request builder uses. */
export interface Secrets {
  /** A reference's value (for fields that must be references). */
  secret(ref: string): string;
  /** A field that may be a reference or plain text. */
  maybe(value: string): string;
}

/** A webhook kind, from how it builds its request. */
export function httpChannel<Settings extends { type: string }>(
  build: (message: ChannelMessage, settings: Settings, secrets: Secrets) => HttpRequest,
): ChannelModule<Settings> {
  return {
    async deliver(message, settings, context): Promise<DeliveryReport> {
      const report: DeliveryReport = { channel: context.name, type: settings.type, outcome: 'failed' };
      let request: HttpRequest;
      try {
        request = build(message, settings, {
          secret: (ref) => resolveSecret(ref, context.env),
          maybe: (value) => resolveMaybeSecret(value, context.env),
        });
        const url = new URL(request.url);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('the URL is not http(s)');
        report.host = url.host;
      } catch (error) {
        // A SecretError names the reference, not its value; any other error here is about a
        // resolved value (a URL), so its words are not repeated.
        report.reason =
          (error as Error)?.name === 'SecretError'
            ? messageOf(error)
            : 'the configured URL is not a valid http(s) URL';
        return report;
      }
      const result = await sendWithRetries(request, context.http);
      report.attempts = result.attempts;
      if (result.status !== undefined) report.status = result.status;
      if (result.ok) report.outcome = 'delivered';
      else report.reason = result.reason ?? 'failed';
      return report;
    },
  };
}

export const JSON_HEADERS = { 'content-type': 'application/json', 'user-agent': 'ccbell' } as const;
