import { describe, expect, it } from 'vitest';
import { RequestBook } from '../../src/app/requests.js';

const bash = (command: string) => ({ toolName: 'Bash', input: { command, description: 'x' } });

describe('RequestBook', () => {
  it('joins the hook half and the prompt-tool half of one tool call into one request', async () => {
    const book = new RequestBook(60_000);
    const added: string[] = [];
    book.on('added', (item) => added.push(item.id));
    const hook = book.submit({ source: 'hook', ...bash('ls'), sessionId: 's1', cwd: '/p' });
    // Same input with keys in another order: still the same tool call.
    const tool = book.submit({
      source: 'prompt-tool',
      toolName: 'Bash',
      input: { description: 'x', command: 'ls' },
      toolUseId: 'toolu_1',
    });
    expect(tool.item.id).toBe(hook.item.id);
    expect(tool.isNew).toBe(false);
    expect(added).toEqual([hook.item.id]);
    expect(hook.item.sources).toEqual(['hook', 'prompt-tool']);
    expect(hook.item.toolUseId).toBe('toolu_1');
    expect(hook.item.sessionId).toBe('s1');

    book.answer(hook.item.id, { behavior: 'allow' }, 'page');
    const [a, b] = await Promise.all([hook.decided, tool.decided]);
    expect(a.decision?.behavior).toBe('allow');
    expect(b.decision?.by).toBe('page');
  });

  it('keeps different inputs and repeated calls apart', () => {
    const book = new RequestBook(60_000);
    const first = book.submit({ source: 'hook', ...bash('ls') });
    const other = book.submit({ source: 'prompt-tool', ...bash('pwd') });
    expect(other.item.id).not.toBe(first.item.id);
    // A second call of the same command through the same door is a new request.
    const again = book.submit({ source: 'hook', ...bash('ls') });
    expect(again.item.id).not.toBe(first.item.id);
    expect(book.pending()).toHaveLength(3);
  });

  it('lets the first answer win and reports who answered', () => {
    const book = new RequestBook(60_000);
    const { item } = book.submit({ source: 'prompt-tool', ...bash('rm x'), toolUseId: 't' });
    expect(book.answer(item.id, { behavior: 'deny', message: 'no' }, 'terminal')).toMatchObject({ ok: true });
    const late = book.answer(item.id, { behavior: 'allow' }, 'page');
    expect(late).toMatchObject({ ok: false, reason: 'already-answered' });
    expect(item.decision).toMatchObject({ behavior: 'deny', message: 'no', by: 'terminal' });
    expect(book.answer('nope', { behavior: 'allow' }, 'cli')).toEqual({ ok: false, reason: 'unknown' });
    expect(book.pending()).toHaveLength(0);
  });

  it('denies a request nobody answers within the timeout', async () => {
    const book = new RequestBook(50);
    const { decided } = book.submit({ source: 'hook', ...bash('sleep 1') });
    const item = await decided;
    expect(item.decision).toMatchObject({ behavior: 'deny', by: 'timeout' });
  });

  it('gives a late half the decision already made', async () => {
    const book = new RequestBook(60_000);
    const hook = book.submit({ source: 'hook', ...bash('git status') });
    book.answer(hook.item.id, { behavior: 'allow' }, 'rules');
    const tool = book.submit({ source: 'prompt-tool', ...bash('git status'), toolUseId: 't2' });
    expect(tool.item.id).toBe(hook.item.id);
    expect((await tool.decided).decision?.by).toBe('rules');
  });
});
