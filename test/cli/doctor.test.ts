// `ccbell doctor`: exit 0 when everything a working setup needs is there, 1 when something fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeSandbox, type Sandbox } from './support.js';

beforeAll(assertBuilt);

interface Finding {
  ok: boolean;
  warn?: boolean;
  what: string;
  fix?: string;
}

async function doctor(sandbox: Sandbox, args: string[] = [], env: Record<string, string> = {}) {
  const run = await sandbox.run(['doctor', '--json', ...args], { env });
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

  it('fails (exit 1) without a player', async () => {
    const { run, failed } = await doctor(sandbox, [], { PATH: sandbox.nodeBin });
    expect(run.code).toBe(1);
    expect(failed.map((f) => f.what)).toEqual([expect.stringMatching(/no sound player/)]);
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
