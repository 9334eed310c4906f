// The app's page in real Chromium against a real `ccbell app`: requests come from real MCP calls
// to the built approval server (and from http hooks), answers given on the page reach them.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ccbell, makeWorld, removeWorld, type World } from '../e2e/support/ccbell.js';
import {
  connectApprovalServer,
  launchChromium,
  makeProject,
  type PageApp,
  postHook,
  resultsDir,
  startPageApp,
} from './support/browser.js';

const INSTANCE = 'pagetest';

let world: World;
let app: PageApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let project: string;
let mcp: Awaited<ReturnType<typeof connectApprovalServer>>;
/** Every answer the page POSTed, in order. */
const posted: { url: string; body: unknown }[] = [];
/** Script errors and CSP refusals seen on the page. */
const pageErrors: string[] = [];

beforeAll(async () => {
  assertBuilt();
  world = await makeWorld();
  project = await makeProject(world.home, 'proj-alpha', 'feature/login');
  [app, browser] = await Promise.all([startPageApp(world, INSTANCE), launchChromium()]);
  mcp = await connectApprovalServer(world, app.runtimeId, project);
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  // Records desktop notifications and sounds instead of relying on a desktop to show them.
  await context.addInitScript(() => {
    const record = {
      notes: [] as { title: string; body?: string }[],
      sounds: [] as string[],
      violations: [] as string[],
    };
    (window as unknown as { __ccbell: typeof record }).__ccbell = record;
    document.addEventListener('securitypolicyviolation', (event) => {
      record.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        record.notes.push({ title, ...(options?.body ? { body: options.body } : {}) });
      }
    }
    window.Notification = Recorded;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      record.sounds.push(this.src);
      return Promise.resolve();
    };
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.method() === 'POST') posted.push({ url: request.url(), body: request.postDataJSON() });
  });
  await page.goto(app.url);
});

afterAll(async () => {
  await mcp?.client.close();
  await browser?.close();
  await app?.stop();
  await removeWorld(world);
});

/** The pending card whose input mentions `text`, once it is shown. */
async function cardFor(text: string): Promise<Locator> {
  const card = page.locator('#pending .card', { hasText: text });
  await card.waitFor({ state: 'visible', timeout: 15_000 });
  return card;
}

async function recentFor(text: string): Promise<Locator> {
  const entry = page.locator('#recent li', { hasText: text });
  await entry.waitFor({ state: 'visible', timeout: 15_000 });
  return entry;
}

/** Tracks whether a promise has settled, to show that nothing answered it (yet). */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  const done = () => {
    state.settled = true;
  };
  promise.then(done, done);
  return state;
}

async function pendingIds(): Promise<string[]> {
  const run = await ccbell(world, ['pending', '--instance', INSTANCE, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((item) => item.id);
}

const hookBase = (sessionId: string) => ({
  session_id: sessionId,
  cwd: project,
  transcript_path: '/dev/null',
});
const SESSION = '5e55a11d-0b1e-4c2a-9d6f-1234567890ab';

describe('the app page (real app, real approval server, Chromium)', () => {
  it('shows the instance, runtime id and a live connection', async () => {
    await page.locator('#conn', { hasText: 'live' }).waitFor();
    expect(await page.locator('#instance').textContent()).toBe(INSTANCE);
    expect(await page.locator('#runtime').textContent()).toBe(app.runtimeId);
    expect(await page.title()).toBe(`ccbell ${INSTANCE}`);
    expect(await page.locator('#pending-empty').isVisible()).toBe(true);
  });

  it('shows hook events in the feed, newest first, and the session they came from', async () => {
    const env = { CLAUDE_CODE_UI_INSTANCE_ID: app.runtimeId };
    const start = await ccbell(world, ['--instance', INSTANCE, 'session_start'], {
      env,
      input: JSON.stringify({ ...hookBase(SESSION), hook_event_name: 'SessionStart', source: 'startup' }),
    });
    expect(start.code, start.stderr).toBe(0);
    await page.locator('#feed li', { hasText: 'session started' }).waitFor();
    const stop = await ccbell(world, ['--instance', INSTANCE, 'stop'], {
      env,
      input: JSON.stringify({
        ...hookBase(SESSION),
        hook_event_name: 'Stop',
        last_assistant_message: 'Refactored the <b>login</b> form.',
      }),
    });
    expect(stop.code, stop.stderr).toBe(0);
    await page.locator('#feed li', { hasText: 'finished' }).waitFor();
    // The http hook door feeds the same list.
    await postHook(app, { ...hookBase(SESSION), hook_event_name: 'SubagentStop', agent_id: 'a1' });
    await postHook(app, {
      ...hookBase(SESSION),
      hook_event_name: 'Notification',
      notification_type: 'idle_prompt',
      message: 'Claude is waiting for your input',
    });
    await page.locator('#feed li', { hasText: 'waiting for input' }).waitFor();
    const rows = await page.locator('#feed li .what').allTextContents();
    expect(rows).toEqual(['waiting for input', 'subagent done', 'finished', 'session started']);
    const stopRow = page.locator('#feed li', { hasText: 'finished' });
    expect(await stopRow.textContent()).toContain('proj-alpha (feature/login)');
    expect(await stopRow.locator('time').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    // Data is text, never markup.
    expect(await stopRow.locator('.detail').textContent()).toBe('Refactored the <b>login</b> form.');
    expect(await page.locator('#feed b').count()).toBe(0);
    // The header lists the session: directory, branch and short id.
    const chip = page.locator('#sessions li');
    expect(await chip.count()).toBe(1);
    expect(await chip.textContent()).toContain('proj-alpha (feature/login)');
    expect(await chip.textContent()).toContain(SESSION.slice(0, 8));
  });

  it('Allow on a card answers the MCP call with the full input', async () => {
    const input = {
      command: 'echo one > one.txt',
      description: 'write one',
      nested: { list: [1, 'two', { three: [3, null, true] }], text: '<img src=x onerror=alert(1)> & "q"' },
    };
    const call = mcp.prompt({ tool_name: 'Bash', input, tool_use_id: 'toolu_page_allow' });
    const card = await cardFor('echo one > one.txt');
    expect(await card.locator('pre.input').textContent()).toBe(JSON.stringify(input, null, 2));
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('.risk').textContent()).toBe('critical risk');
    expect(await card.locator('.summary').textContent()).toContain('echo one > one.txt');
    expect(await card.getAttribute('tabindex')).toBe('0');
    expect(await page.title()).toBe(`(1) ccbell ${INSTANCE}`);
    // The live region is filled a moment later (so a repeat is announced again): wait for it.
    await expect
      .poll(() => page.locator('#announce').textContent(), { timeout: 5_000 })
      .toContain('New request: Bash');
    await card.getByRole('button', { name: 'Allow', exact: true }).click();
    expect(await call).toEqual({ behavior: 'allow', updatedInput: input });
    const entry = await recentFor('echo one > one.txt');
    expect(await entry.locator('.verdict').textContent()).toBe('allow');
    expect(await entry.locator('.by').textContent()).toBe('by page');
    await card.waitFor({ state: 'detached' });
    expect(await page.title()).toBe(`ccbell ${INSTANCE}`);
  });

  it('Deny with a reason answers deny with that message', async () => {
    const call = mcp.prompt({
      tool_name: 'Bash',
      input: { command: 'rm -rf build' },
      tool_use_id: 'toolu_page_deny',
    });
    const card = await cardFor('rm -rf build');
    await card.getByLabel('Reason for denying Bash').fill('not today, use make clean');
    await card.getByRole('button', { name: 'Deny', exact: true }).click();
    expect(await call).toEqual({ behavior: 'deny', message: 'not today, use make clean' });
    const entry = await recentFor('rm -rf build');
    expect(await entry.locator('.verdict').textContent()).toBe('deny');
    expect(await entry.textContent()).toContain('reason: not today, use make clean');
  });

  it('edited input: bad JSON and non-objects are refused on the page, a valid object is sent', async () => {
    const input = { file_path: join(project, 'notes.md'), content: 'old text\n' };
    const call = track(mcp.prompt({ tool_name: 'Write', input, tool_use_id: 'toolu_page_edit' }));
    const card = await cardFor('notes.md');
    expect(await card.locator('.risk').textContent()).toBe('medium risk');
    const id = (await card.getAttribute('data-id'))!;
    const toggle = card.getByRole('button', { name: 'Allow with edited input…' });
    const textarea = card.locator('textarea');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await textarea.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await textarea.isVisible()).toBe(true);
    // Opening the editor puts the cursor in it.
    expect(await textarea.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(JSON.parse(await textarea.inputValue())).toEqual(input);
    const before = posted.length;
    const send = card.getByRole('button', { name: 'Allow with this input' });
    const error = card.locator('.edit .error');

    await textarea.fill('{"file_path": "x", "content": ');
    await send.click();
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/^Not valid JSON/);
    expect(await textarea.getAttribute('aria-invalid')).toBe('true');

    await textarea.fill('["not", "an object"]');
    await send.click();
    expect(await error.textContent()).toMatch(/must be a JSON object/);
    await textarea.fill('null');
    await send.click();
    expect(await error.textContent()).toMatch(/must be a JSON object/);

    // Nothing was sent; the call still waits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted.length).toBe(before);
    expect(call.settled).toBe(false);
    expect(await pendingIds()).toContain(id);

    const edited = {
      file_path: join(project, 'notes.md'),
      content: 'new text\n',
      extra: { nested: [1, { two: 2 }] },
    };
    await textarea.fill(JSON.stringify(edited, null, 2));
    await send.click();
    expect(await call.promise).toEqual({ behavior: 'allow', updatedInput: edited });
    expect(posted.at(-1)?.body).toEqual({ behavior: 'allow', updated_input: edited });
    const entry = await recentFor('notes.md');
    expect(await entry.textContent()).toContain('with edited input');
  });

  it('keyboard: Enter on a focused card allows, Escape denies, focus moves to the next card', async () => {
    const first = mcp.prompt({
      tool_name: 'Bash',
      input: { command: 'echo key-enter' },
      tool_use_id: 'toolu_key_1',
    });
    const second = track(
      mcp.prompt({ tool_name: 'Bash', input: { command: 'echo key-escape' }, tool_use_id: 'toolu_key_2' }),
    );
    const firstCard = await cardFor('echo key-enter');
    const secondCard = await cardFor('echo key-escape');
    await firstCard.focus();
    await page.keyboard.press('Enter');
    expect(await first).toEqual({ behavior: 'allow', updatedInput: { command: 'echo key-enter' } });
    // The next card takes the focus, so answering a queue needs no mouse.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(await secondCard.getAttribute('data-id'));

    // Keys typed in the card's fields are left alone.
    await secondCard.getByRole('button', { name: 'Allow with edited input…' }).click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await secondCard.getByLabel('Reason for denying Bash').focus();
    await page.keyboard.press('Escape');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.settled).toBe(false);

    await secondCard.focus();
    await page.keyboard.press('Escape');
    const denied = await second.promise;
    expect(denied.behavior).toBe('deny');
    expect(await (await recentFor('echo key-escape')).locator('.verdict').textContent()).toBe('deny');
  });

  it('"Always allow this for the session" allows, and the same call later is allowed by the session rule', async () => {
    const input = { command: 'npm test' };
    const call = mcp.prompt({ tool_name: 'Bash', input, tool_use_id: 'toolu_always_1' });
    const card = await cardFor('npm test');
    await card.getByRole('button', { name: 'Always allow this for the session' }).click();
    expect(await call).toEqual({ behavior: 'allow', updatedInput: input });
    expect(posted.at(-1)?.body).toEqual({ behavior: 'allow', always: true });
    const again = await mcp.prompt({ tool_name: 'Bash', input, tool_use_id: 'toolu_always_2' });
    expect(again).toEqual({ behavior: 'allow', updatedInput: input });
    await page.locator('#recent li', { hasText: 'by session-rule' }).waitFor();
    expect(
      await page.locator('#recent li', { hasText: 'always allowed for the session' }).textContent(),
    ).toContain('Bash(npm test)');
  });

  it('an answer that comes too late shows who answered first', async () => {
    const call = mcp.prompt({
      tool_name: 'Bash',
      input: { command: 'echo late' },
      tool_use_id: 'toolu_late',
    });
    const card = await cardFor('echo late');
    const id = (await card.getAttribute('data-id'))!;
    // Someone answers at a terminal between the click and the page's POST.
    await page.route('**/api/requests/*/answer', async (route) => {
      const answered = await ccbell(world, [
        'answer',
        id,
        'deny',
        '--instance',
        INSTANCE,
        '--message',
        'from a terminal',
      ]);
      expect(answered.code, answered.stderr).toBe(0);
      await route.continue();
    });
    try {
      await card.getByRole('button', { name: 'Allow', exact: true }).click();
      expect(await call).toEqual({ behavior: 'deny', message: 'from a terminal' });
      const entry = page.locator('#recent li', { hasText: 'too late' });
      await entry.waitFor();
      expect(await entry.textContent()).toContain('already answered by cli (deny)');
      expect(await entry.locator('.by').textContent()).toBe('by cli');
    } finally {
      await page.unroute('**/api/requests/*/answer');
    }
  });

  it('in a background tab: a desktop notification (once enabled) and the request sound', async () => {
    const button = page.getByRole('button', { name: 'Enable notifications' });
    await button.waitFor();
    await context.grantPermissions(['notifications'], { origin: app.origin });
    await button.click();
    await button.waitFor({ state: 'hidden' });
    expect(await page.locator('#notify-state').textContent()).toBe('notifications on');
    await page.evaluate(() =>
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }),
    );
    const call = mcp.prompt({
      tool_name: 'Bash',
      input: { command: 'echo hidden' },
      tool_use_id: 'toolu_hidden',
    });
    await cardFor('echo hidden');
    const recorded = await page.evaluate(
      () =>
        (window as unknown as { __ccbell: { notes: { title: string; body?: string }[]; sounds: string[] } })
          .__ccbell,
    );
    expect(recorded.notes).toEqual([
      { title: `Bash needs approval (${INSTANCE})`, body: 'proj-alpha (feature/login): echo hidden' },
    ]);
    expect(recorded.sounds).toEqual([`${app.origin}/sounds/permission_request.wav`]);
    // The sound is served to the page.
    const status = await page.evaluate(async () => (await fetch('/sounds/permission_request.wav')).status);
    expect(status).toBe(200);
    // A visible tab stays quiet.
    await page.evaluate(() => delete (document as { hidden?: boolean }).hidden);
    const quiet = mcp.prompt({
      tool_name: 'Bash',
      input: { command: 'echo visible' },
      tool_use_id: 'toolu_visible',
    });
    await cardFor('echo visible');
    expect(
      await page.evaluate(
        () => (window as unknown as { __ccbell: { notes: unknown[] } }).__ccbell.notes.length,
      ),
    ).toBe(1);
    for (const text of ['echo hidden', 'echo visible']) {
      await (await cardFor(text)).getByRole('button', { name: 'Allow', exact: true }).click();
    }
    expect((await call).behavior).toBe('allow');
    expect((await quiet).behavior).toBe('allow');
  });

  it("shows the connection status and replaces everything with each (re)connection's state", async () => {
    // A second tab whose stream is scripted: a stale state that ends, a refusal, then the real app.
    const tab = await context.newPage();
    const stale = {
      instance: INSTANCE,
      runtime_id: app.runtimeId,
      sessions: [],
      requests: [
        {
          id: 'deadbeef',
          tool_name: 'Bash',
          input: { command: 'echo stale' },
          risk: 'critical',
          summary: 'echo stale',
          sources: ['prompt-tool'],
          created_at: new Date().toISOString(),
          label: 'old',
        },
      ],
      feed: [{ at: Date.now(), event: 'stop', label: 'old' }],
    };
    let attempt = 0;
    await tab.route('**/api/events', async (route) => {
      attempt += 1;
      if (attempt === 1) {
        return route.fulfill({
          status: 200,
          contentType: 'text/event-stream',
          body: `retry: 1500\nevent: state\ndata: ${JSON.stringify(stale)}\n\n`,
        });
      }
      if (attempt === 2) return route.fulfill({ status: 401, contentType: 'application/json', body: '{}' });
      return route.continue();
    });
    try {
      await tab.goto(app.origin);
      await tab.locator('#pending .card', { hasText: 'echo stale' }).waitFor();
      // The scripted stream ended: EventSource retries by itself.
      await tab.locator('#conn', { hasText: 'reconnecting…' }).waitFor();
      // Refused (as after an app restart): the page says so and keeps trying on its own.
      await tab.locator('#conn', { hasText: 'not connected' }).waitFor();
      await tab.locator('#conn', { hasText: 'live' }).waitFor({ timeout: 15_000 });
      // The real state replaced the stale one entirely.
      await tab.locator('#pending .card', { hasText: 'echo stale' }).waitFor({ state: 'detached' });
      expect(await tab.locator('#pending .card').count()).toBe(0);
      expect(await tab.locator('#feed li').count()).toBe(4);
      expect(await tab.locator('#recent li', { hasText: 'echo one > one.txt' }).count()).toBe(1);
      expect(attempt).toBe(3);
    } finally {
      await tab.close();
    }
  });

  it('screenshots: pending requests, recent answers and events, wide and at 360 px', async () => {
    // One at a time, so the cards' order (oldest first) is known.
    const calls: Promise<Record<string, unknown>>[] = [];
    calls.push(
      mcp.prompt({
        tool_name: 'Bash',
        input: { command: 'rm -rf dist && npm run build', description: 'Clean and rebuild' },
        tool_use_id: 'toolu_shot_1',
      }),
    );
    await cardFor('rm -rf dist');
    calls.push(
      mcp.prompt({
        tool_name: 'mcp__github__delete_file',
        input: { owner: 'acme', repo: 'site', path: 'docs/old.md', message: 'remove stale page' },
        tool_use_id: 'toolu_shot_2',
      }),
    );
    await cardFor('docs/old.md');
    for (const call of calls) call.catch(() => undefined);
    const hook = postHook(app, {
      ...hookBase(SESSION),
      hook_event_name: 'PermissionRequest',
      tool_name: 'Write',
      tool_input: {
        file_path: join(project, 'src', 'login.ts'),
        content: 'export const login = () => {\n  // …\n};\n',
      },
      permission_suggestions: [],
    });
    hook.catch(() => undefined);
    const writeCard = await cardFor('login.ts');
    expect(await writeCard.textContent()).toContain(`proj-alpha (feature/login) · ${SESSION.slice(0, 8)}`);
    expect(await page.locator('#pending .card .risk').allTextContents()).toEqual([
      'critical risk',
      'high risk',
      'medium risk',
    ]);
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'page.png'), fullPage: true });

    await page.setViewportSize({ width: 360, height: 800 });
    // Nothing sticks out sideways at a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(resultsDir, 'page-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(resultsDir, 'page-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // The http hook's request is answered like the others, in Claude Code's decision format.
    await writeCard.getByRole('button', { name: 'Allow', exact: true }).click();
    expect(await hook).toEqual({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
    });
    for (const text of ['rm -rf dist', 'docs/old.md']) {
      await (await cardFor(text)).getByRole('button', { name: 'Deny', exact: true }).click();
    }
    for (const call of calls) expect((await call).behavior).toBe('deny');
  });

  it('ran without script errors or CSP refusals', async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { __ccbell: { violations: string[] } }).__ccbell.violations,
    );
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
