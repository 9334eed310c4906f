// Internal to the remote tests: a real nats-server on a random loopback port, with TLS
// (certificates made here with openssl) and two users, alice and bob, each allowed only their own
// subjects and reply inboxes: the server config docs/remote.md gives, with test passwords.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../../support/ports.js';

export interface NatsServer {
  port: number;
  /** The CA certificate clients trust. */
  ca: string;
  url: string;
  /** Password files of the two users (0600). */
  passwordFile: Record<'alice' | 'bob', string>;
  /** Stops the server (SIGKILL: a crash, no goodbye to clients). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same config. */
  start(): Promise<void>;
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** CA, and a server certificate for 127.0.0.1 and localhost signed by it. */
export function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca-key.pem'),
    '-out',
    at('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=ccbell test CA',
  ]);
  run(['req', ...ec, '-keyout', at('server-key.pem'), '-out', at('server.csr'), '-subj', '/CN=localhost']);
  writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    at('server.pem'),
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
  ]);
  return { ca: at('ca.pem'), cert: at('server.pem'), key: at('server-key.pem') };
}

/** The per-user permissions block of docs/remote.md. */
export function userBlock(user: string, password: string): string {
  const own = `["ccbell.${user}.>", "_INBOX.ccbell.${user}.>"]`;
  return `    { user: ${user}, password: "${password}", permissions: { publish: { allow: ${own} }, subscribe: { allow: ${own} } } }`;
}

export async function startNatsServer(dir: string): Promise<NatsServer> {
  const { ca, cert, key } = makeCertificates(join(dir, 'tls'));
  const port = await freePort();
  const passwords = { alice: 'alice-secret-0123456789', bob: 'bob-secret-0123456789' };
  const passwordFile = {
    alice: join(dir, 'alice.password'),
    bob: join(dir, 'bob.password'),
  };
  for (const user of ['alice', 'bob'] as const)
    writeFileSync(passwordFile[user], `${passwords[user]}\n`, { mode: 0o600 });
  const conf = join(dir, 'nats.conf');
  writeFileSync(
    conf,
    [
      'host: 127.0.0.1',
      `port: ${port}`,
      'max_payload: 33554432',
      `tls { cert_file: "${cert}", key_file: "${key}", ca_file: "${ca}", timeout: 2 }`,
      'authorization {',
      '  users = [',
      userBlock('alice', passwords.alice),
      userBlock('bob', passwords.bob),
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('nats-server', ['-c', conf], { stdio: 'ignore' });
    const started = Date.now();
    while (!(await accepting(port))) {
      if (Date.now() - started > 10_000) throw new Error('nats-server did not start within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { port, ca, url: `tls://127.0.0.1:${port}`, passwordFile, stop, start };
}
