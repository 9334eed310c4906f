// Doctor's checks of how an event reaches the person beyond the config's own problems: the sound
// player (and what rings when there is none), each channel's secret references, and each speech
// channel's program. A secret's value is never shown: a finding names the reference only.
import { planChannels } from '../channels/plan.js';
import { resolveSecret, secretRefs } from '../channels/secrets.js';
import { findSpeechProgram } from '../channels/speech.js';
import { type Config, EVENT_NAMES, resolveEvent } from '../config/index.js';
import { messageOf } from '../errors.js';
import { findPlayer, NoPlayerError } from '../notify/index.js';
import type { Finding } from './doctor-hooks.js';

const INSTALL_PLAYER = 'install pipewire (pw-play), pulseaudio-utils (paplay) or alsa-utils (aplay)';

/**
 * The sound player. None at all (an SSH session, a server) is not a failure: hooks then hand
 * Claude Code a bell (`terminalSequence`), so the terminal the person sits at rings instead.
 */
export function playerFinding(config: Config, env: NodeJS.ProcessEnv, platform = process.platform): Finding {
  try {
    const player = findPlayer({ platform, pathEnv: env.PATH ?? '', preferred: config.player });
    return { ok: true, what: `sound player: ${player.name} (${player.path})` };
  } catch (error) {
    if (!(error instanceof NoPlayerError)) return { ok: false, what: messageOf(error), fix: INSTALL_PLAYER };
    const terminal =
      config.terminal && config.terminal !== 'off'
        ? ` (the terminal channel: ${config.terminal})`
        : ' (a bell)';
    const what = `${error.message}: hooks ring the terminal instead${terminal}; Claude Code writes it to the terminal you sit at, over SSH too`;
    // "player" set in the config and not found is the person's to fix; none found at all is a machine without sound.
    const chosen = config.player.trim() !== '' && config.player.trim() !== 'auto';
    return chosen
      ? { ok: false, what, fix: 'fix "player" (or remove it to use the first player found)' }
      : { ok: false, warn: true, what, fix: `for sounds, ${INSTALL_PLAYER}` };
  }
}

/** The events, enabled, that each channel name serves: the channels in use. */
function channelUse(config: Config): Map<string, string[]> {
  const use = new Map<string, string[]>();
  for (const event of EVENT_NAMES) {
    const settings = resolveEvent(config, event);
    if (!settings.enabled) continue;
    const plan = planChannels(config, settings);
    for (const name of [...plan.remote, ...plan.local.map((local) => local.name)])
      use.set(name, [...(use.get(name) ?? []), event]);
  }
  return use;
}

/**
 * Each defined channel's secret references, resolved as delivery resolves them (an `env:`
 * variable set and not empty; a `file:` path a regular, readable, non-empty file of at most
 * 16 KB), with the value thrown away. `env:` is read from doctor's environment: hooks read
 * Claude Code's, which is usually the same shell's.
 */
export function secretFindings(config: Config, env: NodeJS.ProcessEnv): Finding[] {
  const findings: Finding[] = [];
  for (const [name, settings] of Object.entries(config.channels)) {
    const refs = secretRefs(settings);
    if (refs.length === 0) continue;
    const label = `channel ${name} (${settings.type})`;
    const problems = refs.flatMap(({ field, ref }) => {
      try {
        resolveSecret(ref, env);
        return [];
      } catch (error) {
        return [{ field, ref, problem: messageOf(error) }];
      }
    });
    if (problems.length === 0)
      findings.push({
        ok: true,
        what: `${label}: ${refs.map((r) => `${r.field} (${r.ref})`).join(', ')} resolve`,
      });
    for (const { field, ref, problem } of problems)
      findings.push({
        ok: false,
        what: `${label}: ${field} (${ref}): ${problem}; the channel sends nothing`,
        fix: ref.startsWith('env:')
          ? `set ${ref.slice(4)} in the environment Claude Code (and the app) start from, or use file:/path`
          : `put the secret alone in ${ref.slice(5)}: a regular file, readable by you, at most 16 KB`,
      });
  }
  return findings;
}

/** Each speech channel an enabled event uses, and the program that speaks for it (or that none does). */
export function speechFindings(
  config: Config,
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): Finding[] {
  const findings: Finding[] = [];
  for (const [name, events] of channelUse(config)) {
    const defined = Object.hasOwn(config.channels, name) ? config.channels[name] : undefined;
    const isSpeech = defined ? defined.type === 'speech' : name === 'speech';
    if (!isSpeech) continue;
    const label = `channel ${name} (speech), for ${events.join(', ')}`;
    try {
      const program = findSpeechProgram(platform, env.PATH ?? '');
      findings.push({ ok: true, what: `${label}: ${program.name} (${program.path})` });
    } catch (error) {
      findings.push({
        ok: false,
        what: `${label}: ${messageOf(error)}; it says nothing`,
        fix:
          platform === 'darwin'
            ? 'say is part of macOS: check PATH'
            : 'install espeak-ng, or speech-dispatcher (spd-say) for your own voice settings',
      });
    }
  }
  return findings;
}
