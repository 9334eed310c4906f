// The `channels` block: each problem named by its dotted field, inline secrets refused (and not
// repeated), unknown placeholders, keys and channel names reported, events and profiles
// choosing channels, and today's behaviour when an event names none.
import { describe, expect, it } from 'vitest';
import { resolveEvent, validateConfig } from '../../src/config/index.js';

const problemsOf = (raw: unknown) => validateConfig(raw).problems;

describe('channels config', () => {
  it('reads a full ntfy channel and an event choosing it, with the defaults filled in', () => {
    const { config, problems } = validateConfig({
      channels: {
        phone: {
          type: 'ntfy',
          topic: 'env:NTFY_TOPIC',
          token: 'file:/home/me/.ntfy-token',
          priority: 4,
          tags: ['bell'],
          click: 'https://example.test/',
          rateLimit: { max: 5, perSeconds: 30 },
          title: '{project} needs you',
          body: '{tool}: {command}',
        },
      },
      events: { permission_request: { channels: ['sound', 'desktop', 'phone'] } },
    });
    expect(problems).toEqual([]);
    expect(config.channels.phone).toEqual({
      type: 'ntfy',
      server: 'https://ntfy.sh',
      topic: 'env:NTFY_TOPIC',
      token: 'file:/home/me/.ntfy-token',
      priority: 4,
      tags: ['bell'],
      click: 'https://example.test/',
      rateLimit: { max: 5, perSeconds: 30 },
      title: '{project} needs you',
      body: '{tool}: {command}',
    });
    expect(resolveEvent(config, 'permission_request').channels).toEqual(['sound', 'desktop', 'phone']);
    expect(resolveEvent(config, 'stop').channels).toBeUndefined();
  });

  it('refuses inline secrets by field, without repeating them', () => {
    const secret = 'xoxb-123456-inline';
    const problems = problemsOf({
      channels: {
        phone: { type: 'ntfy', topic: 't', token: secret },
        team: { type: 'slack', url: `https://hooks.slack.com/services/${secret}` },
        chat: { type: 'discord', url: `https://discord.com/api/webhooks/1/${secret}` },
        tg: { type: 'telegram', token: secret, chatId: '42' },
        po: { type: 'pushover', token: secret, user: secret },
        ci: {
          type: 'webhook',
          url: 'https://ci.test/',
          headers: { 'X-Api-Key': secret, Authorization: secret },
        },
      },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'channels.phone.token',
      'channels.team.url',
      'channels.chat.url',
      'channels.tg.token',
      'channels.po.token',
      'channels.po.user',
      'channels.ci.headers.X-Api-Key',
      'channels.ci.headers.Authorization',
    ]);
    for (const problem of problems) expect(problem.problem).toMatch(/env:VAR or file:\/absolute\/path/);
    expect(JSON.stringify(problems)).not.toContain(secret);
  });

  it('drops a channel with an inline secret, even an optional one, rather than send without it', () => {
    const { config } = validateConfig({
      channels: { phone: { type: 'ntfy', topic: 't', token: 'tk_inline' } },
    });
    expect(config.channels.phone).toBeUndefined();
  });

  it('keeps plain headers inline and accepts references anywhere a secret may sit', () => {
    const { config, problems } = validateConfig({
      channels: {
        ci: {
          type: 'webhook',
          url: 'env:CI_URL',
          headers: { 'X-Source': 'ccbell', Authorization: 'env:CI_AUTH' },
          body: { text: '{title}: {body}', n: 1 },
        },
      },
    });
    expect(problems).toEqual([]);
    expect(config.channels.ci).toMatchObject({
      method: 'POST',
      headers: { 'X-Source': 'ccbell', Authorization: 'env:CI_AUTH' },
    });
  });

  it('names each bad field: references, templates, numbers, types, unknown keys', () => {
    expect(
      problemsOf({
        channels: {
          a: { type: 'ntfy', topic: 'ok', token: 'env:1BAD', priority: 9, tags: ['a b'], extra: 1 },
          b: { type: 'slack', url: 'file:relative/path', title: '{project} {nope}' },
          c: { type: 'carrier-pigeon' },
          d: { type: 'webhook', url: 'ftp://x', body: { a: ['{what}'] } },
          e: { type: 'telegram', token: 'env:T' },
          f: { type: 'pushover', token: 'env:T', user: 'env:U', rateLimit: { max: 0, per: 1 } },
          'bad name': { type: 'ntfy', topic: 't' },
          sound: { type: 'ntfy', topic: 't' },
          terminal: { type: 'speech' },
          t2: { type: 'terminal', kind: 'osc1' },
        },
      }).map((p) => p.field),
    ).toEqual([
      'channels.a.extra',
      'channels.a.token',
      'channels.a.priority',
      'channels.a.tags',
      'channels.b.title',
      'channels.b.url',
      'channels.c.type',
      'channels.d.url',
      'channels.d.body.a[0]',
      'channels.e.chatId',
      'channels.f.rateLimit.per',
      'channels.f.rateLimit.max',
      'channels.bad name',
      'channels.sound',
      'channels.terminal.type',
      'channels.t2.kind',
    ]);
  });

  it('explains an unknown placeholder with the known ones', () => {
    const [problem] = problemsOf({ channels: { a: { type: 'slack', url: 'env:U', body: 'hi {projct}' } } });
    expect(problem).toEqual({
      field: 'channels.a.body',
      problem: expect.stringMatching(/^unknown placeholder \{projct\} \(known: \{instance\} \{project\}/),
    });
  });

  it('reads per-event templates, checked like the channel`s own; a bad entry is named and left out', () => {
    const { config, problems } = validateConfig({
      channels: {
        phone: {
          type: 'ntfy',
          topic: 't',
          body: '{tool}: {command}',
          templates: {
            stop: { title: '{project} is done', body: '{message}' },
            permission_request: { body: 'allow {tool}? {projct}' },
            idle_prompt: { voice: 'x' },
            nap: { title: 'x' },
            elicitation_dialog: 'nope',
          },
        },
        ci: {
          type: 'webhook',
          url: 'https://ci.test/',
          templates: { stop: { body: { text: '{project} {body}' } } },
        },
        say: {
          type: 'speech',
          templates: { stop: { template: '{project} finished' }, idle_prompt: { title: 'x' } },
        },
        bad: { type: 'slack', url: 'env:U', templates: ['stop'] },
      },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'channels.phone.templates.permission_request.body',
      'channels.phone.templates.idle_prompt.voice',
      'channels.phone.templates.nap',
      'channels.phone.templates.elicitation_dialog',
      'channels.say.templates.idle_prompt.title',
      'channels.bad.templates',
    ]);
    expect(problems[0]!.problem).toMatch(/^unknown placeholder \{projct\}/);
    expect(problems[2]!.problem).toMatch(/^is not an event \(events: stop, /);
    expect(config.channels.phone).toMatchObject({
      body: '{tool}: {command}',
      templates: { stop: { title: '{project} is done', body: '{message}' } },
    });
    expect(config.channels.ci).toMatchObject({
      templates: { stop: { bodyTemplate: { text: '{project} {body}' } } },
    });
    expect(config.channels.say).toEqual({
      type: 'speech',
      templates: { stop: { template: '{project} finished' } },
    });
    // The channel with a bad `templates` is still used, with its defaults.
    expect(config.channels.bad).toMatchObject({ type: 'slack' });
    expect(config.channels.bad).not.toHaveProperty('templates');
  });

  it('reports unknown channel names in events and profiles, keeping the known ones', () => {
    const { config, problems } = validateConfig({
      channels: { phone: { type: 'ntfy', topic: 't' }, broken: { type: 'slack' } },
      events: {
        stop: { channels: ['sound', 'phone', 'pager', 'broken'] },
        idle_prompt: { channels: 'phone' },
      },
      activeProfile: 'away',
      profiles: { away: { events: { stop: { channels: ['phone', 'fax'] } } } },
    });
    expect(problems).toEqual([
      { field: 'events.idle_prompt.channels', problem: 'must be a list of channel names' },
      { field: 'channels.broken.url', problem: expect.stringMatching(/is required/) },
      {
        field: 'events.stop.channels[2]',
        problem: expect.stringMatching(
          /^unknown channel "pager" \(known: sound, desktop, terminal, speech, phone, broken\)/,
        ),
      },
      {
        field: 'profiles.away.events.stop.channels[1]',
        problem: expect.stringMatching(/^unknown channel "fax"/),
      },
    ]);
    // A channel with problems is reported once, at the channel, and left out at delivery.
    expect(config.events.stop?.channels).toEqual(['sound', 'phone', 'broken']);
    expect(config.channels.broken).toBeUndefined();
    // The active profile's list wins.
    expect(resolveEvent(config, 'stop').channels).toEqual(['phone']);
  });

  it('accepts terminal and speech channels with their settings, and built-in names undefined', () => {
    const { config, problems } = validateConfig({
      channels: {
        terminal: { type: 'terminal', kind: 'osc9' },
        voice: { type: 'speech', template: '{project} needs you', voice: 'en', rate: 180 },
      },
      events: { stop: { channels: ['terminal', 'voice', 'speech'] } },
    });
    expect(problems).toEqual([]);
    expect(config.channels).toEqual({
      terminal: { type: 'terminal', kind: 'osc9' },
      voice: { type: 'speech', template: '{project} needs you', voice: 'en', rate: 180 },
    });
  });

  it('refuses a channels block that is not an object', () => {
    expect(problemsOf({ channels: [] })).toEqual([
      { field: 'channels', problem: 'must be an object of channel names to settings' },
    ]);
  });
});
