// The channel message built from hook input, and handleEvent's channel plan: today's sound and
// desktop when an event names no channels; the listed ones, webhooks handed to `deliver`, the
// terminal and speech left to the door, when it does.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRequest } from '../../src/channels/index.js';
import { type LoadedConfig, validateConfig } from '../../src/config/index.js';
import { eventNeedsInput, handleEvent } from '../../src/events/index.js';
import { buildMessage, messageFields } from '../../src/events/message.js';
import type { InstanceConfig } from '../../src/instance/index.js';
import type { Logger } from '../../src/log/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ccbell-message-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('messageFields', () => {
  it('takes project, branch, short session, tool, command and the last message from the input', () => {
    const repo = join(dir, 'shop');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const command = `git push ${'x'.repeat(100)}`;
    expect(
      messageFields('permission_request', 'work', {
        cwd: repo,
        session_id: 'abcdef1234567',
        tool_name: 'Bash',
        tool_input: { command },
        last_assistant_message: ' Done. ',
      }),
    ).toEqual({
      event: 'permission_request',
      instance: 'work',
      project: 'shop',
      branch: 'main',
      session: 'abcdef12',
      tool: 'Bash',
      command: `${command.slice(0, 79)}…`,
      message: 'Done.',
      host: '',
    });
  });

  it('leaves what it does not know empty, and uses a Notification message', () => {
    expect(messageFields('idle_prompt', 'w', { message: 'Claude is waiting for your input' }, 'box')).toEqual(
      {
        event: 'idle_prompt',
        instance: 'w',
        project: '',
        branch: '',
        session: '',
        tool: '',
        command: '',
        message: 'Claude is waiting for your input',
        host: 'box',
      },
    );
  });

  it('gives the desktop notification’s title and body as defaults, and the link', () => {
    const message = buildMessage(
      'stop',
      'w',
      { cwd: '/nowhere/api', session_id: 's1234567890' },
      { url: 'http://x/' },
    );
    expect(message).toMatchObject({
      title: 'ccbell w: api · s1234567',
      body: 'Claude finished and waits for you',
      url: 'http://x/',
    });
  });
});

describe('handleEvent and channels', () => {
  const sounds = fileURLToPath(new URL('../../sounds/', import.meta.url));
  const playLog = join(dir, 'plays.log');
  const warnings: string[] = [];
  const logger: Logger = {
    path: '/dev/null',
    debugEnabled: false,
    debug: () => {},
    info: () => {},
    warn: (m) => warnings.push(m),
  };
  let instance: InstanceConfig;
  beforeAll(() => {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'pw-play'), `#!/bin/sh\necho "$@" >> '${playLog}'\n`);
    chmodSync(join(dir, 'bin', 'pw-play'), 0o755);
    const file = (name: string) => join(dir, name);
    instance = {
      name: 'work',
      config_path: file('c.json'),
      state_path: file('s'),
      cache_dir: file('cache'),
      log_path: file('l'),
      pid_path: file('p'),
    };
  });
  const loaded = (raw: unknown): LoadedConfig => {
    const { config, problems } = validateConfig(raw);
    expect(problems).toEqual([]);
    return { config, problems, path: instance.config_path, exists: true };
  };
  const run = (raw: unknown, event: 'stop' | 'permission_request' = 'stop') => {
    const requests: DeliveryRequest[] = [];
    const outcome = handleEvent({
      event,
      input: { cwd: '/nowhere/shop', session_id: 'abc', tool_name: 'Bash', tool_input: { command: 'ls' } },
      instance,
      loaded: loaded(raw),
      logger,
      env: { PATH: join(dir, 'bin') },
      bundledSoundsDir: sounds,
      platform: 'linux',
      deliver: (request) => requests.push(request),
    });
    return outcome.then((result) => ({ outcome: result, requests }));
  };

  it('with no channels listed: the sound as today, nothing delivered', async () => {
    const { outcome, requests } = await run({
      channels: { ci: { type: 'webhook', url: 'http://127.0.0.1:9/' } },
    });
    expect(outcome).toMatchObject({ notified: true, sound: { volume: 0.5 } });
    expect(outcome.notified && outcome.channels).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it('hands webhooks their message, keeps terminal and speech for the door, and plays no unlisted sound', async () => {
    const { outcome, requests } = await run(
      {
        channels: {
          ci: { type: 'webhook', url: 'http://127.0.0.1:9/' },
          voice: { type: 'speech', voice: 'en' },
        },
        events: { permission_request: { channels: ['ci', 'terminal', 'voice'] } },
      },
      'permission_request',
    );
    expect(requests).toEqual([
      {
        channels: ['ci'],
        message: expect.objectContaining({ title: 'ccbell work: shop · abc', body: 'Allow Bash: ls' }),
      },
    ]);
    expect(outcome).toMatchObject({
      notified: true,
      channels: {
        remote: ['ci'],
        local: [
          { name: 'terminal', settings: { type: 'terminal', kind: 'auto' } },
          { name: 'voice', settings: { type: 'speech', voice: 'en' } },
        ],
      },
    });
    expect(outcome.notified && outcome.sound).toBeUndefined();
    expect(outcome.notified && outcome.desktop).toBeUndefined();
  });

  it('reads the hook input when an event lists a channel beyond the sound', () => {
    const noon = new Date(2026, 0, 1, 12, 0);
    expect(eventNeedsInput(loaded({ events: { stop: { channels: ['sound'] } } }).config, 'stop', noon)).toBe(
      false,
    );
    expect(
      eventNeedsInput(loaded({ events: { stop: { channels: ['sound', 'terminal'] } } }).config, 'stop', noon),
    ).toBe(true);
  });
});
