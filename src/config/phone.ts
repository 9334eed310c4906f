// The `phoneApprovals` block: Allow/Deny buttons on a phone push, each a one-time link to an
// endpoint of the app's own. Off unless the person names the public address and turns it on.
import { portProblem } from './port.js';

/** Where the app's action endpoint listens and the address the phone reaches it at. */
export interface PhoneApprovals {
  /** The base the phone's buttons call (the person's tunnel or VPN address), no trailing slash. */
  publicUrl: string;
  /** The address the endpoint binds: loopback by default, for a tunnel that forwards to it. */
  host: string;
  /** A fixed port, so the tunnel knows where to forward. */
  port: number;
}

export interface PhoneApprovalsProblem {
  field: string;
  problem: string;
}

const KEYS = ['enabled', 'publicUrl', 'host', 'port'];

/**
 * Plain http is accepted only where the network itself is private: loopback, the RFC 1918
 * ranges, and 100.64.0.0/10 (Tailscale and other carrier-grade NAT VPNs). Anything else must be
 * https: a capability in a URL sent in clear text is a capability given away.
 */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255))
    return false;
  const [a = -1, b = -1] = parts;
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function publicUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'must be the URL your phone reaches the app at';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.search || url.hash) return 'must not carry a query or a fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isPrivateHost(url.hostname)) return undefined;
  return 'must be https (plain http only to a loopback, private or VPN address)';
}

/** Reads the block; undefined when it is absent, off, or broken (each fault is reported). */
export function readPhoneApprovals(
  raw: unknown,
  problems: PhoneApprovalsProblem[],
  field = 'phoneApprovals',
): PhoneApprovals | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ field, problem: 'must be an object {enabled, publicUrl, port, host}' });
    return undefined;
  }
  const block = raw as Record<string, unknown>;
  for (const key of Object.keys(block))
    if (!KEYS.includes(key)) problems.push({ field: `${field}.${key}`, problem: 'is not a known setting' });
  if (block.enabled !== undefined && typeof block.enabled !== 'boolean')
    problems.push({ field: `${field}.enabled`, problem: 'must be true or false' });
  const before = problems.length;
  const urlProblem = publicUrlProblem(block.publicUrl);
  if (urlProblem) problems.push({ field: `${field}.publicUrl`, problem: urlProblem });
  const port = portProblem(block.port);
  if (port) problems.push({ field: `${field}.port`, problem: port });
  const host = block.host ?? '127.0.0.1';
  if (typeof host !== 'string' || !/^[0-9a-fA-F.:]+$/.test(host))
    problems.push({
      field: `${field}.host`,
      problem: 'must be an IP address to listen on (default 127.0.0.1)',
    });
  if (block.enabled !== true || problems.length > before) return undefined;
  return {
    publicUrl: (block.publicUrl as string).replace(/\/+$/, ''),
    host: host as string,
    port: block.port as number,
  };
}
