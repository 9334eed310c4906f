// The PermissionRequest command hook, run as Claude Code runs it (the built CLI): with no
// decision to give, it hands Claude Code the terminal sequence so the dialog rings over SSH; with
// a decision, its stdout is that decision and nothing else; and the dialog rings once in total.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app/app.js';
import { RUNTIME_ID_ENV } from '../../src/approval/identity.js';
import { validateConfig } from '../../src/config/index.js';
import { defaultInstancePaths } from '../../src/instance/index.js';
import { openLogger } from '../../src/log/index.js';
import { assertBuilt, makeSandbox, repoRoot, type Sandbox, sleep } from './support.js';

const BELL_OUTPUT = '{"terminalSequence":"\\u0007"}\n';
const request = (session: string, command = 'git push') =>
  JSON.stringify({
    hook_event_name: 'PermissionRequest',
    session_id: session,
    cwd: '/tmp/shop',
    tool_name: 'Bash',
    tool_input: { command },
  });
const prompt = (session: string) =>
  JSON.stringify({
    hook_event_name: 'Notification',
    notification_type: 'permission_prompt',
    session_id: session,
    cwd: '/tmp/shop',
    message: 'Claude needs your permission to use Bash',
  });

let box: Sandbox;
beforeAll(() => assertBuilt());
afterEach(() => box?.cleanup());

function sandboxWith(config: object): Sandbox {
  box = makeSandbox();
  mkdirSync(box.claudeDir, { recursive: true });
  writeFileSync(join(box.claudeDir, 'ccbell.config.json'), JSON.stringify(config));
  return box;
}

describe('permission-request with no app', () => {
  it('over SSH (no player): prints the bell for the dialog, and the later permission_prompt stays silent', async () => {
    const box = sandboxWith({});
    const noPlayer = { PATH: box.nodeBin };
    const hook = await box.run(['permission-request'], { input: request('s1'), env: noPlayer });
    expect(hook).toMatchObject({ code: 0, stdout: BELL_OUTPUT, stderr: '' });
    // About 6 s later Claude Code fires Notification permission_prompt for the same dialog.
    const later = await box.run([], { input: prompt('s1'), env: noPlayer });
    expect(later).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // Another session's dialog is another dialog: it rings.
    const other = await box.run([], { input: prompt('s2'), env: noPlayer });
    expect(other).toMatchObject({ code: 0, stdout: BELL_OUTPUT });
  });

  it('with a player: one sound and, with the terminal channel on, its sequence; the prompt adds neither', async () => {
    const box = sandboxWith({ terminal: 'osc777' });
    const hook = await box.run(['permission-request'], { input: request('s1') });
    expect(hook.code).toBe(0);
    expect(JSON.parse(hook.stdout)).toEqual({
      terminalSequence: expect.stringMatching(
        /^\u001b\]777;notify;ccbell default: shop · s1;Allow Bash: git push\u0007$/,
      ),
    });
    const later = await box.run([], { input: prompt('s1') });
    expect(later).toMatchObject({ code: 0, stdout: '' });
    // Players run detached: give a second one time to show up, then count.
    await box.waitForPlays(1);
    await sleep(500);
    expect(box.plays()).toHaveLength(1);
  });

  it('with the terminal channel off and a player: prints nothing, as before', async () => {
    const box = sandboxWith({});
    const hook = await box.run(['permission-request'], { input: request('s1') });
    expect(hook).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('permission-request with an app that decides', () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('the app announced the dialog and the hook carries a decision: the permission_prompt rings the terminal, once', async () => {
    const box = sandboxWith({});
    const busDir = join(box.root, 'bus');
    mkdirSync(busDir, { mode: 0o700 });
    const instance = defaultInstancePaths('default', box.claudeDir);
    app = await startApp({
      instance,
      loaded: { config: validateConfig({}).config, path: instance.config_path, exists: true, problems: [] },
      logger: openLogger(join(box.root, 'app.log'), false),
      env: { PATH: '' },
      bundledSoundsDir: join(repoRoot, 'sounds'),
      busDir,
    });
    const env = { PATH: box.nodeBin, CCBELL_BUS_DIR: busDir, [RUNTIME_ID_ENV]: app.identity.id };
    const hook = box.run(['permission-request'], { input: request('s9'), env });
    await expect.poll(() => app!.core.desk.pending().length, { timeout: 5000 }).toBe(1);
    // Claude Code's dialog waits; about 6 s on, its permission_prompt hook runs.
    const prompt1 = await box.run([], { input: prompt('s9'), env });
    expect(prompt1).toMatchObject({ code: 0, stdout: BELL_OUTPUT });
    app.core.desk.answer(app.core.desk.pending()[0]!.id, { behavior: 'deny', message: 'no' }, 'page');
    const decided = await hook;
    expect(JSON.parse(decided.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'no' },
      },
    });
  });

  it('prints the decision JSON only, even where a bell would ring', async () => {
    const box = sandboxWith({ terminal: 'bell' });
    const busDir = join(box.root, 'bus');
    mkdirSync(busDir, { mode: 0o700 });
    const { config } = validateConfig({ approvals: { allow: ['Bash(git push)'] } });
    const instance = defaultInstancePaths('default', box.claudeDir);
    app = await startApp({
      instance,
      loaded: { config, path: instance.config_path, exists: true, problems: [] },
      logger: openLogger(join(box.root, 'app.log'), false),
      env: { PATH: '' },
      bundledSoundsDir: join(repoRoot, 'sounds'),
      busDir,
    });
    const hook = await box.run(['permission-request'], {
      input: request('s1'),
      env: { PATH: box.nodeBin, CCBELL_BUS_DIR: busDir, [RUNTIME_ID_ENV]: app.identity.id },
    });
    expect(hook.code).toBe(0);
    expect(hook.stdout).toBe(
      `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } } })}\n`,
    );
  });
});
