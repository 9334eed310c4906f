// Internal: a session's terminal place carried by an http hook. No hook process runs per event
// with `ccbell setup --http` or under `ccbell app -- claude`, so nothing reads the session's
// environment; instead the hook's `headers` name these variables and Claude Code fills them in
// (only names listed in `allowedEnvVars`, only upper-case names: `$__CFBundleIdentifier` is not
// interpolated, so the macOS app cannot travel this way). An unset variable arrives empty.
import { placeFromEnv, type TerminalPlace } from './focus.js';

/** The environment variables an http hook sends, and the header each travels in. */
export const PLACE_HEADERS: readonly { header: string; variable: string }[] = [
  { header: 'X-Ccbell-Tmux', variable: 'TMUX' },
  { header: 'X-Ccbell-Tmux-Pane', variable: 'TMUX_PANE' },
  { header: 'X-Ccbell-Kitty-Window', variable: 'KITTY_WINDOW_ID' },
  { header: 'X-Ccbell-Kitty-Listen-On', variable: 'KITTY_LISTEN_ON' },
  { header: 'X-Ccbell-Wezterm-Pane', variable: 'WEZTERM_PANE' },
  { header: 'X-Ccbell-Window-Id', variable: 'WINDOWID' },
  { header: 'X-Ccbell-Term-Program', variable: 'TERM_PROGRAM' },
];

/** The `headers` and `allowedEnvVars` an http hook carries so that the app learns the place. */
export function placeHookHeaders(): { headers: Record<string, string>; allowedEnvVars: string[] } {
  const headers: Record<string, string> = {};
  for (const { header, variable } of PLACE_HEADERS) headers[header] = `\${${variable}}`;
  return { headers, allowedEnvVars: PLACE_HEADERS.map(({ variable }) => variable) };
}

/**
 * The place an http hook's request headers name, each value checked as placeFromEnv checks the
 * environment (a pane is `%N`, ids are numbers, the socket an absolute path). A header sent
 * twice (Node joins the values) or left uninterpolated fails its check and is dropped.
 */
export function placeFromHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): TerminalPlace {
  const env: Record<string, string> = {};
  for (const { header, variable } of PLACE_HEADERS) {
    const value = headers[header.toLowerCase()];
    if (typeof value === 'string' && value !== '') env[variable] = value;
  }
  return placeFromEnv(env);
}
