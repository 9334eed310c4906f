// Each focus step's command line, the checks on recorded values, and the click arguments of the
// desktop notifiers (notify-send's default action, terminal-notifier's -execute).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  checkedPlace,
  focusSteps,
  notifySendClickArgs,
  placeFromEnv,
  shellWord,
  terminalNotifierArgs,
} from '../../src/notify/index.js';

const all = () => true;
const none = () => false;

describe('placeFromEnv', () => {
  it('reads tmux, kitty, WezTerm, the X11 window, the terminal and the macOS app', () => {
    expect(
      placeFromEnv({
        TMUX: '/tmp/tmux-1000/default,1234,0',
        TMUX_PANE: '%7',
        KITTY_WINDOW_ID: '3',
        KITTY_LISTEN_ON: 'unix:/tmp/kitty-1',
        WEZTERM_PANE: '12',
        WINDOWID: '41943047',
        TERM_PROGRAM: 'WezTerm',
        __CFBundleIdentifier: 'com.googlecode.iterm2',
      }),
    ).toEqual({
      tmuxSocket: '/tmp/tmux-1000/default',
      tmuxPane: '%7',
      kittyWindow: '3',
      kittyListenOn: 'unix:/tmp/kitty-1',
      weztermPane: '12',
      x11Window: '41943047',
      termProgram: 'WezTerm',
      macBundle: 'com.googlecode.iterm2',
    });
  });

  it('drops values that could be read as options or other targets', () => {
    expect(
      checkedPlace({
        tmuxPane: '-t%1',
        tmuxSocket: 'relative',
        kittyWindow: '3 --all',
        weztermPane: '--help',
        x11Window: '-root',
        macBundle: 'x" to do shell script "rm',
        other: 'x',
      }),
    ).toEqual({});
  });
});

describe('focusSteps', () => {
  it('tmux: select-window, select-pane, switch-client on the recorded server', () => {
    expect(focusSteps({ tmuxSocket: '/tmp/s', tmuxPane: '%3' }, 'linux', all)).toEqual([
      { command: 'tmux', args: ['-S', '/tmp/s', 'select-window', '-t', '%3'] },
      { command: 'tmux', args: ['-S', '/tmp/s', 'select-pane', '-t', '%3'] },
      { command: 'tmux', args: ['-S', '/tmp/s', 'switch-client', '-t', '%3'] },
    ]);
  });

  it('kitty: kitten @ focus-window, with --to when the address is known', () => {
    expect(focusSteps({ kittyWindow: '4', kittyListenOn: 'unix:/tmp/k' }, 'linux', all)).toEqual([
      { command: 'kitten', args: ['@', '--to', 'unix:/tmp/k', 'focus-window', '--match', 'id:4'] },
    ]);
    expect(focusSteps({ kittyWindow: '4' }, 'linux', all)[0]?.args).toEqual([
      '@',
      'focus-window',
      '--match',
      'id:4',
    ]);
  });

  it('WezTerm: wezterm cli activate-pane', () => {
    expect(focusSteps({ weztermPane: '9' }, 'linux', all)).toEqual([
      { command: 'wezterm', args: ['cli', 'activate-pane', '--pane-id', '9'] },
    ]);
  });

  it('X11: wmctrl -i -a, else xdotool windowactivate, else nothing', () => {
    expect(focusSteps({ x11Window: '0x2800007' }, 'linux', all)).toEqual([
      { command: 'wmctrl', args: ['-i', '-a', '0x2800007'] },
    ]);
    expect(focusSteps({ x11Window: '0x2800007' }, 'linux', (p) => p === 'xdotool')).toEqual([
      { command: 'xdotool', args: ['windowactivate', '41943047'] },
    ]);
    expect(focusSteps({ x11Window: '41943047' }, 'linux', none)).toEqual([]);
  });

  it('macOS: the terminal app is activated by bundle id, then tmux', () => {
    const steps = focusSteps({ macBundle: 'com.apple.Terminal', tmuxPane: '%1' }, 'darwin', all);
    expect(steps[0]).toEqual({
      command: 'osascript',
      args: ['-e', 'tell application id "com.apple.Terminal" to activate'],
    });
    expect(steps.slice(1).map((s) => s.args[0])).toEqual(['select-window', 'select-pane', 'switch-client']);
  });

  it('the window first, then the pane inside it', () => {
    const steps = focusSteps({ x11Window: '5', kittyWindow: '2', tmuxPane: '%1' }, 'linux', all);
    expect(steps.map((s) => s.command)).toEqual(['wmctrl', 'kitten', 'tmux', 'tmux', 'tmux']);
  });
});

describe('click arguments', () => {
  it('notify-send gets a default action and waits', () => {
    expect(notifySendClickArgs(['--app-name=ccbell', '--', 'title', 'body'])).toEqual([
      '--action=default=Focus',
      '--wait',
      '--app-name=ccbell',
      '--',
      'title',
      'body',
    ]);
  });

  it("terminal-notifier's -execute is one shell string that a shell splits back into the same words", () => {
    const click = {
      command: '/opt/node dir/bin/node',
      args: ['/x/ccbell.js', 'focus', '--session', "it's"],
      macBundle: 'com.apple.Terminal',
    };
    const args = terminalNotifierArgs('t', 'b', click);
    expect(args.slice(0, 6)).toEqual(['-title', 't', '-message', 'b', '-group', 'ccbell']);
    expect(args.slice(-2)).toEqual(['-activate', 'com.apple.Terminal']);
    const execute = args[args.indexOf('-execute') + 1]!;
    const split = spawnSync('sh', ['-c', `for w in ${execute}; do printf '%s\\n' "$w"; done`], {
      encoding: 'utf8',
    }).stdout;
    expect(split.trimEnd().split('\n')).toEqual([click.command, ...click.args]);
    expect(shellWord('plain-word')).toBe('plain-word');
  });
});
