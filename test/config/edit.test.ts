// setConfigField: one field changed, every other kept, a broken file refused and left as it was.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setConfigField } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'ccbell-edit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const file = (text?: string, mode = 0o640) => {
  const path = join(root, `c${n++}`, 'ccbell.config.json');
  if (text !== undefined) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text, { mode });
  }
  return path;
};

describe('setConfigField', () => {
  it('sets the field, keeps every other field, their order, and the file mode', () => {
    const path = file('{"player":"paplay","events":{"stop":{"sound":"x"}},"custom":[1,2]}', 0o640);
    setConfigField(path, 'appPort', 17800);
    expect(readFileSync(path, 'utf8')).toBe(
      `${JSON.stringify({ player: 'paplay', events: { stop: { sound: 'x' } }, custom: [1, 2], appPort: 17800 }, null, 2)}\n`,
    );
    expect(statSync(path).mode & 0o777).toBe(0o640);
    setConfigField(path, 'appPort', 17801);
    expect(JSON.parse(readFileSync(path, 'utf8')).appPort).toBe(17801);
  });

  it('creates a missing file (and its directory) holding only the field, private', () => {
    const path = file();
    setConfigField(path, 'appPort', 17800);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ appPort: 17800 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves a file that already says so untouched', () => {
    const text = '{ "appPort": 17800 }';
    const path = file(text);
    setConfigField(path, 'appPort', 17800);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it.each([
    ['broken JSON', '{"player": "paplay",', /is not valid JSON/],
    ['an array', '[1]', /must hold a JSON object/],
  ])('refuses %s with the path, leaving the file as it was', (_, text, message) => {
    const path = file(text);
    expect(() => setConfigField(path, 'appPort', 17800)).toThrow(ConfigError);
    expect(() => setConfigField(path, 'appPort', 17800)).toThrow(message);
    expect(() => setConfigField(path, 'appPort', 17800)).toThrow(path);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
