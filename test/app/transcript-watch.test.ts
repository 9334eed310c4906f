import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchToolCall } from '../../src/app/transcript-watch.js';

const line = (record: unknown) => `${JSON.stringify(record)}\n`;
const toolUse = (id: string) =>
  line({
    type: 'assistant',
    timestamp: new Date().toISOString(),
    message: { content: [{ type: 'tool_use', id, name: 'Bash', input: { command: 'touch x' } }] },
  });
const toolResult = (id: string) =>
  line({ type: 'user', message: { content: [{ type: 'tool_result', tool_use_id: id, content: 'ok' }] } });

function transcript(initial = ''): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ccbell-transcript-')), 'session.jsonl');
  writeFileSync(file, initial);
  return file;
}

function watchOf(path: string) {
  let answeredAt: number | undefined;
  const refused: string[] = [];
  const stop = watchToolCall({
    path,
    toolName: 'Bash',
    input: { command: 'touch x' },
    requestedAt: Date.now(),
    pollMs: 20,
    onAnswered: () => {
      answeredAt = Date.now();
    },
    onRefused: (reason) => refused.push(reason),
  });
  return { stop, refused, answered: () => answeredAt };
}

const until = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('watchToolCall', () => {
  it('tells when the call written before the request gets its result, within a poll', async () => {
    const file = transcript(`${line({ type: 'api-request' })}${toolUse('toolu_1')}`);
    const watch = watchOf(file);
    await new Promise((r) => setTimeout(r, 100));
    expect(watch.answered()).toBeUndefined();
    const resultAt = Date.now();
    appendFileSync(file, toolResult('toolu_1'));
    expect(await until(() => watch.answered() !== undefined)).toBe(true);
    expect(watch.answered()! - resultAt).toBeLessThan(2000);
  });

  it('reads lines split across writes and multi-byte characters whole', async () => {
    const file = transcript(toolUse('toolu_2'));
    const watch = watchOf(file);
    const text = toolResult('toolu_2').replace('ok', 'ünïcødé ✓');
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('✓')) + 1;
    appendFileSync(file, bytes.subarray(0, cut));
    await new Promise((r) => setTimeout(r, 80));
    expect(watch.answered()).toBeUndefined();
    appendFileSync(file, bytes.subarray(cut));
    expect(await until(() => watch.answered() !== undefined)).toBe(true);
  });

  it('refuses what is not the user own regular .jsonl file, without waiting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccbell-transcript-'));
    const target = join(dir, 'real.jsonl');
    writeFileSync(target, toolUse('toolu_3'));
    symlinkSync(target, join(dir, 'link.jsonl'));
    execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    const started = Date.now();
    for (const path of [
      'relative.jsonl',
      join(dir, 'x.txt'),
      join(dir, 'link.jsonl'),
      join(dir, 'fifo.jsonl'),
    ]) {
      const watch = watchOf(path);
      expect(watch.refused.length, path).toBe(1);
      watch.stop();
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops following when asked', async () => {
    const file = transcript(toolUse('toolu_4'));
    const watch = watchOf(file);
    watch.stop();
    appendFileSync(file, toolResult('toolu_4'));
    await new Promise((r) => setTimeout(r, 100));
    expect(watch.answered()).toBeUndefined();
  });
});
