import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareAtomicWrite, writeFileAtomic } from '../../src/state/index.js';

/** The environment without NODE_EXTRA_CA_CERTS, which slows every node start here. */
function withoutSlowCerts(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _slow, ...env } = process.env;
  return env;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-atomic-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Reads the file in a tight loop in another process until stdin closes; prints how many reads
// saw something other than one whole version (all "a" or all "b", of the full length).
const READER = `
const fs = require('node:fs');
const [path, size] = [process.argv[1], Number(process.argv[2])];
let reads = 0, partial = 0, stop = false;
process.stdin.on('end', () => { stop = true; }).resume();
function loop() {
  for (let i = 0; i < 200; i++) {
    const text = fs.readFileSync(path, 'latin1');
    reads++;
    if (text.length !== size || (text !== 'a'.repeat(size) && text !== 'b'.repeat(size))) partial++;
  }
  if (stop) process.stdout.write(JSON.stringify({ reads, partial }));
  else setImmediate(loop);
}
process.stdout.write('ready\\n');
loop();
`;

describe('writeFileAtomic', () => {
  it('writes the content with mode 0600 by default and leaves no temporary file', () => {
    const sub = join(dir, 'plain');
    mkdirSync(sub);
    const path = join(sub, 'file.json');
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, 'two', { durable: true });
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['file.json']);
    writeFileAtomic(path, 'three', { mode: 0o644 });
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('never shows a reader in another process a partial file', async () => {
    const size = 512 * 1024;
    const path = join(dir, 'big');
    writeFileSync(path, 'a'.repeat(size));
    const reader = spawn(process.execPath, ['-e', READER, path, String(size)], {
      env: withoutSlowCerts(),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    reader.stdout.setEncoding('utf8');
    await new Promise<void>((resolve) => {
      reader.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('ready\n')) resolve();
      });
    });
    const versions = ['a'.repeat(size), 'b'.repeat(size)];
    for (let i = 0; i < 300; i++) writeFileAtomic(path, versions[i % 2]!);
    // Let the reader see the last few versions too, then stop it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    reader.stdin.end();
    await new Promise((resolve) => reader.on('close', resolve));
    const result = JSON.parse(out.slice(out.indexOf('\n') + 1)) as { reads: number; partial: number };
    expect(result.reads).toBeGreaterThan(100);
    expect(result.partial).toBe(0);
  });

  it('leaves the old file and no temporary file when the rename fails', () => {
    const sub = join(dir, 'failing');
    mkdirSync(join(sub, 'target', 'occupied'), { recursive: true });
    expect(() => writeFileAtomic(join(sub, 'target'), 'new')).toThrow();
    expect(readdirSync(sub)).toEqual(['target']);
    expect(readdirSync(join(sub, 'target'))).toEqual(['occupied']);
  });

  it('fails without a trace when the directory does not exist', () => {
    expect(() => writeFileAtomic(join(dir, 'missing', 'file'), 'x')).toThrow(/ENOENT/);
  });
});

describe('prepareAtomicWrite', () => {
  it('creates the temporary file at once; commit replaces the target with it', () => {
    const sub = join(dir, 'prepared');
    mkdirSync(sub);
    const path = join(sub, 'state');
    writeFileSync(path, 'old');
    const write = prepareAtomicWrite(path);
    const temps = readdirSync(sub).filter((name) => name.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(new RegExp(`^\\.state\\.${process.pid}\\.`));
    expect(readFileSync(path, 'utf8')).toBe('old');
    write.commit('new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(sub)).toEqual(['state']);
    write.abandon(); // after a commit: nothing to remove, the target stays
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(() => write.commit('again')).toThrow(/already committed or abandoned/);
  });

  it('abandon removes the temporary file and leaves the target alone', () => {
    const sub = join(dir, 'abandoned');
    mkdirSync(sub);
    const path = join(sub, 'state');
    writeFileSync(path, 'old');
    const write = prepareAtomicWrite(path);
    write.abandon();
    write.abandon();
    expect(readdirSync(sub)).toEqual(['state']);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });
});
