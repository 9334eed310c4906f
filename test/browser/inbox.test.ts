import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  type Background,
  ccbell,
  ccbellBackground,
  makeWorld,
  removeWorld,
  type World,
} from '../e2e/support/ccbell.js';
import { launchChromium, type PageApp, postHook, startPageApp } from './support/browser.js';

const NAMES = ['work', 'personal', 'test'] as const;
const SESSIONS: Record<string, string> = {
  work: '1111aaaa-0001',
  personal: '2222bbbb-0002',
  test: '3333cccc-0003',
};

let world: World;
let browser: Browser;
const apps = new Map<string, PageApp>();
let inbox: Background | undefined;

beforeAll(async () => {
  assertBuilt();
  [world, browser] = await Promise.all([makeWorld(), launchChromium()]);
  for (const name of NAMES) apps.set(name, await startPageApp(world, name));
});

afterAll(async () => {
  await browser?.close();
  inbox?.child.kill('SIGTERM');
  await inbox?.exited;
  await Promise.all([...apps.values()].map((app) => app.stop()));
  await removeWorld(world);
});

const question = (name: string) => ({
  hook_event_name: 'PermissionRequest',
  session_id: SESSIONS[name],
  cwd: `${world.home}/${name}-project`,
  tool_name: 'Bash',
  tool_input: { command: `make ${name}-target` },
});

describe('ccbell inbox', () => {
  it('shows the three apps’ requests and answers the clicked one in its own app only', async () => {
    // Each request waits in its app until answered: the PermissionRequest hook's reply.
    const replies = new Map(
      NAMES.map((name) => {
        const reply = postHook(apps.get(name)!, question(name));
        reply.catch(() => undefined); // awaited below; a failed test must not leave it unhandled
        return [name, reply];
      }),
    );
    inbox = ccbellBackground(world, ['inbox', '--no-open']);
    const url = (await inbox.waitFor(/page: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/))[1]!;

    const listed = await ccbell(world, ['inbox', '--json']);
    const snapshot = JSON.parse(listed.stdout) as { apps: Array<{ instance: string; pending: unknown[] }> };
    expect(snapshot.apps.map((app) => [app.instance, app.pending.length]).sort()).toEqual([
      ['personal', 1],
      ['test', 1],
      ['work', 1],
    ]);

    const page = await browser.newPage();
    await page.goto(url);
    for (const name of NAMES) {
      const card = page.locator('#pending .card', { hasText: `make ${name}-target` });
      await card.waitFor();
      // Labelled with its instance, project and session.
      expect(await card.locator('.where').textContent()).toBe(
        `${name} · ${name}-project · ${SESSIONS[name]!.slice(0, 8)}`,
      );
    }
    await page
      .locator('#pending .card', { hasText: 'make personal-target' })
      .getByRole('button', { name: 'Allow' })
      .click();
    expect(await replies.get('personal')).toMatchObject({
      hookSpecificOutput: { decision: { behavior: 'allow' } },
    });
    await page.locator('#pending .card', { hasText: 'make personal-target' }).waitFor({ state: 'detached' });
    expect(await page.locator('#pending .card').count()).toBe(2);

    // The others still wait in their own apps.
    for (const name of ['work', 'test']) {
      const pending = await ccbell(world, ['pending', '--instance', name, '--json']);
      expect(JSON.parse(pending.stdout).map((item: { summary: string }) => item.summary)).toEqual([
        `make ${name}-target`,
      ]);
    }
    const personal = await ccbell(world, ['pending', '--instance', 'personal', '--json']);
    expect(JSON.parse(personal.stdout)).toEqual([]);
    // Answered by the inbox, as the owner's log and view say.
    const status = await ccbell(world, ['inbox', '--json']);
    expect(status.code).toBe(0);

    for (const name of ['work', 'test'] as const) {
      await page
        .locator('#pending .card', { hasText: `make ${name}-target` })
        .getByRole('button', { name: 'Deny' })
        .click();
      expect(await replies.get(name)).toMatchObject({
        hookSpecificOutput: { decision: { behavior: 'deny' } },
      });
    }
    await page.locator('#pending-empty').waitFor({ state: 'visible' });
  });
});
