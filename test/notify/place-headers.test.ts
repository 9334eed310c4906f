// An http hook's headers carry the session's place; Claude Code fills them in from its own
// environment. What arrives is checked like the environment a command hook reads.
import { describe, expect, it } from 'vitest';
import { placeFromHeaders, placeHookHeaders } from '../../src/notify/index.js';

/** `${NAME}`: Claude Code's interpolation of an environment variable in a hook header. */
const braced = (name: string) => `\${${name}}`;

describe('placeHookHeaders', () => {
  it('names each variable braced in a header and lists it in allowedEnvVars (upper-case names only)', () => {
    const { headers, allowedEnvVars } = placeHookHeaders();
    expect(headers).toEqual({
      'X-Ccbell-Tmux': braced('TMUX'),
      'X-Ccbell-Tmux-Pane': braced('TMUX_PANE'),
      'X-Ccbell-Kitty-Window': braced('KITTY_WINDOW_ID'),
      'X-Ccbell-Kitty-Listen-On': braced('KITTY_LISTEN_ON'),
      'X-Ccbell-Wezterm-Pane': braced('WEZTERM_PANE'),
      'X-Ccbell-Window-Id': braced('WINDOWID'),
      'X-Ccbell-Term-Program': braced('TERM_PROGRAM'),
    });
    expect(allowedEnvVars).toEqual([
      'TMUX',
      'TMUX_PANE',
      'KITTY_WINDOW_ID',
      'KITTY_LISTEN_ON',
      'WEZTERM_PANE',
      'WINDOWID',
      'TERM_PROGRAM',
    ]);
    // Claude Code interpolates only names matching [A-Z_][A-Z0-9_]* (seen with 2.1.330).
    for (const name of allowedEnvVars) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});

describe('placeFromHeaders', () => {
  it('reads the place as Node hands the headers (lower-case names), the socket from $TMUX', () => {
    expect(
      placeFromHeaders({
        'x-ccbell-tmux': '/tmp/tmux-1000/default,4242,0',
        'x-ccbell-tmux-pane': '%12',
        'x-ccbell-kitty-window': '3',
        'x-ccbell-kitty-listen-on': 'unix:/tmp/kitty-1',
        'x-ccbell-wezterm-pane': '7',
        'x-ccbell-window-id': '0x3a00007',
        'x-ccbell-term-program': 'WezTerm',
        authorization: 'Bearer secret',
      }),
    ).toEqual({
      tmuxSocket: '/tmp/tmux-1000/default',
      tmuxPane: '%12',
      kittyWindow: '3',
      kittyListenOn: 'unix:/tmp/kitty-1',
      weztermPane: '7',
      x11Window: '0x3a00007',
      termProgram: 'WezTerm',
    });
  });

  it('drops unset (empty), uninterpolated, doubled and hostile values, one by one', () => {
    expect(
      placeFromHeaders({
        'x-ccbell-tmux': 'relative/socket,1,0',
        'x-ccbell-tmux-pane': braced('TMUX_PANE'),
        'x-ccbell-kitty-window': '',
        'x-ccbell-kitty-listen-on': '--to=tcp:evil.example:1',
        'x-ccbell-wezterm-pane': '1, 2',
        'x-ccbell-window-id': '-a',
        'x-ccbell-term-program': 'x\u001b]0;owned\u0007',
      }),
    ).toEqual({});
    expect(placeFromHeaders({ 'x-ccbell-tmux-pane': '-t%1' })).toEqual({});
    expect(placeFromHeaders({ 'x-ccbell-tmux-pane': '%1;rm -rf ~' })).toEqual({});
    expect(placeFromHeaders({ 'x-ccbell-tmux-pane': ['%1', '%2'] })).toEqual({});
    expect(placeFromHeaders({ 'x-ccbell-tmux-pane': `%${'9'.repeat(20)}` })).toEqual({});
    expect(placeFromHeaders({ 'x-ccbell-tmux-pane': '%4', 'x-ccbell-tmux': '' })).toEqual({ tmuxPane: '%4' });
  });

  it('knows no macOS app: $__CFBundleIdentifier is not interpolated by Claude Code', () => {
    expect(placeFromHeaders({ 'x-ccbell-mac-bundle': 'com.apple.Terminal' })).toEqual({});
  });
});
