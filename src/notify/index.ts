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
  shellWord,
  terminalNotifierArgs,
} from './desktop.js';
export {
  canFocus,
  checkedPlace,
  type FocusResult,
  type FocusStep,
  focusPlace,
  focusSteps,
  placeFromEnv,
  type TerminalPlace,
} from './focus.js';
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
