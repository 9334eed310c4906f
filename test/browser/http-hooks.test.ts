// The real Claude Code CLI (offline, stand-in API) launched by `ccbell app`, which hands it http
// hooks: its permission request is answered on the page in Chromium, its events reach the app
// over http and show in the page's feed.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeWorld, removeWorld, type World } from '../e2e/support/ccbell.js';
import { claudeBin, claudeEnv } from '../e2e/support/claude.js';
import { type StandInApi, startStandInApi } from '../e2e/support/stand-in-api.js';
import { launchChromium, type PageApp, startPageApp } from './support/browser.js';

const INSTANCE = 'httphooks';

let world: World;
let api: StandInApi;
let browser: Browser;
let app: PageApp | undefined;

beforeAll(async () => {
  assertBuilt();
  [world, api, browser] = await Promise.all([makeWorld(), startStandInApi(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await api?.close();
  await removeWorld(world);
});

describe('http hooks: real Claude Code under `ccbell app`, answered in Chromium', () => {
  it('allows the Bash call on the page; events arrive over http and show in the feed', async () => {
    const project = join(world.home, 'hooked-project');
    await mkdir(project);
    const env = claudeEnv(world.env, world.home, api.url, { CCBELL_BUS_DIR: world.busDir }, [
      'NODE_EXTRA_CA_CERTS',
    ]);
    app = await startPageApp(world, INSTANCE, {
      command: [claudeBin, '-p', '[[bash:echo hi > marker.txt]]'],
      env,
      cwd: project,
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(app.url);
    const card = page.locator('#pending .card', { hasText: 'echo hi > marker.txt' });
    await card.waitFor({ timeout: 60_000 });
    expect(await card.locator('.risk').textContent()).toBe('critical risk');
    // The request came by the http PermissionRequest hook, which carries the session.
    expect(await card.locator('.where').textContent()).toContain('hooked-project');
    await page.locator('#sessions li', { hasText: 'hooked-project' }).waitFor();
    expect(existsSync(join(project, 'marker.txt'))).toBe(false);

    await card.getByRole('button', { name: 'Allow', exact: true }).click();
    // Claude Code ran the command, stopped (its Stop hook reached the page), and the app ended with it.
    await page.locator('#feed li', { hasText: 'finished' }).waitFor({ timeout: 60_000 });
    expect(await app.background.exited).toBe(0);
    expect(await readFile(join(project, 'marker.txt'), 'utf8')).toBe('hi\n');
    const stopRow = page.locator('#feed li', { hasText: 'finished' });
    expect(await stopRow.textContent()).toContain('hooked-project');
    const answer = page.locator('#recent li', { hasText: 'echo hi > marker.txt' });
    expect(await answer.locator('.verdict').textContent()).toBe('allow');
    expect(await answer.locator('.by').textContent()).toBe('by page');

    const log = await readFile(join(world.home, '.claude', `ccbell-${INSTANCE}.log`), 'utf8');
    expect(log).toMatch(/http hook: PermissionRequest session=\S+/);
    expect(log).toMatch(/http hook: Stop session=\S+/);
    expect(log).toMatch(/request \w+ answered allow by page/);
  });
});
