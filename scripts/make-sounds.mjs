// Synthesises ccbell's bundled sounds: one short, soft, distinct chime per event, as 16-bit PCM
// mono WAV. Pure arithmetic, no randomness and no third-party audio, so every build writes the
// same bytes. Run by scripts/build.mjs, or directly: `node scripts/make-sounds.mjs [dir]`.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Samples per second of every bundled sound. */
export const SAMPLE_RATE = 22050;

/**
 * One struck note of a chime.
 * @typedef {object} Note
 * @property {number} freq   fundamental in Hz
 * @property {number} at     start, seconds from the sound's start
 * @property {number} dur    length in seconds (the note fades to silence by its end)
 * @property {number} [gain] relative loudness, default 1
 */

/**
 * A sound: its notes and how bright they are (weights of harmonics 1, 2, 3, …).
 * @typedef {object} Voice
 * @property {Note[]} notes
 * @property {number[]} harmonics
 * @property {number} decay  seconds for a note to fall to 1/e
 * @property {number} [level] peak as a fraction of full scale, default PEAK
 */

// Equal-tempered pitches used below.
const C5 = 523.25;
const E5 = 659.25;
const G5 = 783.99;
const A5 = 880.0;
const C6 = 1046.5;
const D6 = 1174.66;
const E6 = 1318.51;
const G4 = 392.0;
const B4 = 493.88;
const D5 = 587.33;
const F5 = 698.46;
const AS4 = 466.16;
const E4 = 329.63;
const B5 = 987.77;

const BELL = [1, 0.35, 0.12, 0.05];
const SOFT = [1, 0.18, 0.04];
const PURE = [1, 0.08];

// Each event has a shape of its own, so a person learns them without looking:
// done = a rising resolved fourth, needs-you = repeated notes, start/end = arpeggios up/down.
/** @type {Record<string, Voice>} */
export const VOICES = {
  // Claude finished its turn: a calm rising fourth, G5 → C6.
  stop: {
    harmonics: BELL,
    decay: 0.16,
    notes: [
      { freq: G5, at: 0, dur: 0.22 },
      { freq: C6, at: 0.13, dur: 0.4 },
    ],
  },
  // Claude Code's own permission dialog is waiting: two quick A5s, then a higher E6.
  permission_prompt: {
    harmonics: BELL,
    decay: 0.09,
    notes: [
      { freq: A5, at: 0, dur: 0.12 },
      { freq: A5, at: 0.12, dur: 0.12 },
      { freq: E6, at: 0.24, dur: 0.3 },
    ],
  },
  // Claude has been idle, waiting for input: one gentle falling step, C5 → G4.
  idle_prompt: {
    harmonics: SOFT,
    decay: 0.22,
    level: 0.45,
    notes: [
      { freq: C5, at: 0, dur: 0.26 },
      { freq: G4, at: 0.2, dur: 0.38, gain: 0.9 },
    ],
  },
  // A subagent finished: a single short, high, quiet blip.
  subagent: {
    harmonics: PURE,
    decay: 0.07,
    level: 0.4,
    notes: [{ freq: E6, at: 0, dur: 0.18 }],
  },
  // A session started: a rising major arpeggio C5 E5 G5.
  session_start: {
    harmonics: SOFT,
    decay: 0.14,
    notes: [
      { freq: C5, at: 0, dur: 0.2 },
      { freq: E5, at: 0.09, dur: 0.2 },
      { freq: G5, at: 0.18, dur: 0.36 },
    ],
  },
  // A session ended: the same arpeggio falling, G5 E5 C5.
  session_end: {
    harmonics: SOFT,
    decay: 0.14,
    notes: [
      { freq: G5, at: 0, dur: 0.2 },
      { freq: E5, at: 0.09, dur: 0.2 },
      { freq: C5, at: 0.18, dur: 0.36 },
    ],
  },
  // A tool call waits for an approval (PermissionRequest): three rapid bright notes, D6 A5 D6.
  permission_request: {
    harmonics: BELL,
    decay: 0.07,
    notes: [
      { freq: D6, at: 0, dur: 0.1 },
      { freq: A5, at: 0.09, dur: 0.1 },
      { freq: D6, at: 0.18, dur: 0.3 },
    ],
  },
  // Auto mode blocked a tool call: a firm falling step, E5 → B4.
  permission_denied: {
    harmonics: BELL,
    decay: 0.12,
    notes: [
      { freq: E5, at: 0, dur: 0.18 },
      { freq: B4, at: 0.14, dur: 0.4 },
    ],
  },
  // The turn ended on an API error: a low tritone, struck twice; unlike any other sound.
  stop_failure: {
    harmonics: BELL,
    decay: 0.15,
    notes: [
      { freq: E4, at: 0, dur: 0.26 },
      { freq: AS4, at: 0, dur: 0.26, gain: 0.8 },
      { freq: E4, at: 0.24, dur: 0.34 },
      { freq: AS4, at: 0.24, dur: 0.34, gain: 0.8 },
    ],
  },
  // An MCP server asks a question: a rising "question" C5 → F5 → A5.
  elicitation_dialog: {
    harmonics: SOFT,
    decay: 0.12,
    notes: [
      { freq: C5, at: 0, dur: 0.14 },
      { freq: F5, at: 0.12, dur: 0.14 },
      { freq: A5, at: 0.24, dur: 0.34 },
    ],
  },
  // A background agent needs input: two quick B5s, the permission shape without its top note.
  agent_needs_input: {
    harmonics: BELL,
    decay: 0.09,
    notes: [
      { freq: B5, at: 0, dur: 0.12 },
      { freq: B5, at: 0.14, dur: 0.26 },
    ],
  },
  // A background agent finished: a soft rising step D5 → G5.
  agent_completed: {
    harmonics: PURE,
    decay: 0.1,
    level: 0.4,
    notes: [
      { freq: D5, at: 0, dur: 0.16 },
      { freq: G5, at: 0.12, dur: 0.3 },
    ],
  },
  // Signed in: one bright, quiet C6.
  auth_success: {
    harmonics: PURE,
    decay: 0.1,
    level: 0.35,
    notes: [{ freq: C6, at: 0, dur: 0.3 }],
  },
};

/** The events that have a bundled sound, in a stable order. */
export const SOUND_EVENTS = Object.freeze(Object.keys(VOICES));

const ATTACK = 0.006; // seconds: long enough to avoid a click at the onset
const RELEASE = 0.03; // seconds: every note fades to exactly zero by its end
const PEAK = 0.55; // of full scale: pleasant, leaves headroom; quieter events set their own level

/**
 * Renders a voice into 16-bit signed samples.
 * @param {Voice} voice
 * @returns {Int16Array}
 */
export function renderVoice(voice) {
  const end = Math.max(...voice.notes.map((n) => n.at + n.dur));
  const length = Math.ceil(end * SAMPLE_RATE) + 1;
  const mix = new Float64Array(length);
  for (const note of voice.notes) {
    const start = Math.round(note.at * SAMPLE_RATE);
    const count = Math.round(note.dur * SAMPLE_RATE);
    const gain = note.gain ?? 1;
    for (let i = 0; i < count && start + i < length; i++) {
      const t = i / SAMPLE_RATE;
      const left = note.dur - t;
      // Raised-cosine attack and release, exponential decay between: no discontinuities.
      const attack = t < ATTACK ? 0.5 - 0.5 * Math.cos((Math.PI * t) / ATTACK) : 1;
      const release = left < RELEASE ? 0.5 - 0.5 * Math.cos((Math.PI * Math.max(left, 0)) / RELEASE) : 1;
      const envelope = attack * release * Math.exp(-t / voice.decay);
      let sample = 0;
      voice.harmonics.forEach((weight, h) => {
        const f = note.freq * (h + 1);
        if (f < SAMPLE_RATE / 2) sample += weight * Math.sin(2 * Math.PI * f * t);
      });
      mix[start + i] += gain * envelope * sample;
    }
  }
  let peak = 0;
  for (const v of mix) peak = Math.max(peak, Math.abs(v));
  const scale = peak > 0 ? ((voice.level ?? PEAK) * 32767) / peak : 0;
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.round(mix[i] * scale);
  return out;
}

/**
 * Wraps samples in a canonical 44-byte-header PCM WAV file (little-endian).
 * @param {Int16Array} samples mono, SAMPLE_RATE Hz
 * @returns {Buffer}
 */
export function encodeWav(samples) {
  const dataSize = samples.length * 2;
  const buf = Buffer.alloc(44 + dataSize);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataSize, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataSize, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i] ?? 0, 44 + i * 2);
  return buf;
}

/**
 * The bytes of one event's bundled WAV file.
 * @param {string} event one of SOUND_EVENTS
 * @returns {Buffer}
 */
export function soundBytes(event) {
  const voice = VOICES[event];
  if (!voice) throw new Error(`no bundled sound for event "${event}"`);
  return encodeWav(renderVoice(voice));
}

/**
 * Writes `<dir>/<event>.wav` for every event, creating dir; leaves a file alone when its bytes
 * are already identical, and replaces others atomically (temp file + rename).
 * @param {string} dir
 * @returns {Promise<void>}
 */
export async function makeSounds(dir) {
  await mkdir(dir, { recursive: true });
  for (const event of SOUND_EVENTS) {
    const file = join(dir, `${event}.wav`);
    const bytes = soundBytes(event);
    /** @type {Buffer | undefined} */
    let existing;
    try {
      existing = await readFile(file);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    }
    if (existing?.equals(bytes)) continue;
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? 'sounds');
  await makeSounds(dir);
  console.log(`ccbell: sounds written to ${dir}`);
}
