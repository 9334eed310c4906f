// The core with fake ports: what each kind of input comes to, and the settle rules.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type ApprovalItem, Core } from '../../src/core/index.js';
import { checkRules } from '../../src/rules/index.js';

function makeCore(rules: { allow?: string[]; deny?: string[] } = {}) {
  const notified: string[] = [];
  const followed: { item: ApprovalItem; answer: () => void; stopped: boolean }[] = [];
  const { allow, deny } = checkRules({ allow: rules.allow ?? [], deny: rules.deny ?? [] });
  const core = new Core({
    instance: 'work',
    timeoutMs: 60_000,
    rules: { allow, deny },
    ports: {
      notify: (event, input) => {
        notified.push(`${event}${input?.session_id ? ` ${input.session_id}` : ''}`);
      },
      followTranscript: (item, onAnswered) => {
        const watch = { item, answer: onAnswered, stopped: false };
        followed.push(watch);
        return () => {
          watch.stopped = true;
        };
      },
    },
  });
  return { core, notified, followed };
}

const ask = (session: string, command: string, extra: Record<string, unknown> = {}) => ({
  hook_event_name: 'PermissionRequest',
  session_id: session,
  cwd: `/work/${session}`,
  transcript_path: `/t/${session}.jsonl`,
  tool_name: 'Bash',
  tool_input: { command },
  ...extra,
});

describe('Core', () => {
  it('notifies an event, records it in the feed, and asks nothing', async () => {
    const { core, notified } = makeCore();
    expect(await core.hookInput({ hook_event_name: 'Stop', session_id: 'a', cwd: '/work/a' })).toEqual({
      kind: 'notified',
      event: 'stop',
    });
    expect(notified).toEqual(['stop a']);
    expect(core.feed.list()[0]).toMatchObject({ event: 'stop', instance: 'work', sessionId: 'a' });
    expect(await core.hookInput({ hook_event_name: 'PreToolUse' })).toEqual({ kind: 'nothing' });
  });

  it('files a PermissionRequest, announces it once, and follows its transcript', async () => {
    const { core, notified, followed } = makeCore();
    const pending = core.hookInput(ask('a', 'make deploy'));
    expect(core.desk.pending()).toHaveLength(1);
    expect(notified).toEqual(['permission_request a']);
    expect(followed.map((watch) => watch.item.transcriptPath)).toEqual(['/t/a.jsonl']);
    core.desk.answer(core.desk.pending()[0]!.id, { behavior: 'allow' }, 'page');
    const outcome = await pending;
    expect(outcome.kind === 'closed' && outcome.item.decision?.by).toBe('page');
    expect(followed[0]!.stopped).toBe(true);
  });

  it('lets rules answer before anyone is told, and follows nothing then', async () => {
    const { core, notified, followed } = makeCore({ allow: ['Bash(git status)'] });
    const outcome = await core.hookInput(ask('a', 'git status'));
    expect(outcome.kind === 'closed' && outcome.item.decision).toMatchObject({
      behavior: 'allow',
      by: 'rules',
    });
    expect(notified).toEqual([]);
    expect(followed).toEqual([]);
  });

  it('leaves no listener on a caller that rules answered at once (one connection serves a whole session)', async () => {
    const { core } = makeCore({ allow: ['Bash(echo *)'] });
    const connection = new AbortController();
    for (let call = 0; call < 50; call++) {
      const { closed } = core.ask({
        source: 'prompt-tool',
        toolName: 'Bash',
        input: { command: `echo ${call}` },
        toolUseId: `t${call}`,
        cwd: '/work/a',
        signal: connection.signal,
      });
      expect((await closed).decision?.by).toBe('rules');
    }
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    // A request still waiting keeps its one listener, and drops it once answered.
    const { item } = core.ask({
      source: 'hook',
      toolName: 'Bash',
      input: { command: 'make' },
      signal: connection.signal,
    });
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(1);
    core.desk.answer(item.id, { behavior: 'deny' }, 'cli');
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
  });

  it('settles as answered in Claude Code when the transcript shows the result', async () => {
    const { core, followed } = makeCore();
    const pending = core.hookInput(ask('a', 'make deploy'));
    followed[0]!.answer();
    const outcome = await pending;
    expect(outcome.kind === 'closed' && outcome.item.settled?.by).toBe('claude-code');
    expect(core.desk.pending()).toEqual([]);
  });

  it('settles from the session hook events, that session only, that call only', async () => {
    const { core } = makeCore();
    void core.hookInput(ask('a', 'make deploy'));
    void core.hookInput(ask('a', 'make test'));
    void core.hookInput(ask('b', 'make deploy'));
    core.observe({
      hook_event_name: 'PostToolUse',
      session_id: 'a',
      tool_name: 'Bash',
      tool_input: { command: 'make deploy' },
    });
    expect(core.desk.pending().map((item) => `${item.sessionId} ${item.input.command}`)).toEqual([
      'a make test',
      'b make deploy',
    ]);
    core.observe({ hook_event_name: 'UserPromptSubmit', session_id: 'a' });
    expect(core.desk.pending().map((item) => item.sessionId)).toEqual(['b']);
    expect(core.desk.book.all().filter((item) => item.settled?.by === 'claude-code')).toHaveLength(2);
  });

  it('records a forwarded event without notifying it again', () => {
    const { core, notified } = makeCore();
    core.observe({ session_id: 'a' }, 'stop');
    expect(notified).toEqual([]);
    expect(core.feed.list()[0]).toMatchObject({ event: 'stop' });
  });

  it('gives the transcript a moment before calling a request whose callers left "caller-left"', async () => {
    const { core, followed } = makeCore();
    const leaves = new AbortController();
    const pending = core.hookInput(ask('a', 'rm x'), leaves.signal);
    leaves.abort();
    expect(core.desk.pending()).toHaveLength(1);
    followed[0]!.answer();
    const outcome = await pending;
    expect(outcome.kind === 'closed' && outcome.item.settled?.by).toBe('claude-code');
  });

  it('answers the same from every door: deny with a reason, always for the session, edited input', async () => {
    const { core } = makeCore();
    const first = core.hookInput(ask('a', 'git push'));
    const [item] = core.desk.pending();
    expect(core.desk.answer(item!.id, { behavior: 'allow', always: true }, 'cli')).toMatchObject({
      ok: true,
    });
    const done = await first;
    expect(done.kind === 'closed' && done.item.decision?.sessionRule).toBe('Bash(git push)');
    // The session rule answers the same call of the same session, not another session's.
    const again = await core.hookInput(ask('a', 'git push'));
    expect(again.kind === 'closed' && again.item.decision?.by).toBe('session-rule');
    void core.hookInput(ask('b', 'git push'));
    const [other] = core.desk.pending();
    expect(other!.sessionId).toBe('b');
    core.desk.answer(other!.id, { behavior: 'deny', message: 'not from b' }, 'terminal');
    expect(core.desk.get(other!.id)?.decision).toMatchObject({ behavior: 'deny', message: 'not from b' });
    void core.hookInput(ask('c', 'ls'));
    const [edited] = core.desk.pending();
    core.desk.answer(edited!.id, { behavior: 'allow', updated_input: { command: 'ls -la' } }, 'page');
    expect(core.desk.get(edited!.id)?.decision?.updatedInput).toEqual({ command: 'ls -la' });
    expect(core.desk.answer(edited!.id, { behavior: 'deny' }, 'cli')).toMatchObject({
      reason: 'already-answered',
    });
  });
});
