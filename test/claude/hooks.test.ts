import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ccbellHooks,
  HOOK_SOURCES,
  type HooksSection,
  hookCommand,
  installedEvents,
  mergeHooks,
  readSettings,
  shellQuote,
  withoutInstanceHooks,
  writeSettings,
} from '../../src/claude/index.js';
import { EVENT_NAMES } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccbell-claude-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const plan = (instance: string) => ({
  instance,
  nodePath: '/usr/bin/node',
  cliPath: '/opt/ccbell/dist/ccbell.js',
});
const FOREIGN: HooksSection = {
  Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
  PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'audit.sh' }] }],
};

describe('shellQuote and hookCommand', () => {
  it('quotes what the shell would split or expand', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote("/my dir/it's")).toBe(`'/my dir/it'\\''s'`);
    expect(shellQuote('$HOME')).toBe(`'$HOME'`);
    const said = execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote("a b'c $d `e`")}`], {
      encoding: 'utf8',
    });
    expect(said).toBe("a b'c $d `e`");
  });

  it('runs node on the built file directly (no npx) and carries the instance marker', () => {
    expect(hookCommand({ ...plan('work'), cliPath: '/my dir/ccbell.js' }, 'stop')).toBe(
      `/usr/bin/node '/my dir/ccbell.js' --instance work stop #ccbell:work`,
    );
  });
});

describe('ccbellHooks', () => {
  it('has one hook per ccbell event, in the group Claude Code wants', () => {
    const hooks = ccbellHooks(plan('work'));
    expect(Object.keys(hooks).sort()).toEqual(
      [
        'Notification',
        'PermissionDenied',
        'PermissionRequest',
        'SessionEnd',
        'SessionStart',
        'Stop',
        'StopFailure',
        'SubagentStop',
      ].sort(),
    );
    expect(hooks.Notification!.map((g) => g.matcher)).toEqual([
      'permission_prompt',
      'idle_prompt',
      'elicitation_dialog',
      'elicitation_url_dialog',
      'agent_needs_input',
      'agent_completed',
      'auth_success',
    ]);
    expect(hooks.Stop).toEqual([
      { hooks: [{ type: 'command', command: hookCommand(plan('work'), 'stop'), timeout: 10 }] },
    ]);
    expect(installedEvents(hooks, 'work')).toEqual(new Set(EVENT_NAMES));
    expect(new Set(HOOK_SOURCES.map((s) => s.event))).toEqual(new Set(EVENT_NAMES));
  });

  it('asks the app on PermissionRequest with --approvals, with time to answer', () => {
    const hooks = ccbellHooks({ ...plan('work'), approvals: true, approvalTimeoutSeconds: 100 });
    const entry = hooks.PermissionRequest![0]!.hooks[0]!;
    expect(entry.command).toContain(' permission-request #ccbell:work');
    expect(entry.timeout).toBe(110);
  });
});

describe('mergeHooks and withoutInstanceHooks', () => {
  it('adds ours after foreign hooks and removes exactly ours again', () => {
    const merged = mergeHooks(FOREIGN, ccbellHooks(plan('work')), 'work');
    expect(merged.Stop![0]).toEqual(FOREIGN.Stop![0]);
    expect(merged.Stop).toHaveLength(2);
    expect(merged.PreToolUse).toEqual(FOREIGN.PreToolUse);
    expect(withoutInstanceHooks(merged, 'work')).toEqual(FOREIGN);
  });

  it('replaces an earlier setup of the same instance instead of adding twice', () => {
    const once = mergeHooks(FOREIGN, ccbellHooks(plan('work')), 'work');
    const twice = mergeHooks(once, ccbellHooks(plan('work')), 'work');
    expect(twice).toEqual(once);
  });

  it('keeps two instances apart', () => {
    const both = mergeHooks(
      mergeHooks(FOREIGN, ccbellHooks(plan('work')), 'work'),
      ccbellHooks(plan('personal')),
      'personal',
    );
    expect(both.Stop).toHaveLength(3);
    expect(installedEvents(both, 'work')).toEqual(new Set(EVENT_NAMES));
    expect(installedEvents(both, 'personal')).toEqual(new Set(EVENT_NAMES));
    const withoutWork = withoutInstanceHooks(both, 'work');
    expect(installedEvents(withoutWork, 'work').size).toBe(0);
    expect(withoutWork).toEqual(mergeHooks(FOREIGN, ccbellHooks(plan('personal')), 'personal'));
  });

  it('does not take a hook of instance "work" for one of "work2", nor a foreign one mentioning ccbell', () => {
    const hooks: HooksSection = {
      Stop: [
        { hooks: [{ type: 'command', command: hookCommand(plan('work2'), 'stop') }] },
        { hooks: [{ type: 'command', command: 'ccbell --instance work stop' }] },
      ],
    };
    expect(withoutInstanceHooks(hooks, 'work')).toEqual(hooks);
    expect(installedEvents(hooks, 'work').size).toBe(0);
  });

  it('leaves malformed entries of other tools as they are', () => {
    const odd = { Stop: 'not a list', Notification: [{ matcher: 'x' }] } as unknown as HooksSection;
    expect(withoutInstanceHooks(odd, 'work')).toEqual(odd);
  });
});

describe('readSettings and writeSettings', () => {
  const fresh = () => join(dir, `settings-${counter++}.json`);

  it('reads a missing or empty file as no settings', () => {
    expect(readSettings(fresh())).toMatchObject({ exists: false, settings: {} });
    const empty = fresh();
    writeFileSync(empty, '\n');
    expect(readSettings(empty)).toMatchObject({ exists: true, settings: {} });
  });

  it.each([
    ['not JSON', '{"hooks": {', ''],
    ['an array', '[]', ''],
    ['hooks that are not an object', '{"hooks": []}', 'hooks'],
  ])('refuses settings that are %s, naming the file', (_what, text, field) => {
    const path = fresh();
    writeFileSync(path, text);
    let error: unknown;
    try {
      readSettings(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(path);
    expect((error as ConfigError).field).toBe(field);
  });

  it('writes atomically, keeps the mode and backs up the previous file', () => {
    const path = fresh();
    writeFileSync(path, '{"model": "opus"}', { mode: 0o640 });
    const file = readSettings(path);
    const backup = writeSettings(file, { ...file.settings, hooks: {} });
    expect(backup).toBe(`${path}.ccbell-backup`);
    expect(readFileSync(backup!, 'utf8')).toBe('{"model": "opus"}');
    expect(readFileSync(path, 'utf8')).toBe('{\n  "model": "opus",\n  "hooks": {}\n}\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('creates a new file with mode 0600 and no backup', () => {
    const path = join(dir, `new-${counter++}`, 'settings.json');
    expect(writeSettings(readSettings(path), { a: 1 })).toBeUndefined();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
