// The notify module: the channels that reach the person (sound players, desktop notifications).
// Other modules import from here only.

// Desktop notifications (notify-send on Linux, osascript on macOS).
export {
  appleScriptString,
  CLICK_WAIT_MS,
  DESKTOP_TIMEOUT_MS,
  type DesktopNotification,
  DesktopNotifyError,
  desktopNotify,
  escapeMarkup,
  notifySendArgs,
  notifySendClickArgs,
  osascriptArgs,
  terminalNotifierArgs,
} from './desktop.js';
export {
  canFocus,
  checkedPlace,
  type FocusResult,
  type FocusStep,
  focusClick,
  focusPlace,
  focusSteps,
  placeFromEnv,
  type TerminalPlace,
} from './focus.js';
// Whether the person looks at a session's tmux pane (quietWhenFocused).
export {
  type Launch,
  launchDirectly,
  launchLine,
  type ShellLauncher,
  shellWord,
  startShellLauncher,
} from './launcher.js';
export { PANE_CHECK_TIMEOUT_MS, paneInView, paneInViewArgs, paneInViewFrom } from './pane-in-view.js';
// The session's place carried by an http hook's headers.
export { PLACE_HEADERS, placeFromHeaders, placeHookHeaders } from './place-headers.js';
// Sound players: detection, a user's choice, and per-player volume arguments.
export {
  findOnPath,
  findPlayer,
  InvalidPlayerError,
  KNOWN_PLAYERS,
  type KnownPlayerName,
  NoPlayerError,
  type Player,
  playerArgs,
  playerOrder,
} from './players.js';
// Sound settings to safe file paths, and fire-and-forget playback.
export {
  BUNDLED_SOUNDS,
  InvalidSoundSpecError,
  playSound,
  resolveSound,
  SoundNotFoundError,
} from './sound.js';
