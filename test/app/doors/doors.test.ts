// Each door turns its input into the core's terms and the core's answer into its output; these
// check that mapping with a real core and no sockets.
import { describe, expect, it } from 'vitest';
import { approvalDoor } from '../../../src/app/doors/bus-approvals.js';
import { eventDoor } from '../../../src/app/doors/bus-events.js';
import { controlDoor } from '../../../src/app/doors/control.js';
import { httpHookResponse } from '../../../src/app/doors/http-hook.js';
import { answerOfLine } from '../../../src/app/terminal.js';
import { Core } from '../../../src/core/index.js';

function makeCore(terminal?: (event: string) => string | undefined) {
  const notified: string[] = [];
  const core = new Core({
    instance: 'work',
    timeoutMs: 60_000,
    rules: { allow: [], deny: [] },
    ports: {
      notify: (event) => {
        notified.push(event);
        const terminalSequence = terminal?.(event);
        return terminalSequence ? { terminalSequence } : undefined;
      },
    },
  });
  return { core, notified };
}

const question = (command: string) => ({
  hook_event_name: 'PermissionRequest',
  session_id: 's',
  cwd: '/work/s',
  tool_name: 'Bash',
  tool_input: { command },
});

describe('http hook door', () => {
  it('answers a PermissionRequest with Claude Code decision JSON, and a settled one with {}', async () => {
    const { core } = makeCore();
    const decided = httpHookResponse(core, question('make'));
    core.desk.answer(core.desk.pending()[0]!.id, { behavior: 'deny', message: 'later' }, 'page');
    expect(await decided).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'later' },
      },
    });
    const settled = httpHookResponse(core, question('make again'));
    core.observe({ hook_event_name: 'Stop', session_id: 's' });
    expect(await settled).toEqual({});
  });

  it('answers {} at once for an event, which it notifies', async () => {
    const { core, notified } = makeCore();
    expect(
      await httpHookResponse(core, { hook_event_name: 'StopFailure', session_id: 's', error: 'rate_limit' }),
    ).toEqual({});
    expect(notified).toEqual(['stop_failure']);
  });

  it('carries the sequence the notification decided for an event, never with a decision', async () => {
    // The notify port stands for handleEvent: a sequence only when the event rang (rules, cooldown).
    const { core, notified } = makeCore((event) => (event === 'stop' ? '\u0007' : undefined));
    expect(await httpHookResponse(core, { hook_event_name: 'Stop', session_id: 's' })).toEqual({
      terminalSequence: '\u0007',
    });
    const decided = httpHookResponse(core, question('make'));
    core.desk.answer(core.desk.pending()[0]!.id, { behavior: 'allow' }, 'page');
    expect(Object.keys(await decided)).toEqual(['hookSpecificOutput']);
    expect(await httpHookResponse(core, { hook_event_name: 'StopFailure', session_id: 's' })).toEqual({});
    expect(notified).toEqual(['stop', 'permission_request', 'stop_failure']);
  });
});

describe('control door', () => {
  it('answers with everything the page can say, and names a malformed request', async () => {
    const { core } = makeCore();
    const door = controlDoor({ core, instance: 'work', runtimeId: '1_2' });
    void httpHookResponse(core, question('git push'));
    const [item] = core.desk.pending();
    expect(await door({ op: 'pending' })).toMatchObject({ pending: [{ id: item!.id, place: 's' }] });
    await expect(
      door({ op: 'answer', id: item!.id, answer: { behavior: 'maybe' }, by: 'cli' }),
    ).rejects.toThrow(/answer\.behavior: must be "allow" or "deny"/);
    await expect(
      door({ op: 'answer', id: item!.id, answer: { behavior: 'deny', always: true } }),
    ).rejects.toThrow(/answer\.always: only an allow/);
    await expect(door({ op: 'nope' })).rejects.toThrow(/^op: must be/);
    expect(
      await door({ op: 'answer', id: item!.id, answer: { behavior: 'allow', always: true }, by: 'cli' }),
    ).toMatchObject({
      ok: true,
      item: { decision: { behavior: 'allow', sessionRule: 'Bash(git push)', by: 'cli' } },
    });
    expect(await door({ op: 'answer', id: item!.id, answer: { behavior: 'deny' }, by: 'cli' })).toMatchObject(
      {
        ok: false,
        reason: 'already-answered',
      },
    );
    expect(await door({ op: 'answer', id: 'abcdef', answer: { behavior: 'deny' }, by: 'cli' })).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await door({ op: 'status' })).toMatchObject({ instance: 'work', runtime_id: '1_2', pending: [] });
  });
});

describe('bus event door', () => {
  it('records a well-formed forwarded event, settles what it closes, and refuses a malformed one', () => {
    const { core, notified } = makeCore();
    const warnings: string[] = [];
    const door = eventDoor(core, (line) => warnings.push(line));
    void httpHookResponse(core, question('make'));
    door({
      event: 'stop',
      instance: 'work',
      sent_at: 1,
      input: { hook_event_name: 'Stop', session_id: 's' },
    });
    expect(core.desk.pending()).toEqual([]);
    expect(core.feed.list().map((entry) => entry.event)).toEqual(['stop']);
    door({ event: 'no-such-event', instance: 'work', sent_at: 1 });
    door('garbage');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/malformed event message: event: is not a ccbell event/);
    // The hook process sounded already: the app does not notify it again.
    expect(notified).toEqual(['permission_request']);
  });
});

describe('terminal door', () => {
  it('reads y, n with a reason, and a, as the answers the page gives', () => {
    expect(answerOfLine('y')).toEqual({ behavior: 'allow' });
    expect(answerOfLine(' no  not in prod ')).toEqual({ behavior: 'deny', message: 'not in prod' });
    expect(answerOfLine('a')).toEqual({ behavior: 'allow', always: true });
    expect(answerOfLine('e {"command": "ls -la"}')).toEqual({
      behavior: 'allow',
      updated_input: { command: 'ls -la' },
    });
    expect(answerOfLine('e [1]')).toBeUndefined();
    expect(answerOfLine('e {not json')).toBeUndefined();
    expect(answerOfLine('maybe')).toBeUndefined();
  });
});

describe('bus approval door', () => {
  it("shows the host of a request from another machine, and none for the app's own", async () => {
    const { core } = makeCore();
    const door = approvalDoor({
      core,
      responseChannel: 'unused',
      busOptions: {},
      warn: () => undefined,
      localHost: 'laptop',
    });
    const ask = (command: string, host: string) =>
      door(
        { tool_name: 'Bash', input: { command }, tool_use_id: `toolu_${command}`, host },
        { kind: 'request' },
      );
    const remote = ask('remote', 'devbox');
    const local = ask('local', 'laptop');
    const hook = door(
      { kind: 'permission_request', tool_name: 'Bash', input: { command: 'hooked' }, host: 'vm-1' },
      { kind: 'request' },
    );
    const views = core.desk.pending().map((item) => [item.input.command, item.host]);
    expect(views).toEqual([
      ['remote', 'devbox'],
      ['local', undefined],
      ['hooked', 'vm-1'],
    ]);
    for (const item of core.desk.pending()) core.desk.answer(item.id, { behavior: 'allow' }, 'page');
    await Promise.all([remote, local, hook]);
  });
});
