// `ccbell doctor`: exit 0 when everything a working setup needs is there, 1 when something fails.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, makeSandbox, repoRoot, type Sandbox } from './support.js';

beforeAll(assertBuilt);

interface Finding {
  ok: boolean;
  warn?: boolean;
  fixed?: boolean;
  what: string;
  fix?: string;
}

async function doctor(sandbox: Sandbox, args: string[] = [], env: Record<string, string> = {}, cwd?: string) {
  const run = await sandbox.run(['doctor', '--json', ...args], { env, ...(cwd ? { cwd } : {}) });
  const report = JSON.parse(run.stdout) as { instance: string; findings: Finding[] };
  const failed = report.findings.filter((f) => !f.ok);
  return { run, report, failed };
}

describe('ccbell doctor', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it('fails (exit 1) before setup: no hooks installed, and says what to run', async () => {
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.what).toMatch(/no ccbell hook of "default"/);
    expect(failed[0]!.fix).toContain('ccbell setup --instance default');
  });

  it('passes (exit 0) after setup, with the player found', async () => {
    expect((await sandbox.run(['setup'])).code).toBe(0);
    const { run, report, failed } = await doctor(sandbox);
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.instance).toBe('default');
    expect(report.findings.map((f) => f.what)).toContain(`sound player: pw-play (${sandbox.bin}/pw-play)`);
  });

  it('prints a readable report without --json', async () => {
    const run = await sandbox.run(['doctor']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ccbell doctor: instance "default"\n {2}ok {3}/);
  });

  it('only warns (exit 0) without a player: the terminal rings instead', async () => {
    const { run, failed } = await doctor(sandbox, [], { PATH: sandbox.nodeBin });
    expect(run.code).toBe(0);
    expect(failed).toEqual([
      {
        ok: false,
        warn: true,
        what: expect.stringMatching(
          /^no sound player: .*: hooks ring the terminal instead \(a bell\); Claude Code writes it/,
        ),
        fix: expect.stringContaining('install pipewire'),
      },
    ]);
    // A "player" the config names and this machine lacks is the person's to fix.
    sandbox.write('home/.claude/ccbell.config.json', '{"player": "paplay", "terminal": "osc9"}');
    const chosen = await doctor(sandbox, [], { PATH: sandbox.nodeBin });
    expect(chosen.run.code).toBe(1);
    expect(chosen.failed).toEqual([
      expect.objectContaining({
        what: expect.stringMatching(/^sound player "paplay" .*instead \(the terminal channel: osc9\)/),
      }),
    ]);
    writeFileSync(join(sandbox.claudeDir, 'ccbell.config.json'), '{}');
  });

  it('resolves each channel`s secrets, naming what fails and never showing a value', async () => {
    const SECRET = 'tk_doctor-secret-4d1e';
    const tokenFile = sandbox.write('token', `${SECRET}\n`);
    const emptyFile = sandbox.write('empty', '\n');
    sandbox.write(
      'home/.claude/ccbell.config.json',
      JSON.stringify({
        channels: {
          phone: { type: 'ntfy', topic: 'env:NTFY_TOPIC', token: `file:${tokenFile}` },
          team: { type: 'slack', url: 'env:SLACK_URL' },
          po: { type: 'pushover', token: `file:${emptyFile}`, user: `file:${sandbox.root}/none` },
          ci: {
            type: 'webhook',
            url: 'https://ci.test/',
            headers: { Authorization: `file:${sandbox.root}` },
          },
        },
      }),
    );
    const { run, report, failed } = await doctor(sandbox, [], { NTFY_TOPIC: SECRET });
    expect(run.code).toBe(1);
    expect(report.findings.map((f) => f.what)).toContain(
      `channel phone (ntfy): topic (env:NTFY_TOPIC), token (file:${tokenFile}) resolve`,
    );
    expect(failed.map((f) => f.what)).toEqual([
      'channel team (slack): url (env:SLACK_URL): environment variable SLACK_URL is not set or empty; the channel sends nothing',
      `channel po (pushover): token (file:${emptyFile}): secret file ${emptyFile} is empty; the channel sends nothing`,
      `channel po (pushover): user (file:${sandbox.root}/none): secret file ${sandbox.root}/none cannot be read (ENOENT); the channel sends nothing`,
      `channel ci (webhook): headers.Authorization (file:${sandbox.root}): secret file ${sandbox.root} is a directory, not a regular file; the channel sends nothing`,
    ]);
    expect(failed[0]!.fix).toBe(
      'set SLACK_URL in the environment Claude Code (and the app) start from, or use file:/path',
    );
    const text = await sandbox.run(['doctor'], { env: { NTFY_TOPIC: SECRET } });
    expect(`${run.stdout}${text.stdout}${text.stderr}`).not.toContain(SECRET);
    writeFileSync(join(sandbox.claudeDir, 'ccbell.config.json'), '{}');
  });

  it('names a speech channel with no speech program, and the program when there is one', async () => {
    sandbox.write(
      'home/.claude/ccbell.config.json',
      JSON.stringify({
        channels: { say: { type: 'speech' } },
        events: { stop: { channels: ['sound', 'say'] }, permission_request: { channels: ['speech'] } },
      }),
    );
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed.map((f) => f.what)).toEqual([
      'channel say (speech), for stop: no speech program: none of spd-say, espeak-ng, espeak found on PATH; it says nothing',
      'channel speech (speech), for permission_request: no speech program: none of spd-say, espeak-ng, espeak found on PATH; it says nothing',
    ]);
    expect(failed[0]!.fix).toContain('install espeak-ng');
    const espeak = sandbox.write('speech-bin/espeak-ng', '#!/bin/sh\n');
    chmodSync(espeak, 0o755);
    const found = await doctor(sandbox, [], { PATH: `${sandbox.bin}:${dirname(espeak)}:${sandbox.nodeBin}` });
    expect(found.run.code).toBe(0);
    expect(found.report.findings.map((f) => f.what)).toContain(
      `channel say (speech), for stop: espeak-ng (${espeak})`,
    );
    writeFileSync(join(sandbox.claudeDir, 'ccbell.config.json'), '{}');
  });

  it('fails (exit 1) on each broken config field, naming it', async () => {
    sandbox.write('home/.claude/ccbell.config.json', '{"events": {"stop": {"volume": 3}}, "colour": 1}');
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed.map((f) => f.what)).toEqual([
      expect.stringMatching(/ccbell\.config\.json: colour is not a known setting/),
      expect.stringMatching(/ccbell\.config\.json: events\.stop\.volume must be a number from 0 to 1/),
    ]);
  });

  it('fails (exit 1) on a missing custom sound', async () => {
    sandbox.write(
      'home/.claude/ccbell.config.json',
      `{"events": {"stop": {"sound": "${sandbox.root}/none.wav"}}}`,
    );
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed.map((f) => f.what)).toEqual([
      expect.stringMatching(/^sound for stop: .*none\.wav.*no such file/),
    ]);
  });

  it('only warns (exit 0) when some hooks are installed but not one for an event the config enables', async () => {
    sandbox.write('home/.claude/ccbell.config.json', '{"events": {"session_start": {"enabled": true}}}');
    const settingsPath = join(sandbox.claudeDir, 'settings.json');
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
    delete settings.hooks.SessionStart;
    writeFileSync(settingsPath, JSON.stringify(settings));
    const { run, report, failed } = await doctor(sandbox);
    expect(failed).toEqual([
      expect.objectContaining({ warn: true, what: expect.stringMatching(/for session_start in/) }),
    ]);
    expect(report.findings.filter((f) => !f.ok && !f.warn)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('fails (exit 1) on each broken approval rule, naming the file, list, rule and why', async () => {
    const allow = ['Bash(echo *)', 'Bash(', 'Bash)', '(x)', 'Bash()', 'Bash(foo:*:*)', 'Read(../x)'];
    const deny = ['WebFetch(domain:)', 'mcp__a*b', 'Ba sh', 42, 'Bash(rm -rf*)', 'Bash(ls) x'];
    const path = sandbox.write(
      'home/.claude/ccbell.config.json',
      JSON.stringify({ approvals: { allow, deny } }),
    );
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    const why = [
      ['approvals.allow[1]', '"Bash(" is not a valid rule: no closing ")"'],
      ['approvals.allow[2]', '"Bash)" is not a valid rule: a ")" without "("'],
      ['approvals.allow[3]', '"(x)" is not a valid rule: no tool name before "("'],
      ['approvals.allow[4]', '"Bash()" is not a valid rule: empty parentheses'],
      ['approvals.allow[5]', '"Bash(foo:*:*)" is not a valid rule: ":*" cannot follow another "*"'],
      ['approvals.allow[6]', '"Read(../x)" is not a valid rule: ".." is not allowed in a path rule'],
      ['approvals.deny[0]', '"WebFetch(domain:)" is not a valid rule: domain: needs a host name'],
      ['approvals.deny[1]', '"mcp__a*b" is not a valid rule: in an MCP tool name "*" may only come last'],
      ['approvals.deny[2]', '"Ba sh" is not a valid rule: bad tool name "Ba sh"'],
      ['approvals.deny[3]', 'must be a string (got 42)'],
      ['approvals.deny[5]', '"Bash(ls) x" is not a valid rule: text after the closing ")"'],
    ];
    expect(failed.map((f) => f.what)).toEqual(
      why.map(([field, problem]) => expect.stringContaining(`config ${path}: ${field} ${problem}`)),
    );
    for (const finding of failed) expect(finding.fix).toBe('edit the rule; until then the app skips it');
  });

  it('says the config is valid when every rule parses', async () => {
    const path = sandbox.write(
      'home/.claude/ccbell.config.json',
      '{"approvals": {"allow": ["Bash(git status*)", "Read(src/**)"], "deny": ["Bash(rm -rf*)"]}}',
    );
    const { report } = await doctor(sandbox);
    expect(report.findings.map((f) => f.what)).toContain(`config ${path} is valid`);
  });

  it('refuses an unknown instance with exit 1', async () => {
    const run = await sandbox.run(['doctor', '--instance', 'ghost']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown instance "ghost"/);
  });
});

// The hooks Claude Code will run: each stale case with its exact advice, and what --fix repairs.
const settingsOf = (sandbox: Sandbox) => join(sandbox.claudeDir, 'settings.json');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const ALL_EVENTS =
  'Stop, SubagentStop, Notification, SessionStart, SessionEnd, PermissionRequest, PermissionDenied, StopFailure';
const HTTP_EVENTS =
  'Stop, SubagentStop, Notification, SessionEnd, PermissionRequest, PermissionDenied, StopFailure';

/** Installs the repository's plugin as Claude Code 2.1 records it (plugins/installed_plugins.json, enabledPlugins). */
function installPlugin(sandbox: Sandbox, options: { enabled?: boolean } = {}): string {
  const root = join(sandbox.claudeDir, 'plugins', 'cache', 'local', 'ccbell', '0.1.0');
  // The plugin as Claude Code installs it: a copy of plugin/ in its cache.
  for (const file of ['.claude-plugin/plugin.json', 'hooks/hooks.json', 'hooks/run.sh']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(repoRoot, 'plugin', file), join(root, file));
  }
  sandbox.write(
    'home/.claude/plugins/installed_plugins.json',
    JSON.stringify({
      version: 2,
      plugins: { 'ccbell@local': [{ scope: 'user', installPath: root, version: '0.1.0' }] },
    }),
  );
  const path = settingsOf(sandbox);
  const settings = existsSync(path) ? readJson(path) : {};
  settings.enabledPlugins = { 'ccbell@local': options.enabled ?? true };
  writeFileSync(path, JSON.stringify(settings, null, 2));
  return join(root, 'hooks', 'hooks.json');
}

/** Replaces every occurrence of `from` in the user's settings (a moved node or checkout). */
function rewriteSettings(sandbox: Sandbox, from: string, to: string) {
  const path = settingsOf(sandbox);
  writeFileSync(path, readFileSync(path, 'utf8').split(from).join(to));
}

describe('ccbell doctor: the hooks Claude Code will run', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = makeSandbox();
  });
  afterEach(() => sandbox.cleanup());

  it('missing node: names the path and the events, advises --fix', async () => {
    await sandbox.run(['setup']);
    rewriteSettings(sandbox, process.execPath, '/gone/bin/node');
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed).toEqual([
      {
        ok: false,
        what: `hooks of "default" in ${settingsOf(sandbox)} run node /gone/bin/node, which does not exist: ${ALL_EVENTS} do nothing`,
        fix: `run "ccbell doctor --fix" (it points them at ${process.execPath})`,
      },
    ]);
  });

  it('missing file: a moved checkout', async () => {
    await sandbox.run(['setup']);
    rewriteSettings(sandbox, cliPath, '/old/checkout/dist/ccbell.js');
    const { failed } = await doctor(sandbox);
    expect(failed).toEqual([
      {
        ok: false,
        what: `hooks of "default" in ${settingsOf(sandbox)} run ccbell /old/checkout/dist/ccbell.js, which does not exist: ${ALL_EVENTS} do nothing`,
        fix: `run "ccbell doctor --fix" (it points them at ${cliPath})`,
      },
    ]);
  });

  it('orphaned instance: hooks of an instance that no longer exists', async () => {
    await sandbox.run(['setup']);
    await sandbox.run(['instance', 'create', 'gone']);
    await sandbox.run(['setup', '--instance', 'gone']);
    writeFileSync(join(sandbox.claudeDir, 'ccbell-instances.json'), '{}'); // gone, hooks left behind
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed).toContainEqual({
      ok: false,
      what: `${settingsOf(sandbox)} has hooks of instance "gone", which does not exist: ${ALL_EVENTS} fail with "unknown instance gone"`,
      fix: 'run "ccbell doctor --fix" (or "ccbell setup --remove --instance gone")',
    });
  });

  describe('http hooks', () => {
    const tokenOf = (sandbox: Sandbox) =>
      readFileSync(join(sandbox.claudeDir, 'ccbell-cache', 'hook-token'), 'utf8').trim();
    const configPath = (sandbox: Sandbox) => join(sandbox.claudeDir, 'ccbell.config.json');

    it('pass when the port is the recorded appPort and the token variable holds the token', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      const env = { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) };
      const { run, failed } = await doctor(sandbox, [], env);
      expect(failed).toEqual([
        {
          ok: false,
          warn: true,
          what: `http hooks of "default" in ${settingsOf(sandbox)} need its app, which is not running: until it runs, Claude Code reports "hook failed"`,
          fix: 'start it: "ccbell app --instance default"',
        },
      ]);
      expect(run.code).toBe(0);
    });

    it('warn about http hooks written before the place headers, until setup writes them again', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      const env = { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) };
      // As an older ccbell wrote them: only the token header.
      const settings = JSON.parse(readFileSync(settingsOf(sandbox), 'utf8'));
      for (const groups of Object.values(settings.hooks) as { hooks: Record<string, unknown>[] }[][])
        for (const group of groups)
          for (const hook of group.hooks) {
            if (hook.type !== 'http') continue;
            hook.headers = { Authorization: 'Bearer $CCBELL_HOOK_TOKEN_DEFAULT' };
            hook.allowedEnvVars = ['CCBELL_HOOK_TOKEN_DEFAULT'];
          }
      writeFileSync(settingsOf(sandbox), JSON.stringify(settings));
      const placeless = {
        ok: false,
        warn: true,
        what: `http hooks of "default" in ${settingsOf(sandbox)} do not say where the session's terminal is (written by an older ccbell): "Go to session" and a notification's click cannot reach those sessions`,
        fix: 'run "ccbell setup --http --instance default --port 47101" again (or "ccbell service install" if it wrote them)',
      };
      expect((await doctor(sandbox, [], env)).failed).toContainEqual(placeless);
      await sandbox.run(['setup', '--http', '--port', '47101']);
      expect((await doctor(sandbox, [], env)).failed).not.toContainEqual(placeless);
    });

    it('port mismatch with appPort: advises setup on the configured port', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      writeFileSync(configPath(sandbox), '{"appPort": 47102}');
      const { run, failed } = await doctor(sandbox, [], { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) });
      expect(run.code).toBe(1);
      expect(failed).toEqual([
        {
          ok: false,
          what: `http hooks of "default" in ${settingsOf(sandbox)} go to port 47101, but its app will listen on 47102 (appPort in ${configPath(sandbox)}): ${HTTP_EVENTS} fail`,
          fix: 'run "ccbell setup --http --instance default --port 47102"',
        },
      ]);
    });

    it('port mismatch with no appPort: the next app picks another port', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      writeFileSync(configPath(sandbox), '{}');
      const { failed } = await doctor(sandbox, [], { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) });
      expect(failed).toEqual([
        {
          ok: false,
          what: `http hooks of "default" in ${settingsOf(sandbox)} go to port 47101, but "default" has no fixed port (no appPort in ${configPath(sandbox)}): its next app picks another one and ${HTTP_EVENTS} fail`,
          fix: 'run "ccbell setup --http --instance default --port 47101" (it records appPort 47101)',
        },
      ]);
    });

    it('port mismatch with the running app', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      sandbox.write(
        'home/.claude/ccbell.pid',
        JSON.stringify({
          pid: process.pid,
          runtimeId: `${process.pid}_1`,
          instance: 'default',
          startedAt: 'now',
          url: 'http://127.0.0.1:47199/?token=t',
        }),
      );
      const { failed } = await doctor(sandbox, [], { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) });
      expect(failed).toEqual([
        {
          ok: false,
          what: `http hooks of "default" in ${settingsOf(sandbox)} go to port 47101, but its app listens on 47199: ${HTTP_EVENTS} fail`,
          fix: 'run "ccbell setup --http --instance default --port 47199"',
        },
      ]);
    });

    it('unset token variable, and one that holds another token', async () => {
      await sandbox.run(['setup', '--http', '--port', '47101']);
      const tokenFile = join(sandbox.claudeDir, 'ccbell-cache', 'hook-token');
      const fix = `add to your shell profile: export CCBELL_HOOK_TOKEN_DEFAULT="$(cat ${tokenFile})", then start Claude Code from a new shell`;
      const unset = await doctor(sandbox);
      expect(unset.run.code).toBe(1);
      expect(unset.failed).toEqual([
        {
          ok: false,
          what: `http hooks of "default" in ${settingsOf(sandbox)} send the token in $CCBELL_HOOK_TOKEN_DEFAULT, which is not set in this environment: Claude Code started from here gets 401 for ${HTTP_EVENTS}`,
          fix,
        },
      ]);
      const wrong = await doctor(sandbox, [], { CCBELL_HOOK_TOKEN_DEFAULT: 'not-the-token' });
      expect(wrong.failed).toEqual([
        {
          ok: false,
          what: `http hooks of "default" in ${settingsOf(sandbox)} send $CCBELL_HOOK_TOKEN_DEFAULT, which does not hold the token of "default" (${tokenFile}): every event gets 401`,
          fix,
        },
      ]);
      // The token in Claude Code's settings `env` (as `ccbell service install` puts it) counts,
      // and wins over a stale one in the shell, as it does in Claude Code.
      const settings = JSON.parse(readFileSync(settingsOf(sandbox), 'utf8'));
      settings.env = { CCBELL_HOOK_TOKEN_DEFAULT: tokenOf(sandbox) };
      writeFileSync(settingsOf(sandbox), JSON.stringify(settings));
      const fromSettings = await doctor(sandbox, [], { CCBELL_HOOK_TOKEN_DEFAULT: 'stale-export' });
      expect(
        fromSettings.failed.filter((finding) => finding.what.includes('CCBELL_HOOK_TOKEN_DEFAULT')),
      ).toEqual([]);
    });
  });

  it('plugin only: counts as installed (exit 0), for $CCBELL_INSTANCE else default', async () => {
    const hooksPath = installPlugin(sandbox);
    const { run, failed, report } = await doctor(sandbox);
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.findings).toContainEqual({
      ok: true,
      what: `hooks of "default" installed: plugin ccbell@local (${hooksPath})`,
    });
    await sandbox.run(['instance', 'create', 'work']);
    const work = await doctor(sandbox, ['--instance', 'work'], { CCBELL_INSTANCE: 'work' });
    expect(work.failed).toEqual([]);
  });

  it('a disabled plugin does not count', async () => {
    installPlugin(sandbox, { enabled: false });
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(1);
    expect(failed.map((f) => f.what)).toEqual([
      expect.stringMatching(/^no ccbell hook of "default" for stop/),
    ]);
  });

  it('duplicate wiring: plugin plus setup sounds twice', async () => {
    await sandbox.run(['setup']);
    const hooksPath = installPlugin(sandbox);
    const { run, failed } = await doctor(sandbox);
    expect(run.code).toBe(0); // a warning: it works, twice
    expect(failed).toEqual([
      {
        ok: false,
        warn: true,
        what: `Stop, SubagentStop, Notification (permission_prompt) and 11 more wired 2 times: "default" in ${settingsOf(sandbox)} and "default" by plugin ccbell@local (${hooksPath}): each sound plays twice`,
        fix: 'keep one: "ccbell setup --remove --instance default", or "claude plugin uninstall ccbell@local"',
      },
    ]);
  });

  it('duplicate wiring: two instances on one event', async () => {
    await sandbox.run(['instance', 'create', 'work']);
    await sandbox.run(['setup']);
    await sandbox.run(['setup', '--instance', 'work']);
    const { failed } = await doctor(sandbox);
    expect(failed).toEqual([
      {
        ok: false,
        warn: true,
        what: `Stop, SubagentStop, Notification (permission_prompt) and 11 more wired 2 times: "default" in ${settingsOf(sandbox)} and "work" in ${settingsOf(sandbox)}: each instance plays its own sound`,
        fix: 'keep one: "ccbell setup --remove --instance default", or "ccbell setup --remove --instance work"',
      },
    ]);
  });

  it("reads the project's settings in the working directory, and leaves them to the person", async () => {
    await sandbox.run(['setup']);
    const project = join(sandbox.root, 'project');
    const shared = sandbox.write(
      'project/.claude/settings.json',
      JSON.stringify({
        hooks: {
          Stop: [{ hooks: [{ type: 'command', command: `/gone/node ${cliPath} stop #ccbell:default` }] }],
        },
      }),
    );
    const { failed } = await doctor(sandbox, [], {}, project);
    expect(failed).toContainEqual({
      ok: false,
      what: `hooks of "default" in ${shared} run node /gone/node, which does not exist: Stop do nothing`,
      fix: `edit ${shared}: use ${process.execPath} (doctor --fix leaves a project's shared settings to you)`,
    });
    const before = readFileSync(shared, 'utf8');
    await sandbox.run(['doctor', '--fix'], { cwd: project });
    expect(readFileSync(shared, 'utf8')).toBe(before);
  });
});

describe('ccbell doctor --fix', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = makeSandbox();
  });
  afterEach(() => sandbox.cleanup());

  const FOREIGN = {
    model: 'opus',
    hooks: { Stop: [{ hooks: [{ type: 'command', command: '/gone/say done' }] }], PreToolUse: [] },
  };

  async function fix(extraEnv: Record<string, string> = {}) {
    const run = await sandbox.run(['doctor', '--fix', '--json'], { env: extraEnv });
    return { run, report: JSON.parse(run.stdout) as { findings: Finding[] } };
  }

  it('points stale node and CLI paths at the current ones, keeps a backup, touches nothing else', async () => {
    sandbox.write('home/.claude/settings.json', JSON.stringify(FOREIGN));
    await sandbox.run(['setup']);
    const good = readFileSync(settingsOf(sandbox), 'utf8');
    rewriteSettings(sandbox, process.execPath, '/gone/bin/node');
    rewriteSettings(sandbox, cliPath, '/old/dist/ccbell.js');
    const stale = readFileSync(settingsOf(sandbox), 'utf8');
    const { run, report } = await fix();
    const backup = `${settingsOf(sandbox)}.ccbell-backup`;
    expect(report.findings.filter((f) => f.fixed)).toEqual([
      {
        ok: true,
        fixed: true,
        what: `pointed the hooks of "default" in ${settingsOf(sandbox)} at node ${process.execPath}, was /gone/bin/node (${ALL_EVENTS}); previous file kept as ${backup}`,
      },
      {
        ok: true,
        fixed: true,
        what: `pointed the hooks of "default" in ${settingsOf(sandbox)} at ccbell ${cliPath}, was /old/dist/ccbell.js (${ALL_EVENTS}); previous file kept as ${backup}`,
      },
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(backup, 'utf8')).toBe(stale);
    // As setup wrote them: the foreign hook (stale too, but not ccbell's), the empty event and the model stay.
    expect(readJson(settingsOf(sandbox))).toEqual(JSON.parse(good));
    expect(readJson(settingsOf(sandbox)).hooks.Stop[0]).toEqual(FOREIGN.hooks.Stop[0]);
  });

  it('removes hooks of instances that no longer exist, and only those', async () => {
    sandbox.write('home/.claude/settings.json', JSON.stringify(FOREIGN));
    await sandbox.run(['setup']);
    const withDefault = readFileSync(settingsOf(sandbox), 'utf8');
    await sandbox.run(['instance', 'create', 'gone']);
    await sandbox.run(['setup', '--instance', 'gone']);
    writeFileSync(join(sandbox.claudeDir, 'ccbell-instances.json'), '{}');
    const { run, report } = await fix();
    expect(report.findings.filter((f) => f.fixed).map((f) => f.what)).toEqual([
      `removed the hooks of "gone", which no longer exists, from ${settingsOf(sandbox)} (${ALL_EVENTS}); previous file kept as ${settingsOf(sandbox)}.ccbell-backup`,
    ]);
    expect(run.code).toBe(0);
    expect(readJson(settingsOf(sandbox))).toEqual(JSON.parse(withDefault));
  });

  it("repairs the project's local settings too", async () => {
    await sandbox.run(['setup']);
    const project = join(sandbox.root, 'project');
    const local = sandbox.write(
      'project/.claude/settings.local.json',
      JSON.stringify({
        hooks: {
          Stop: [{ hooks: [{ type: 'command', command: `/gone/node ${cliPath} stop #ccbell:default` }] }],
        },
      }),
    );
    const run = await sandbox.run(['doctor', '--fix'], { cwd: project });
    expect(run.stdout).toContain(
      ` fixed pointed the hooks of "default" in ${local} at node ${process.execPath}`,
    );
    expect(readJson(local).hooks.Stop[0].hooks[0].command).toBe(
      `${process.execPath} ${cliPath} stop #ccbell:default`,
    );
    expect(existsSync(`${local}.ccbell-backup`)).toBe(true);
  });

  it('says what it did not fix, and writes nothing when there is nothing to fix', async () => {
    await sandbox.run(['setup', '--http', '--port', '47101']);
    const before = readFileSync(settingsOf(sandbox), 'utf8');
    const { run, report } = await fix();
    expect(run.code).toBe(1);
    expect(report.findings[0]).toEqual({ ok: true, what: 'doctor --fix: nothing it can fix' });
    expect(report.findings.at(-1)).toEqual({
      ok: false,
      warn: true,
      what: "doctor --fix left 1 finding above as they are: it only points ccbell hooks at the current node and CLI, and removes hooks of instances that no longer exist, in the user's and the project's local settings",
      fix: 'follow the advice under each',
    });
    expect(readFileSync(settingsOf(sandbox), 'utf8')).toBe(before);
    expect(existsSync(`${settingsOf(sandbox)}.ccbell-backup`)).toBe(false);
  });

  it('never writes a broken settings file', async () => {
    const text = '{"hooks": {"Stop": [';
    sandbox.write('home/.claude/settings.json', text);
    const { run, report } = await fix();
    expect(run.code).toBe(1);
    expect(report.findings).toContainEqual({
      ok: false,
      what: expect.stringMatching(new RegExp(`^not fixed: ${settingsOf(sandbox)}: is not valid JSON`)),
      fix: 'fix the file by hand, then run "ccbell doctor --fix" again',
    });
    expect(readFileSync(settingsOf(sandbox), 'utf8')).toBe(text);
    expect(existsSync(`${settingsOf(sandbox)}.ccbell-backup`)).toBe(false);
  });
});
