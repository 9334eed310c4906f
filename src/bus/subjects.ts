// The NATS subjects of ccbell, pure (no client): every subject of one person starts with
// `ccbell.<user>.`, and every reply subject with `_INBOX.ccbell.<user>.`, so the broker's
// per-user permissions (docs/remote.md) keep people apart with two patterns each.

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** The subjects of one running app: `ccbell.<user>.<instance>.<runtime-id>.<role>`. */
export interface AppSubjects {
  /** Approval requests (prompt tool and PermissionRequest hook); request/reply. */
  readonly approval: string;
  /** Hook events for the app's feed; publish. */
  readonly events: string;
  /** pending / answer / status; request/reply. */
  readonly control: string;
}

function token(value: string, what: string): string {
  if (!TOKEN.test(value))
    throw new TypeError(`${what} ${JSON.stringify(value.slice(0, 80))} is not a subject token`);
  return value;
}

/** The subjects of the app `runtimeId` of `instance`, for `user`. */
export function appSubjects(user: string, instance: string, runtimeId: string): AppSubjects {
  const base = `ccbell.${token(user, 'user')}.${token(instance, 'instance')}.${token(runtimeId, 'runtime id')}`;
  return { approval: `${base}.approval`, events: `${base}.events`, control: `${base}.control` };
}

/**
 * Where every app of `user` answers "who is there?" (an inbox lists them all, then asks each
 * one's control subject). Several replies come back to one request.
 */
export function discoverySubject(user: string): string {
  return `ccbell.${token(user, 'user')}._discover`;
}

/** The prefix of this user's reply subjects; the broker lets only this user read them. */
export function inboxPrefix(user: string): string {
  return `_INBOX.ccbell.${token(user, 'user')}`;
}
