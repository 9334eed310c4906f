// Internal: which command-line audio player plays a sound, and with which arguments. Pure logic
// plus a PATH lookup by fs.accessSync: this runs on every hook, so it never spawns `which`.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';

/** The players ccbell knows how to pass a file and a volume to. */
export const KNOWN_PLAYERS = ['afplay', 'pw-play', 'paplay', 'aplay', 'mpv', 'ffplay'] as const;

/** One of KNOWN_PLAYERS. */
export type KnownPlayerName = (typeof KNOWN_PLAYERS)[number];

/** A player found on this machine: `name` says how to call it, `path` is the program run. */
export interface Player {
  /** A known player, or `custom`: a user's program called with the file as its only argument. */
  name: KnownPlayerName | 'custom';
  /** Absolute path of the executable. */
  path: string;
}

// Detection order on Linux (and other Unix-likes):
// 1. pw-play: PipeWire is the sound server of current desktops (Fedora, Ubuntu 22.10+, Debian 12
//    GNOME); talking to it directly is the shortest path and honours --volume.
// 2. paplay: PulseAudio, or PipeWire's pulse shim on older PipeWire setups; honours --volume.
// 3. aplay: plain ALSA, present almost everywhere, but it has no volume control and may fail to
//    get the device while a sound server holds it; so it comes after the sound-server clients.
// 4. mpv, ffplay: general media players that work anywhere but are heavy to start (tens of MB,
//    codec probing) for a half-second chime; last resorts.
// macOS always ships afplay, which plays WAV and takes a volume; nothing else is needed there.
const LINUX_ORDER: readonly KnownPlayerName[] = ['pw-play', 'paplay', 'aplay', 'mpv', 'ffplay'];
const MACOS_ORDER: readonly KnownPlayerName[] = ['afplay'];

/** The players auto-detection tries on a platform, in order (none on Windows). */
export function playerOrder(platform: NodeJS.Platform): readonly KnownPlayerName[] {
  if (platform === 'darwin') return MACOS_ORDER;
  if (platform === 'win32') return [];
  return LINUX_ORDER;
}

/** No usable player: names what was looked for and where, so the user can install or configure one. */
export class NoPlayerError extends EnvironmentError {
  override name = 'NoPlayerError';
  constructor(
    /** Player names or paths that were looked for. */
    readonly searched: readonly string[],
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The `player` setting is neither "auto", a known player name nor an absolute path. */
export class InvalidPlayerError extends UsageError {
  override name = 'InvalidPlayerError';
  constructor(readonly value: string) {
    super(
      `player "${value}" is not "auto", one of ${KNOWN_PLAYERS.join(', ')}, or an absolute path to an executable`,
    );
  }
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Finds an executable by name on a PATH string, as a shell would (empty entries are skipped). */
export function findOnPath(name: string, pathEnv: string, platform: NodeJS.Platform): string | undefined {
  const delimiter = platform === 'win32' ? ';' : ':';
  for (const dir of pathEnv.split(delimiter)) {
    // An empty entry means "the current directory" to a shell; a hook must not run whatever
    // happens to sit in the project it was started in, so empty and relative entries are skipped.
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isKnown(name: string): name is KnownPlayerName {
  return (KNOWN_PLAYERS as readonly string[]).includes(name);
}

/**
 * Chooses the player for a sound. `preferred` is the config's `player` setting: undefined or
 * "auto" detects in platform order; a known name must be on PATH; an absolute path must be an
 * executable file, called with the sound file as its only argument.
 */
export function findPlayer(options: {
  platform: NodeJS.Platform;
  pathEnv: string;
  preferred?: string | undefined;
}): Player {
  const { platform, pathEnv } = options;
  const preferred = options.preferred?.trim();
  if (preferred === undefined || preferred === '' || preferred === 'auto') {
    const order = playerOrder(platform);
    for (const name of order) {
      const found = findOnPath(name, pathEnv, platform);
      if (found) return { name, path: found };
    }
    const what =
      order.length > 0 ? `none of ${order.join(', ')} found on PATH` : `no known player on ${platform}`;
    throw new NoPlayerError(
      order,
      `no sound player: ${what}; install one or set "player" to an absolute path of a program that plays a WAV file`,
    );
  }
  if (isKnown(preferred)) {
    const found = findOnPath(preferred, pathEnv, platform);
    if (found) return { name: preferred, path: found };
    throw new NoPlayerError([preferred], `sound player "${preferred}" (set in "player") not found on PATH`);
  }
  if (path.isAbsolute(preferred)) {
    if (isExecutableFile(preferred)) return { name: 'custom', path: preferred };
    throw new NoPlayerError(
      [preferred],
      `sound player ${preferred} (set in "player") is not an executable file`,
    );
  }
  throw new InvalidPlayerError(preferred);
}

function clampVolume(volume: number): number {
  if (Number.isNaN(volume)) return 1;
  return Math.min(1, Math.max(0, volume));
}

/** `volume` (0..1) as a decimal with at most two places, e.g. 0.5, 1. */
function decimal(volume: number): string {
  return String(Math.round(volume * 100) / 100);
}

/**
 * The arguments (after the program) that make `player` play `file` at `volume` (0..1, clamped),
 * passing the volume in each player's own unit where it has one: aplay and custom players get
 * none.
 */
export function playerArgs(player: Player, file: string, volume: number): string[] {
  const v = clampVolume(volume);
  switch (player.name) {
    case 'afplay':
      return ['-v', decimal(v), file];
    case 'pw-play':
      return [`--volume=${decimal(v)}`, file];
    case 'paplay':
      // PulseAudio's linear volume: 65536 (PA_VOLUME_NORM) is 100 %.
      return [`--volume=${Math.round(v * 65536)}`, file];
    case 'aplay':
      return ['-q', file];
    case 'mpv':
      return ['--no-video', '--really-quiet', `--volume=${Math.round(v * 100)}`, file];
    case 'ffplay':
      return ['-nodisp', '-autoexit', '-loglevel', 'quiet', '-volume', String(Math.round(v * 100)), file];
    case 'custom':
      return [file];
  }
}
