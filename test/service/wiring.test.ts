// What `service install` and `uninstall` change in Claude Code's settings: the instance's hooks
// and its token in `env`, and nothing else.
import { describe, expect, it } from 'vitest';
import { ccbellHooks, type HooksSection, installedEvents } from '../../src/claude/index.js';
import { EVENT_NAMES } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { placeHookHeaders } from '../../src/notify/index.js';
import {
  instanceHooksOf,
  type ServiceWiring,
  serviceWiringStatus,
  withoutServiceWiring,
  withServiceWiring,
} from '../../src/service/index.js';

const PATH = '/h/.claude/settings.json';

function wiring(port = 17800, instance = 'work'): ServiceWiring {
  return {
    instance,
    tokenEnv: 'CCBELL_HOOK_TOKEN_WORK',
    token: 't'.repeat(43),
    hooks: ccbellHooks({
      instance,
      nodePath: '/usr/bin/node',
      cliPath: '/opt/ccbell/dist/ccbell.js',
      http: { hooksUrl: `http://127.0.0.1:${port}/hooks`, tokenEnv: 'CCBELL_HOOK_TOKEN_WORK' },
    }),
  };
}

const FOREIGN = {
  model: 'opus',
  env: { EDITOR: 'vim' },
  hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } as HooksSection,
};

describe('service wiring in Claude Code settings', () => {
  it('adds every event as an http hook (SessionStart as a command) and the token in env, keeping the rest', () => {
    const next = withServiceWiring(FOREIGN, wiring(), PATH);
    expect(next.model).toBe('opus');
    expect(next.env).toEqual({ EDITOR: 'vim', CCBELL_HOOK_TOKEN_WORK: 't'.repeat(43) });
    expect(next.hooks!.Stop![0]).toEqual(FOREIGN.hooks.Stop![0]);
    expect(installedEvents(next.hooks!, 'work')).toEqual(new Set(EVENT_NAMES));
    const stop = next.hooks!.Stop![1]!.hooks[0]!;
    expect(stop).toMatchObject({
      type: 'http',
      url: 'http://127.0.0.1:17800/hooks?ccbell_instance=work',
      headers: { Authorization: 'Bearer $CCBELL_HOOK_TOKEN_WORK', ...placeHookHeaders().headers },
      allowedEnvVars: ['CCBELL_HOOK_TOKEN_WORK', ...placeHookHeaders().allowedEnvVars],
    });
    expect(next.hooks!.SessionStart![0]!.hooks[0]!.type).toBe('command');
  });

  it("replaces the instance's earlier hooks (setup's command hooks, an old port) instead of adding", () => {
    const once = withServiceWiring(FOREIGN, wiring(17801), PATH);
    const twice = withServiceWiring(once, wiring(17800), PATH);
    expect(twice.hooks!.Stop).toHaveLength(2);
    expect(JSON.stringify(twice)).not.toContain('17801');
    expect(withServiceWiring(twice, wiring(17800), PATH)).toEqual(twice);
  });

  it("removes exactly what it added: the hooks, and the token only while it is the instance's", () => {
    const installed = withServiceWiring(FOREIGN, wiring(), PATH);
    expect(withoutServiceWiring(installed, wiring(), PATH)).toEqual(FOREIGN);
    const bare = withoutServiceWiring(withServiceWiring({}, wiring(), PATH), wiring(), PATH);
    expect(bare).toEqual({});
    const personal = { ...installed, env: { CCBELL_HOOK_TOKEN_WORK: 'set by the person' } };
    expect(withoutServiceWiring(personal, wiring(), PATH).env).toEqual({
      CCBELL_HOOK_TOKEN_WORK: 'set by the person',
    });
  });

  it('refuses an env block that is not an object, naming the file and field', () => {
    expect(() => withServiceWiring({ env: ['x'] }, wiring(), PATH)).toThrow(ConfigError);
    expect(() => withServiceWiring({ env: 'x' }, wiring(), PATH)).toThrow(`${PATH}: env: must be an object`);
  });

  it('tells wired, different and none apart, and whether the token is there', () => {
    const installed = withServiceWiring(FOREIGN, wiring(), PATH);
    expect(serviceWiringStatus(installed, wiring(), PATH)).toEqual({ hooks: 'wired', token: 'set' });
    expect(serviceWiringStatus(installed, wiring(17801), PATH)).toEqual({ hooks: 'different', token: 'set' });
    expect(serviceWiringStatus(FOREIGN, wiring(), PATH)).toEqual({ hooks: 'none', token: 'absent' });
    const stale = { ...installed, env: { CCBELL_HOOK_TOKEN_WORK: 'old' } };
    expect(serviceWiringStatus(stale, wiring(), PATH).token).toBe('different');
  });

  it("finds the instance's own entries among others in the same group", () => {
    const mixed: HooksSection = {
      Stop: [
        {
          hooks: [
            { type: 'command', command: 'say done' },
            { type: 'http', url: 'http://127.0.0.1:1/hooks?ccbell_instance=work' },
          ],
        },
      ],
    };
    expect(instanceHooksOf(mixed, 'work')).toEqual({
      Stop: [{ hooks: [{ type: 'http', url: 'http://127.0.0.1:1/hooks?ccbell_instance=work' }] }],
    });
    expect(instanceHooksOf(mixed, 'other')).toEqual({});
  });
});
