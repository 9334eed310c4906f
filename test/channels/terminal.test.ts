// The terminal channel: the exact bytes of each kind, hostile text kept inside its sequence, the
// kind each terminal gets, and which events hand a sequence to Claude Code.
import { describe, expect, it } from 'vitest';
import {
  detectTerminal,
  isTerminalKindSetting,
  TERMINAL_KINDS,
  type TerminalKind,
  terminalSequence,
} from '../../src/channels/terminal.js';
import type { ChannelMessage } from '../../src/channels/types.js';
import { type Config, defaultConfig, resolveEvent } from '../../src/config/index.js';
import { buildMessage } from '../../src/events/message.js';
import { terminalHookOutput, terminalKindFor, terminalOutputFor } from '../../src/events/terminal.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

function message(
  overrides: Partial<ChannelMessage> & { project?: string; session?: string } = {},
): ChannelMessage {
  return {
    fields: {
      event: 'permission_request',
      instance: 'default',
      project: overrides.project ?? 'shop',
      branch: 'main',
      session: overrides.session ?? 'ab12cd34',
      tool: 'Bash',
      command: 'npm test',
      message: '',
      host: '',
    },
    title: overrides.title ?? 'ccbell default: shop (main) · ab12cd34',
    body: overrides.body ?? 'Allow Bash: npm test',
  };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('terminalSequence, per kind', () => {
  it('bell: one BEL', () => {
    expect(terminalSequence('bell', message())).toBe(BEL);
  });

  it('osc9: title and body in one text, BEL-terminated', () => {
    expect(terminalSequence('osc9', message())).toBe(
      `${ESC}]9;ccbell default: shop (main) · ab12cd34: Allow Bash: npm test${BEL}`,
    );
  });

  it('osc9: a text starting with a digit is not read as ConEmu`s 9;4 progress command', () => {
    expect(terminalSequence('osc9', message({ title: '4;3;50', body: '' }))).toBe(
      `${ESC}]9;ccbell: 4;3;50${BEL}`,
    );
  });

  it('osc777: notify;title;body, a ; in the title cannot start the body', () => {
    expect(terminalSequence('osc777', message({ title: 'a;b', body: 'c;d' }))).toBe(
      `${ESC}]777;notify;a,b;c;d${BEL}`,
    );
  });

  it('osc99: kitty`s protocol, title then body, base64, one id per session, ST-terminated', () => {
    expect(terminalSequence('osc99', message())).toBe(
      `${ESC}]99;i=ccbellab12cd34:d=0:e=1:p=title;${b64('ccbell default: shop (main) · ab12cd34')}${ST}` +
        `${ESC}]99;i=ccbellab12cd34:d=1:e=1:p=body;${b64('Allow Bash: npm test')}${ST}`,
    );
  });

  it('title: OSC 2 with the project name', () => {
    expect(terminalSequence('title', message())).toBe(`${ESC}]2;shop: Allow Bash: npm test${BEL}`);
    expect(terminalSequence('title', message({ project: '' }))).toBe(
      `${ESC}]2;Claude Code: Allow Bash: npm test${BEL}`,
    );
  });
});

describe('terminalSequence, hostile text', () => {
  // A project folder or a command that tries to end the sequence and start its own (OSC 52 writes
  // the clipboard; CSI can move the cursor), in 7-bit and 8-bit (C1) forms, plus newlines.
  const hostile = `evil${BEL}${ESC}]52;c;aGk=${BEL}${ESC}\\\u009b2J\u009d0;x\u009c\r\nline2\u2028end`;
  const hostileMessage = message({ title: hostile, body: hostile, project: hostile, session: `${ESC}x:y;z` });

  it.each(TERMINAL_KINDS)('%s: exactly one sequence, with no control character inside', (kind) => {
    const sequence = terminalSequence(kind, hostileMessage);
    // Strip the kind's own framing; what is left must hold no control characters at all.
    const inner = sequence
      .replace(/^\u001b\](9|777|2);/, '')
      .replace(/\u0007$/, '')
      .replaceAll(ST, '')
      .replaceAll(`${ESC}]99;`, '');
    expect(inner).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    if (kind === 'osc99') {
      // The session id is letters and digits only; payloads are base64 of plain text.
      expect(sequence.startsWith(`${ESC}]99;i=ccbellxyz:d=0:e=1:p=title;`)).toBe(true);
      const payload = Buffer.from(sequence.split(';')[2]!.replace(ST, ''), 'base64').toString('utf8');
      expect(payload).toBe('evil ]52;c;aGk= \\ 2J 0;x line2 end');
    }
  });

  it('keeps the 7-bit text and drops the controls (osc777)', () => {
    expect(terminalSequence('osc777', message({ title: hostile, body: 'b' }))).toBe(
      `${ESC}]777;notify;evil ]52,c,aGk= \\ 2J 0,x line2 end;b${BEL}`,
    );
  });

  it('bounds the length: a title of 80, a body of 200, a window title of 60 characters', () => {
    const long = 'x'.repeat(5000);
    const sequence = terminalSequence('osc777', message({ title: long, body: long }));
    expect(sequence).toBe(`${ESC}]777;notify;${'x'.repeat(79)}…;${'x'.repeat(199)}…${BEL}`);
    expect(terminalSequence('title', message({ project: long })).length).toBe(`${ESC}]2;`.length + 60 + 1);
  });

  it('never cuts an emoji in half', () => {
    const sequence = terminalSequence('osc9', message({ title: '😀'.repeat(100), body: '' }));
    expect(sequence).toBe(`${ESC}]9;${'😀'.repeat(79)}…${BEL}`);
  });
});

describe('detectTerminal', () => {
  const table: [string, NodeJS.ProcessEnv, TerminalKind][] = [
    ['no hint at all', {}, 'bell'],
    ['a dumb terminal', { TERM: 'dumb' }, 'bell'],
    ['iTerm2', { TERM_PROGRAM: 'iTerm.app' }, 'osc9'],
    ['iTerm2 over SSH (LC_TERMINAL is forwarded)', { LC_TERMINAL: 'iTerm2', TERM: 'xterm-256color' }, 'osc9'],
    ['WezTerm', { TERM_PROGRAM: 'WezTerm' }, 'osc777'],
    ['Ghostty', { TERM_PROGRAM: 'ghostty' }, 'osc777'],
    ['Ghostty over SSH (its terminfo name)', { TERM: 'xterm-ghostty' }, 'osc777'],
    ['kitty', { KITTY_WINDOW_ID: '1', TERM: 'xterm-kitty' }, 'osc99'],
    ['kitty over SSH', { TERM: 'xterm-kitty' }, 'osc99'],
    ['foot', { TERM: 'foot' }, 'osc777'],
    ['Terminal.app', { TERM_PROGRAM: 'Apple_Terminal' }, 'bell'],
    ['VS Code', { TERM_PROGRAM: 'vscode' }, 'bell'],
    ['Windows Terminal', { WT_SESSION: 'x' }, 'bell'],
    ['GNOME Terminal (VTE)', { VTE_VERSION: '7600', TERM: 'xterm-256color' }, 'bell'],
    [
      'tmux inside iTerm2',
      { TMUX: '/tmp/tmux-1/default,1,0', TERM_PROGRAM: 'tmux', LC_TERMINAL: 'iTerm2' },
      'bell',
    ],
    ['tmux inside kitty', { TMUX: '/tmp/tmux-1/default,1,0', KITTY_WINDOW_ID: '1' }, 'bell'],
    ['GNU screen', { STY: '123.pts-0', TERM: 'screen.xterm-256color' }, 'bell'],
  ];
  it.each(table)('%s', (_, env, kind) => {
    expect(detectTerminal(env)).toBe(kind);
  });
});

describe('terminalOutputFor (an event that passed the rules; handleEvent decides those)', () => {
  const input = { session_id: 'ab12cd34ef', cwd: '/tmp/shop', hook_event_name: 'Stop' };
  const config = (overrides: Partial<Config> = {}): Config => ({ ...defaultConfig(), ...overrides });
  const settings = (c: Config) => resolveEvent(c, 'stop');
  const stopMessage = (instance: string) => () => buildMessage('stop', instance, input);

  it('gives nothing when the terminal channel is off, and a bell when it stands in for a missing player', () => {
    expect(terminalOutputFor(config(), settings(config()), {}, false, stopMessage('d'))).toBeUndefined();
    expect(terminalOutputFor(config(), settings(config()), {}, true, stopMessage('d'))).toEqual({
      kind: 'bell',
      sequence: BEL,
    });
  });

  it('auto: the kind of the terminal detected, naming the project', () => {
    const c = config({ terminal: 'auto' });
    expect(
      terminalOutputFor(c, settings(c), { TERM_PROGRAM: 'WezTerm' }, false, stopMessage('work')),
    ).toEqual({
      kind: 'osc777',
      sequence: `${ESC}]777;notify;ccbell work: shop · ab12cd34;Claude finished and waits for you${BEL}`,
    });
  });

  it('a bell builds no message (reads no .git/HEAD)', () => {
    const c = config({ terminal: 'bell' });
    const never = () => {
      throw new Error('no message for a bell');
    };
    expect(terminalOutputFor(c, settings(c), {}, false, never)?.sequence).toBe(BEL);
  });

  it('a kind set in the config wins over the terminal detected', () => {
    expect(terminalKindFor(config({ terminal: 'title' }), { TERM_PROGRAM: 'iTerm.app' })).toBe('title');
  });

  it('is printed as a hook output JSON that decides nothing', () => {
    expect(JSON.parse(terminalHookOutput(`${ESC}]2;x${BEL}`))).toEqual({
      terminalSequence: `${ESC}]2;x${BEL}`,
    });
    expect(terminalHookOutput(BEL)).toBe('{"terminalSequence":"\\u0007"}');
  });

  it('knows its settings', () => {
    expect(isTerminalKindSetting('auto')).toBe(true);
    expect(isTerminalKindSetting('osc52')).toBe(false);
  });
});
