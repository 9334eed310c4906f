// The `remote` block of an instance's config (issue 12): how this instance reaches a NATS broker,
// so approvals and events cross machines. Pure: it checks text, it reads no file and no secret.
// Secrets are never written in the config itself: a password or an nkey seed is named by
// `file:/path` or `env:VARIABLE`, and a creds file by its path.

/** Where a secret comes from: a file's content or an environment variable's value. */
export type SecretRef = `file:${string}` | `env:${string}`;

/** How the instance proves who it is to the broker: exactly one of these. */
export type RemoteCredentials =
  /** A NATS creds file (JWT and nkey seed), as `nsc` writes it. */
  | { creds: string }
  /** An nkey seed (`SU…`). */
  | { nkey: SecretRef }
  /** A password; the user name is the remote block's `user` (or `login`). */
  | { password: SecretRef; login?: string };

export interface RemoteConfig {
  /** `tls://host:4222`, or `nats://127.0.0.1:4222` on loopback only; several for a cluster. */
  url: string[];
  /** The subject namespace (`ccbell.<user>.…`): the broker's permissions give it to one person. */
  user: string;
  credentials?: RemoteCredentials;
  /** CA certificate file that signed the broker's certificate (else the system's CAs). */
  ca?: string;
  /** Client certificate and key files, for brokers that verify clients (mutual TLS). */
  cert?: string;
  key?: string;
}

export interface RemoteProblem {
  field: string;
  problem: string;
}

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET_REF = /^(file:\/.+|env:[A-Za-z_][A-Za-z0-9_]{0,127})$/;
const KEYS = ['url', 'user', 'credentials', 'ca', 'cert', 'key'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost): the one place TLS may be off. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Whether the connection to this config's broker is encrypted: a tls:// URL, or a CA or client cert given. */
export function remoteUsesTls(config: Pick<RemoteConfig, 'url' | 'ca' | 'cert'>): boolean {
  return (
    config.ca !== undefined || config.cert !== undefined || config.url.some((u) => u.startsWith('tls://'))
  );
}

/** Why one broker URL cannot be used, undefined when it can. */
function urlProblem(text: string, tls: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `is not a URL (got ${JSON.stringify(text.slice(0, 60))})`;
  }
  if (url.protocol !== 'nats:' && url.protocol !== 'tls:') return 'must start with nats:// or tls://';
  // A URL is printed in logs and on the page: it must carry no secret.
  if (url.username || url.password) return 'must not hold a user or password; use remote.credentials';
  if (!url.hostname) return 'has no host';
  if (!tls && !isLoopbackHost(url.hostname))
    return `reaches ${url.hostname} without TLS; use tls:// (plain nats:// is for loopback only)`;
  return undefined;
}

function path(value: unknown, field: string, problems: RemoteProblem[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.startsWith('/')) return value;
  problems.push({ field, problem: 'must be an absolute file path' });
  return undefined;
}

function secret(value: unknown, field: string, problems: RemoteProblem[]): SecretRef | undefined {
  if (typeof value === 'string' && SECRET_REF.test(value)) return value as SecretRef;
  // Never echo the value: it may be the very secret that should not be in the file.
  problems.push({
    field,
    problem: 'must be "file:/absolute/path" or "env:VARIABLE" (a secret is never written here)',
  });
  return undefined;
}

function readCredentials(raw: unknown, problems: RemoteProblem[]): RemoteCredentials | undefined {
  const field = 'remote.credentials';
  if (!isObject(raw)) {
    problems.push({ field, problem: 'must be an object: {creds}, {nkey} or {password}' });
    return undefined;
  }
  const kinds = ['creds', 'nkey', 'password'].filter((key) => raw[key] !== undefined);
  for (const key of Object.keys(raw))
    if (!['creds', 'nkey', 'password', 'login'].includes(key))
      problems.push({ field: `${field}.${key}`, problem: 'is not a known setting' });
  if (kinds.length !== 1) {
    problems.push({ field, problem: 'must hold exactly one of creds, nkey, password' });
    return undefined;
  }
  if (raw.creds !== undefined) {
    const file = path(raw.creds, `${field}.creds`, problems);
    return file ? { creds: file } : undefined;
  }
  if (raw.nkey !== undefined) {
    const ref = secret(raw.nkey, `${field}.nkey`, problems);
    return ref ? { nkey: ref } : undefined;
  }
  const ref = secret(raw.password, `${field}.password`, problems);
  if (raw.login !== undefined && (typeof raw.login !== 'string' || !TOKEN.test(raw.login))) {
    problems.push({ field: `${field}.login`, problem: 'must be letters, digits, "-" and "_"' });
    return undefined;
  }
  return ref ? { password: ref, ...(typeof raw.login === 'string' ? { login: raw.login } : {}) } : undefined;
}

/**
 * Checks a `remote` block; the config when it is usable, else undefined with the problems
 * pushed. A half-usable remote block is not used: a broker reached wrongly is worse than none.
 */
export function readRemoteConfig(raw: unknown, problems: RemoteProblem[]): RemoteConfig | undefined {
  if (!isObject(raw)) {
    problems.push({ field: 'remote', problem: 'must be an object {url, user, credentials, ca, cert, key}' });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw))
    if (!KEYS.includes(key)) problems.push({ field: `remote.${key}`, problem: 'is not a known setting' });
  const urls = typeof raw.url === 'string' ? [raw.url] : raw.url;
  if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === 'string')) {
    problems.push({ field: 'remote.url', problem: 'must be a broker URL (or a list of them)' });
  }
  if (typeof raw.user !== 'string' || !TOKEN.test(raw.user)) {
    problems.push({
      field: 'remote.user',
      problem: 'must be 1-64 letters, digits, "-" and "_" (a subject token)',
    });
  }
  const ca = path(raw.ca, 'remote.ca', problems);
  const cert = path(raw.cert, 'remote.cert', problems);
  const key = path(raw.key, 'remote.key', problems);
  if ((cert === undefined) !== (key === undefined) && problems.length === before)
    problems.push({ field: 'remote.cert', problem: 'cert and key go together' });
  const credentials = raw.credentials === undefined ? undefined : readCredentials(raw.credentials, problems);
  if (Array.isArray(urls) && urls.every((u) => typeof u === 'string')) {
    const tls = remoteUsesTls({ url: urls, ...(ca ? { ca } : {}), ...(cert ? { cert } : {}) });
    urls.forEach((text: string, index) => {
      const problem = urlProblem(text, tls);
      if (problem) problems.push({ field: urls.length > 1 ? `remote.url[${index}]` : 'remote.url', problem });
    });
  }
  if (problems.length > before) return undefined;
  return {
    url: urls as string[],
    user: raw.user as string,
    ...(credentials ? { credentials } : {}),
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}
