// The terminal channel: a bell, a desktop notification the terminal itself shows (OSC 9, OSC 777,
// OSC 99), or a window title. Hooks have no terminal since Claude Code 2.1.139; a hook hands the
// sequence back as `terminalSequence` and Claude Code writes it (docs/terminal.md). Pure: the
// caller prints the sequence where it goes.
import { plainText } from './plain-text.js';
import type { ChannelMessage } from './types.js';

/** What the terminal channel writes. */
export const TERMINAL_KINDS = ['bell', 'osc9', 'osc777', 'osc99', 'title'] as const;
export type TerminalKind = (typeof TERMINAL_KINDS)[number];
/** A kind, or `auto`: chosen from the terminal ccbell detects. */
export type TerminalKindSetting = 'auto' | TerminalKind;

/** A user-defined terminal channel: `{type: "terminal", kind?: "auto" | "bell" | …}`. */
export interface TerminalChannelSettings {
  type: 'terminal';
  kind?: TerminalKindSetting;
}

export function isTerminalKindSetting(value: unknown): value is TerminalKindSetting {
  return value === 'auto' || (TERMINAL_KINDS as readonly unknown[]).includes(value);
}

/**
 * The kind the terminal that runs Claude Code understands, from its environment:
 * - inside tmux or GNU screen, a bell: Claude Code wraps every OSC in tmux's passthrough (DCS),
 *   which tmux drops unless `allow-passthrough` is on, while a BEL always reaches tmux, flags the
 *   window and rings the outer terminal;
 * - kitty: OSC 99 (kitty's own protocol, with a title and a body);
 * - iTerm2: OSC 9 (no title); WezTerm, Ghostty and foot: OSC 777 (title and body);
 * - everything else (Terminal.app, VS Code, Windows Terminal, VTE terminals, Alacritty, Konsole,
 *   an unknown terminal over SSH): a bell, which every terminal handles in its own way.
 */
export function detectTerminal(env: NodeJS.ProcessEnv): TerminalKind {
  const term = env.TERM ?? '';
  const program = env.TERM_PROGRAM ?? '';
  if (env.TMUX || env.STY || program === 'tmux' || /^(tmux|screen)\b/.test(term)) return 'bell';
  if (env.KITTY_WINDOW_ID || program === 'kitty' || term === 'xterm-kitty') return 'osc99';
  if (program === 'iTerm.app' || env.LC_TERMINAL === 'iTerm2' || env.ITERM_SESSION_ID) return 'osc9';
  if (program === 'WezTerm' || env.WEZTERM_PANE || term === 'wezterm') return 'osc777';
  if (program === 'ghostty' || env.GHOSTTY_RESOURCES_DIR || term === 'xterm-ghostty') return 'osc777';
  if (term === 'foot' || term.startsWith('foot-')) return 'osc777';
  return 'bell';
}

const ESC = '\u001b';
const BEL = '\u0007';
/** The bell: what the terminal channel writes as a fallback, and inside tmux. */
export const BELL = BEL;
/** String terminator: kitty's protocol asks for it; Claude Code writes OSC 99 with it anyway. */
const ST = `${ESC}\\`;

/** Bounds that keep a notification one readable line (and a title short enough for a tab). */
const TITLE_CHARS = 80;
const BODY_CHARS = 200;
const WINDOW_TITLE_CHARS = 60;

/**
 * The bytes that make a terminal of `kind` show `message`: its title and body made plain text
 * (no control character, so no ESC, BEL or ST can end the sequence early) and bounded.
 */
export function terminalSequence(kind: TerminalKind, message: ChannelMessage): string {
  const title = plainText(message.title, TITLE_CHARS);
  const body = plainText(message.body, BODY_CHARS);
  switch (kind) {
    case 'bell':
      return BEL;
    case 'osc9': {
      // OSC 9 has one text. `9;4;…` and friends are ConEmu's (and Windows Terminal's) progress
      // and cwd commands: a text that starts with a digit gets a word in front.
      const text = [title, body].filter(Boolean).join(': ');
      return `${ESC}]9;${/^\d/.test(text) ? `ccbell: ${text}` : text}${BEL}`;
    }
    case 'osc777':
      // `notify;TITLE;BODY`: a `;` in the title would start the body.
      return `${ESC}]777;notify;${title.replaceAll(';', ',')};${body}${BEL}`;
    case 'osc99': {
      // kitty's protocol: the title, then (d=1: done) the body, both base64 (e=1), under one id
      // so a newer notification of the same session replaces the older one.
      const id = `ccbell${message.fields.session.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
      const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      return (
        `${ESC}]99;i=${id}:d=0:e=1:p=title;${b64(title)}${ST}` +
        `${ESC}]99;i=${id}:d=1:e=1:p=body;${b64(body)}${ST}`
      );
    }
    case 'title': {
      const project = message.fields.project || 'Claude Code';
      return `${ESC}]2;${plainText(`${project}: ${body}`, WINDOW_TITLE_CHARS)}${BEL}`;
    }
  }
}
