import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assertSocketPathFits,
  channelHash,
  maxSocketPathBytes,
  parseSocketFileName,
  pendingFileName,
  socketFileName,
} from '../../src/bus/naming.js';
import { EnvironmentError } from '../../src/errors.js';

describe('socket file names', () => {
  it('start with 24 hex digits of sha256(name)', () => {
    const name = 'ClaudeCodeUIApprovalRequest_12345_1763770000123';
    const hash = createHash('sha256').update(name).digest('hex').slice(0, 24);
    expect(channelHash(name)).toBe(hash);
    expect(socketFileName(name, 4242, 3)).toBe(`${hash}.4242.3.sock`);
    expect(pendingFileName(name, 4242, 3)).toBe(`${hash}.4242.3.tmp`);
  });

  it('keep the legacy name and its suffixed forms apart', () => {
    const names = [
      'ClaudeCodeUIApprovalRequest',
      'ClaudeCodeUIApprovalRequest_12345_1763770000123',
      'ClaudeCodeUIApprovalRequest_12345_176377000012',
      'ClaudeCodeUIApprovalRequest_1',
    ];
    expect(new Set(names.map(channelHash)).size).toBe(names.length);
  });

  it('stay short and safe for a 500-char name with slashes and unicode', () => {
    const name = `a/../b/ü/🔔/${'x'.repeat(480)}`.slice(0, 500);
    const file = socketFileName(name, 4194304, 123456);
    expect(file).toMatch(/^[0-9a-f]{24}\.4194304\.123456\.sock$/);
    expect(file.length).toBeLessThan(50);
  });

  it('parse back, and anything else is not a socket file', () => {
    expect(parseSocketFileName(socketFileName('n', 12, 3))).toEqual({
      hash: channelHash('n'),
      pid: 12,
      seq: 3,
      ready: true,
    });
    expect(parseSocketFileName(pendingFileName('n', 12, 3))?.ready).toBe(false);
    for (const other of [
      '',
      'x.sock',
      `${channelHash('n')}.12.sock`,
      `${channelHash('n')}.0.1.sock`,
      `${channelHash('n')}.12.3.sock.bak`,
    ]) {
      expect(parseSocketFileName(other)).toBeUndefined();
    }
  });
});

describe('socket path limit', () => {
  it('is 107 bytes on Linux and 103 on macOS (sun_path less its NUL)', () => {
    expect(maxSocketPathBytes('linux')).toBe(107);
    expect(maxSocketPathBytes('darwin')).toBe(103);
  });

  it('throws an EnvironmentError naming the directory when the path is too long', () => {
    const dir = `/tmp/${'d'.repeat(62)}`; // 105-byte path
    const path = `${dir}/${socketFileName('n', 12345, 1)}`;
    expect(() => assertSocketPathFits(path, dir, 'linux')).not.toThrow();
    expect(() => assertSocketPathFits(path, dir, 'darwin')).toThrow(EnvironmentError);
    expect(() => assertSocketPathFits(path, dir, 'darwin')).toThrow(`bus directory ${dir} is too long`);
    // Bytes, not characters, count.
    const wide = `/tmp/${'ü'.repeat(40)}`;
    expect(() => assertSocketPathFits(`${wide}/${socketFileName('n', 1, 1)}`, wide, 'linux')).toThrow(
      /CCBELL_BUS_DIR/,
    );
  });
});
