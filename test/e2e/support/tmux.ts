// Internal to the e2e tests: the real interactive Claude Code (no -p) in a tmux pane, as people
// run it. Each session gets a tmux server of its own (-L), so tests never touch a person's tmux.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { claudeEnv } from './claude.js';

const run = promisify(execFile);

export interface InteractiveOptions {
  /** HOME for the run (see makeTempHome); onboarding and trust for `cwd` are written into it. */
  home: string;
  cwd: string;
  apiUrl: string;
  /** The program and its arguments, e.g. [claudeBin, '--permission-mode', 'default']. */
  command: string[];
  env?: Record<string, string>;
  unsetEnv?: string[];
  /** Keep the pane's own TMUX and TMUX_PANE, as a person's shell in tmux has them. */
  keepTmuxEnv?: boolean;
}

export interface InteractiveSession {
  /** The pane's text as the person sees it now. */
  screen(): Promise<string>;
  /** Waits until the screen matches; throws with the screen when it does not in time. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Types text (literally), then optionally presses Enter. */
  type(text: string, enter?: boolean): Promise<void>;
  /** Presses keys by tmux name (Enter, Escape, BTab, "1"). */
  press(...keys: string[]): Promise<void>;
  /** Runs a tmux command against this session's own server; resolves with its stdout. */
  tmux(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * What Claude Code 2.1.330 needs in HOME to start straight at its prompt: onboarding done, the
 * test API key approved, and the working directory trusted (see claude-code-facts.md).
 */
export function interactiveHomeConfig(cwd: string, apiKey = 'sk-ant-test'): string {
  return JSON.stringify({
    hasCompletedOnboarding: true,
    theme: 'dark',
    customApiKeyResponses: { approved: [apiKey.slice(-20)], rejected: [] },
    projects: { [cwd]: { hasTrustDialogAccepted: true } },
  });
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Starts `command` in a 160×45 tmux pane with Claude Code's offline environment. */
export async function startInteractive(options: InteractiveOptions): Promise<InteractiveSession> {
  writeFileSync(join(options.home, '.claude.json'), interactiveHomeConfig(options.cwd));
  const env = claudeEnv(process.env, options.home, options.apiUrl, options.env, options.unsetEnv);
  // tmux hands its server's environment to the pane: a launcher script sets exactly ours.
  const launcher = join(options.home, `launch-${randomBytes(4).toString('hex')}.sh`);
  const exports = Object.entries(env)
    .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    .map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  writeFileSync(
    launcher,
    `#!/bin/sh\n${options.keepTmuxEnv ? 'pane_tmux="$TMUX" pane_id="$TMUX_PANE"\n' : ''}for v in $(env | sed 's/=.*//'); do unset "$v" 2>/dev/null; done\n${exports.join('\n')}\n${options.keepTmuxEnv ? 'export TMUX="$pane_tmux" TMUX_PANE="$pane_id"\n' : ''}cd ${shellQuote(options.cwd)}\nexec ${options.command.map(shellQuote).join(' ')}\n`,
  );
  chmodSync(launcher, 0o700);
  const socket = `ccbell-e2e-${randomBytes(6).toString('hex')}`;
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, '-f', '/dev/null', ...args]);
  await tmux('new-session', '-d', '-s', 'cc', '-x', '160', '-y', '45', launcher);
  // Keep the pane after the program ends, so its last screen can be read.
  await tmux('set-option', '-t', 'cc', 'remain-on-exit', 'on').catch(() => undefined);

  const screen = async () => (await tmux('capture-pane', '-p', '-t', 'cc')).stdout;
  return {
    screen,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let text = '';
      while (Date.now() < deadline) {
        text = await screen().catch(() => text);
        if (pattern.test(text)) return text;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`screen did not show ${pattern} within ${timeoutMs} ms:\n${text}`);
    },
    async type(text, enter = false) {
      await tmux('send-keys', '-t', 'cc', '-l', text);
      if (!enter) return;
      // The TUI reads a paste and Enter in one read as a newline in the prompt: let it settle.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await tmux('send-keys', '-t', 'cc', 'Enter');
      // On a loaded machine the TUI sometimes drops that Enter (the text stays in the input box,
      // `❯ text`). Pressed again only while the text is still there unsent: once it is sent, the
      // box is empty, and a dialog that follows never gets a stray Enter.
      const unsent = async () => {
        // The input box is what stands between the screen's last two horizontal rules.
        const lines = (await screen()).split('\n');
        const rules = lines.flatMap((line, index) => (line.startsWith('────') ? [index] : []));
        if (rules.length < 2) return false;
        const box = lines.slice(rules.at(-2)! + 1, rules.at(-1));
        return box.some((line) => line.trimStart().startsWith(`❯ ${text.slice(0, 40)}`));
      };
      for (let retry = 0; retry < 2; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        if (!(await unsent())) return;
        await tmux('send-keys', '-t', 'cc', 'Enter');
      }
    },
    async press(...keys) {
      for (const key of keys) await tmux('send-keys', '-t', 'cc', key);
    },
    async tmux(...args) {
      return (await tmux(...args)).stdout;
    },
    async close() {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
