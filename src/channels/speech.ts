// The speech channel: a short sentence spoken by the system's speech program (`say` on macOS;
// `spd-say`, `espeak-ng` or `espeak` on Linux), started detached with an argument array, never a
// shell, so a hook returns at once and no text is ever read as shell syntax.
import type { EventName, TemplatesByEvent } from '../config/index.js';
import { EnvironmentError } from '../errors.js';
import { type Launch, launchDirectly } from '../notify/launcher.js';
import { findOnPath } from '../notify/players.js';
import { plainText } from './plain-text.js';
import { eventTemplates } from './template.js';
import type { ChannelMessage, MessageFields } from './types.js';

/** A user-defined speech channel: `{type: "speech", template?, voice?, rate?}`. */
export interface SpeechChannelSettings {
  type: 'speech';
  /** What to say, with {project}, {tool}, {instance}… (MessageFields); else the event's default. */
  template?: string;
  /** Per-event sentences (`templates.stop.template`), which win over `template`. */
  templates?: TemplatesByEvent;
  /** The program's voice name (say -v, espeak-ng -v, spd-say -y). */
  voice?: string;
  /** Words per minute (about 175 is normal speech). */
  rate?: number;
}

export const SPEECH_PROGRAMS = ['say', 'spd-say', 'espeak-ng', 'espeak'] as const;
export type SpeechProgramName = (typeof SPEECH_PROGRAMS)[number];

/** A speech program found on this machine. */
export interface SpeechProgram {
  name: SpeechProgramName;
  path: string;
}

/** No speech program on PATH: names what was looked for. */
export class NoSpeechProgramError extends EnvironmentError {
  override name = 'NoSpeechProgramError';
  constructor(readonly searched: readonly SpeechProgramName[]) {
    super(
      searched.length > 0
        ? `no speech program: none of ${searched.join(', ')} found on PATH`
        : 'no speech program on this platform',
    );
  }
}

// spd-say first: it goes through speech-dispatcher, so the person's own voice settings apply.
// espeak-ng and espeak speak directly (and espeak-ng is the maintained one).
const LINUX_ORDER: readonly SpeechProgramName[] = ['spd-say', 'espeak-ng', 'espeak'];

/** The speech programs tried on a platform, in order. */
export function speechProgramOrder(platform: NodeJS.Platform): readonly SpeechProgramName[] {
  if (platform === 'darwin') return ['say'];
  if (platform === 'win32') return [];
  return LINUX_ORDER;
}

/** The first speech program of the platform's order found on `pathEnv`; throws NoSpeechProgramError. */
export function findSpeechProgram(platform: NodeJS.Platform, pathEnv: string): SpeechProgram {
  const order = speechProgramOrder(platform);
  for (const name of order) {
    const path = findOnPath(name, pathEnv, platform);
    if (path) return { name, path };
  }
  throw new NoSpeechProgramError(order);
}

/** What each event says when the channel has no template of its own. */
export const DEFAULT_SPEECH_TEMPLATES: Record<EventName, string> = {
  stop: '{project} is done',
  permission_prompt: '{project} needs you',
  idle_prompt: '{project} is waiting for you',
  subagent: '{project}: a subagent finished',
  session_start: '{project}: session started',
  session_end: '{project}: session ended',
  permission_request: '{project} needs you',
  permission_denied: '{project}: auto mode blocked a tool call',
  stop_failure: '{project} stopped on an error',
  elicitation_dialog: '{project} has a question for you',
  agent_needs_input: '{project} needs you',
  agent_completed: '{project}: a background agent finished',
  auth_success: 'Claude Code signed in',
};

/** How long a spoken sentence may be: a notification, not a reading of Claude's reply. */
export const SPEECH_CHARS = 160;

/**
 * The sentence to speak: the template (or the event's default) with each {field} replaced by the
 * message's field (an unknown name by nothing; no project reads as "Claude Code"), made one
 * plain, bounded line that no speech program can read as an option or a command.
 */
export function speechText(message: ChannelMessage, template?: string): string {
  const fields: MessageFields = {
    ...message.fields,
    project: message.fields.project || 'Claude Code',
  };
  const source = template ?? DEFAULT_SPEECH_TEMPLATES[fields.event] ?? '{project} needs you';
  const filled = source.replace(/\{(\w+)\}/g, (_, name: string) =>
    Object.hasOwn(fields, name) ? String(fields[name as keyof MessageFields]) : '',
  );
  return (
    plainText(filled, SPEECH_CHARS)
      // `say` reads [[…]] as embedded commands (voice, rate, silence): a project cannot use them.
      .replace(/\[\[|\]\]/g, ' ')
      // A leading `-` would be an option to every one of these programs.
      .replace(/^[\s-]+/, '')
      .trim()
  );
}

// A voice is a name: letters, digits and a few separators; anything else is ignored.
const VOICE = /^[A-Za-z0-9][A-Za-z0-9 _+.()-]{0,63}$/;
const RATE_MIN = 80;
const RATE_MAX = 450;
/** espeak's default speed; spd-say's rate is relative to the normal speed (-100..100). */
const NORMAL_WPM = 175;

/** The arguments (after the program) that speak `text`, with the voice and rate when given. */
export function speechArgs(
  program: SpeechProgram,
  text: string,
  settings: Pick<SpeechChannelSettings, 'voice' | 'rate'> = {},
): string[] {
  const voice = settings.voice !== undefined && VOICE.test(settings.voice) ? settings.voice : undefined;
  const rate =
    typeof settings.rate === 'number' && Number.isFinite(settings.rate)
      ? Math.round(Math.min(RATE_MAX, Math.max(RATE_MIN, settings.rate)))
      : undefined;
  const args: string[] = [];
  switch (program.name) {
    case 'say':
      if (voice) args.push('-v', voice);
      if (rate !== undefined) args.push('-r', String(rate));
      // say takes the text as its last words; speechText never starts it with `-`.
      return [...args, text];
    case 'spd-say':
      if (voice) args.push('-y', voice);
      if (rate !== undefined)
        args.push('-r', String(Math.max(-100, Math.min(100, Math.round((rate / NORMAL_WPM - 1) * 100)))));
      return [...args, '--', text];
    case 'espeak-ng':
    case 'espeak':
      if (voice) args.push('-v', voice);
      if (rate !== undefined) args.push('-s', String(rate));
      return [...args, '--', text];
  }
}

/**
 * Speaks `message` with the first speech program on PATH, detached (fire and forget, like a
 * sound). Returns the program and the words, or throws NoSpeechProgramError. Nothing is spoken
 * when the sentence comes out empty.
 */
export function speakMessage(
  settings: Omit<SpeechChannelSettings, 'type'>,
  message: ChannelMessage,
  options: {
    platform?: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    onError?: (error: Error) => void;
    /** How the program is started (the app's launcher shell); default a direct spawn. */
    launch?: Launch;
  },
): { program: SpeechProgram; text: string } {
  const program = findSpeechProgram(options.platform ?? process.platform, options.env.PATH ?? '');
  const text = speechText(message, eventTemplates(message, settings)?.template ?? settings.template);
  if (!text) return { program, text };
  (options.launch ?? launchDirectly)(program.path, speechArgs(program, text, settings), (error) =>
    options.onError?.(error),
  );
  return { program, text };
}
