// The speech channel: the sentence (templates, hostile text), each program's arguments, a fake
// speech program on PATH that records what it was asked to say, and the real espeak-ng.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findSpeechProgram,
  NoSpeechProgramError,
  type SpeechProgram,
  speakMessage,
  speechArgs,
  speechProgramOrder,
  speechText,
} from '../../src/channels/speech.js';
import type { ChannelMessage } from '../../src/channels/types.js';
import type { EventName } from '../../src/config/index.js';
import { findOnPath } from '../../src/notify/index.js';

const run = promisify(execFile);
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ccbell-speech-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function message(event: EventName, project = 'zanzibar', tool = 'Bash'): ChannelMessage {
  return {
    fields: {
      event,
      instance: 'work',
      project,
      branch: 'main',
      session: 'ab12cd34',
      tool,
      command: 'ls',
      message: '',
      host: '',
    },
    title: 't',
    body: 'b',
  };
}

describe('speechText', () => {
  it('says each event`s default with the project', () => {
    expect(speechText(message('permission_request'))).toBe('zanzibar needs you');
    expect(speechText(message('stop'))).toBe('zanzibar is done');
    expect(speechText(message('stop', ''))).toBe('Claude Code is done');
  });

  it('fills a template from the message fields; an unknown name says nothing', () => {
    expect(speechText(message('permission_request'), '{instance}: {project} wants {tool} {nope}')).toBe(
      'work: zanzibar wants Bash',
    );
  });

  it('cannot be read as an option, a say command, or more than one bounded line', () => {
    expect(speechText(message('stop', '--help\u001b[2J'))).toBe('help [2J is done');
    expect(speechText(message('stop', ' - -v x'))).toBe('v x is done');
    expect(speechText(message('stop', '[[volm 0]]zanzibar'))).toBe('volm 0 zanzibar is done');
    expect(speechText(message('stop', 'a\nb\rc'))).toBe('a b c is done');
    const long = speechText(message('stop', 'x'.repeat(1000)));
    expect(Array.from(long).length).toBe(160);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('speechArgs', () => {
  const program = (name: SpeechProgram['name']): SpeechProgram => ({ name, path: `/usr/bin/${name}` });
  it('passes voice and rate in each program`s own terms, text last', () => {
    expect(speechArgs(program('say'), 'hi', { voice: 'Samantha', rate: 200 })).toEqual([
      '-v',
      'Samantha',
      '-r',
      '200',
      'hi',
    ]);
    expect(speechArgs(program('espeak-ng'), 'hi', { voice: 'en-us', rate: 200 })).toEqual([
      '-v',
      'en-us',
      '-s',
      '200',
      '--',
      'hi',
    ]);
    expect(speechArgs(program('espeak'), 'hi')).toEqual(['--', 'hi']);
    // spd-say's rate is relative: 350 wpm is twice the normal 175, its maximum.
    expect(speechArgs(program('spd-say'), 'hi', { voice: 'female1', rate: 350 })).toEqual([
      '-y',
      'female1',
      '-r',
      '100',
      '--',
      'hi',
    ]);
  });

  it('ignores a voice that is not a name and bounds the rate', () => {
    expect(speechArgs(program('espeak-ng'), 'hi', { voice: '-w/tmp/x', rate: 1e9 })).toEqual([
      '-s',
      '450',
      '--',
      'hi',
    ]);
    expect(speechArgs(program('say'), 'hi', { voice: 'a;rm -rf', rate: Number.NaN })).toEqual(['hi']);
  });
});

describe('findSpeechProgram', () => {
  it('tries say on macOS; spd-say, espeak-ng, espeak on Linux; nothing on Windows', () => {
    expect(speechProgramOrder('darwin')).toEqual(['say']);
    expect(speechProgramOrder('linux')).toEqual(['spd-say', 'espeak-ng', 'espeak']);
    expect(speechProgramOrder('win32')).toEqual([]);
  });

  it('names what it looked for when none is on PATH', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(() => findSpeechProgram('linux', empty)).toThrow(
      new NoSpeechProgramError(['spd-say', 'espeak-ng', 'espeak']),
    );
    expect(() => findSpeechProgram('linux', empty)).toThrow(
      /none of spd-say, espeak-ng, espeak found on PATH/,
    );
  });
});

describe('speakMessage, with a fake speech program on PATH', () => {
  it('runs it detached with an argument array: the words carry the project, a shell sees nothing', async () => {
    const bin = join(root, 'fake-bin');
    const log = join(root, 'said.log');
    mkdirSync(bin, { recursive: true });
    // Records each argument on its own line: a shell-split or a lost argument would show.
    writeFileSync(
      join(bin, 'espeak-ng'),
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${log}.tmp'\nmv '${log}.tmp' '${log}'\n`,
    );
    chmodSync(join(bin, 'espeak-ng'), 0o755);
    const project = 'zanzibar $(touch pwned); `id`';
    const started = Date.now();
    const spoken = speakMessage({ voice: 'en' }, message('permission_request', project), {
      platform: 'linux',
      env: { PATH: bin },
    });
    // Detached: the call returns before the program ends.
    expect(Date.now() - started).toBeLessThan(500);
    expect(spoken).toEqual({
      program: { name: 'espeak-ng', path: join(bin, 'espeak-ng') },
      text: `${project} needs you`,
    });
    for (let i = 0; i < 100 && !existsSync(log); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(log, 'utf8').split('\n').slice(0, -1)).toEqual([
      '-v',
      'en',
      '--',
      `${project} needs you`,
    ]);
    expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
  });

  it('says the event`s own template first, then the channel`s, then the default', () => {
    const bin = join(root, 'quiet-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'espeak-ng'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'espeak-ng'), 0o755);
    const settings = {
      template: '{project} wants you',
      templates: { stop: { template: '{project} finished' } },
    };
    const say = (event: EventName, s: object = settings) =>
      speakMessage(s, message(event), { platform: 'linux', env: { PATH: bin } }).text;
    expect(say('stop')).toBe('zanzibar finished');
    expect(say('permission_request')).toBe('zanzibar wants you');
    expect(say('idle_prompt', { templates: settings.templates })).toBe('zanzibar is waiting for you');
  });
});

// A WAV file's samples as numbers in -1..1: RIFF, its `fmt ` chunk (16-bit PCM), its `data` chunk.
function wavSamples(file: string): { rate: number; samples: number[] } {
  const wav = readFileSync(file);
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
  let offset = 12;
  let rate = 0;
  let bits = 0;
  let channels = 1;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    // espeak-ng streams its WAV: the data chunk's size may be left as 0 or 0xffffffff.
    let size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      expect(wav.readUInt16LE(body)).toBe(1); // PCM
      channels = wav.readUInt16LE(body + 2);
      rate = wav.readUInt32LE(body + 4);
      bits = wav.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (size === 0 || body + size > wav.length) size = wav.length - body;
      expect(bits).toBe(16);
      const samples: number[] = [];
      for (let at = body; at + 2 <= body + size; at += 2 * channels)
        samples.push(wav.readInt16LE(at) / 32768);
      return { rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

const rms = (samples: number[]) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);

const espeakNg = findOnPath('espeak-ng', process.env.PATH ?? '', 'linux');

// CI installs espeak-ng (.ci/run): missing, these fail rather than pass unseen.
describe('the real espeak-ng', () => {
  it('is on PATH', () => {
    expect(espeakNg, 'espeak-ng is not installed').toBeDefined();
  });

  it('speaks the sentence out loud: the WAV it writes is seconds of sound, not silence', async () => {
    const program: SpeechProgram = { name: 'espeak-ng', path: espeakNg! };
    const text = speechText(message('permission_request'));
    const wav = join(root, 'spoken.wav');
    // The channel's own arguments, with -w to write the sound to a file instead of a device.
    await run(espeakNg!, ['-w', wav, ...speechArgs(program, text, { rate: 175 })]);
    const { rate, samples } = wavSamples(wav);
    expect(samples.length / rate).toBeGreaterThan(0.5);
    expect(rms(samples)).toBeGreaterThan(0.02);
    // A WAV of silence of the same length is below that floor: the measure can fail.
    const silent = join(root, 'silent.wav');
    await run(espeakNg!, ['-w', silent, '--', ' ']);
    const quiet = wavSamples(silent);
    expect(quiet.samples.length === 0 || rms(quiet.samples) < 0.02).toBe(true);
    // sox agrees, when it is here.
    const sox = findOnPath('sox', process.env.PATH ?? '', 'linux');
    if (sox) {
      const { stderr } = await run(sox, [wav, '-n', 'stat']);
      expect(Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)?.[1])).toBeGreaterThan(0.02);
    }
  });

  it('says the project`s name: its phonemes are in the sentence`s', async () => {
    const phonemes = async (words: string) =>
      (await run(espeakNg!, ['-q', '-x', '--', words])).stdout.trim().replace(/\s+/g, ' ');
    const sentence = await phonemes(speechText(message('stop', 'zanzibar')));
    const name = await phonemes('zanzibar');
    expect(name.length).toBeGreaterThan(3);
    expect(sentence).toContain(name);
    expect(sentence).not.toContain(await phonemes('kilimanjaro'));
  });
});
