// Approving from the phone, end to end: the real Claude Code (offline, stand-in API) under
// `ccbell app` asks to run a command; the app pushes it as ntfy (to a local receiver) with Allow
// and Deny buttons; the test presses Allow as the phone would, and the command runs. Then every
// way of misusing a button is refused.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageApp, postHook, startPageApp } from '../browser/support/browser.js';
import { type Receiver, startReceiver } from '../channels/receiver.js';
import { freePort } from '../support/ports.js';
import { assertBuilt, makeWorld, removeWorld, type World } from './support/ccbell.js';
import { claudeBin, claudeEnv } from './support/claude.js';
import { type StandInApi, startStandInApi } from './support/stand-in-api.js';

const INSTANCE = 'phone';

let world: World;
let api: StandInApi;
let receiver: Receiver;
let app: PageApp | undefined;

interface NtfyPush {
  topic: string;
  title: string;
  message: string;
  actions?: Array<{ action: string; label: string; url: string; method: string; clear: boolean }>;
}

beforeAll(async () => {
  assertBuilt();
  [world, api, receiver] = await Promise.all([makeWorld(), startStandInApi(), startReceiver()]);
});

afterAll(async () => {
  await app?.stop();
  await Promise.all([api?.close(), receiver?.close()]);
  await removeWorld(world);
});

const push = (index: number) => JSON.parse(receiver.requests[index]!.body) as NtfyPush;
const press = (url: string) => fetch(url, { method: 'POST' });

describe('phone approvals: real Claude Code, an ntfy push, a press of Allow', () => {
  it('runs the command once Allow is pressed, and refuses every other use of the buttons', async () => {
    const project = join(world.home, 'phone-project');
    await mkdir(project);
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const env = claudeEnv(
      world.env,
      world.home,
      api.url,
      { CCBELL_BUS_DIR: world.busDir, PHONE_TOPIC: 'my-topic' },
      ['NODE_EXTRA_CA_CERTS'],
    );
    app = await startPageApp(world, INSTANCE, {
      config: {
        debug: true,
        channels: { phone: { type: 'ntfy', server: receiver.url, topic: 'env:PHONE_TOPIC', priority: 4 } },
        events: { permission_request: { channels: ['sound', 'phone'] } },
        phoneApprovals: { enabled: true, publicUrl, port },
      },
      command: [claudeBin, '-p', '[[bash:echo from-the-phone > marker.txt]]'],
      env,
      cwd: project,
    });
    await app.background.waitFor(/phone approvals: http:\/\/127\.0\.0\.1:\d+/);

    const [request] = await receiver.waitFor(1, 60_000);
    expect(request).toMatchObject({ method: 'POST', path: '/' });
    const first = push(0);
    expect(first.topic).toBe('my-topic');
    expect(first.message).toContain('echo from-the-phone > marker.txt');
    expect(first.title).toContain('phone-project');
    expect(first.actions?.map((action) => [action.label, action.method, action.clear])).toEqual([
      ['Allow', 'POST', true],
      ['Deny', 'POST', true],
    ]);
    const [allow, deny] = first.actions!;
    expect(allow!.url.startsWith(`${publicUrl}/a/`)).toBe(true);
    expect(existsSync(join(project, 'marker.txt'))).toBe(false);

    // A forged capability, and a look at the real one (GET never acts): nothing is answered.
    expect((await press(allow!.url.replace(/[^/]{43}$/, 'x'.repeat(43)))).status).toBe(403);
    expect((await fetch(allow!.url)).status).toBe(200);

    // A second request, from another session, with its own buttons.
    const other = postHook(app, {
      hook_event_name: 'PermissionRequest',
      session_id: '9999ffff-other',
      cwd: join(world.home, 'other-project'),
      tool_name: 'Bash',
      tool_input: { command: 'make other' },
    });
    other.catch(() => undefined);
    await receiver.waitFor(2, 10_000);
    const second = push(1);
    const otherDeny = second.actions!.find((action) => action.label === 'Deny')!;
    // The other request's Deny presented for the first request: refused, both stay open.
    const crossed = `${allow!.url.slice(0, allow!.url.lastIndexOf('/'))}/${otherDeny.url.split('/').pop()}`;
    expect((await press(crossed)).status).toBe(403);

    const pressed = await press(allow!.url);
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('Allowed');
    // Used once: the same button, and its Deny twin, do nothing now (asked at once: the app
    // ends with its Claude Code, which is now running the command).
    const [again, twin] = await Promise.all([press(allow!.url), press(deny!.url)]);
    expect([again.status, twin.status]).toEqual([403, 403]);
    expect(await app.background.exited).toBe(0);
    expect(await readFile(join(project, 'marker.txt'), 'utf8')).toBe('from-the-phone\n');

    const log = await readFile(join(world.home, '.claude', `ccbell-${INSTANCE}.log`), 'utf8');
    expect(log).toMatch(/request \w+ answered allow by phone/);
    expect(log).not.toContain('my-topic');
    for (const action of [...first.actions!, ...second.actions!])
      expect(log).not.toContain(action.url.split('/').pop());
  });
});
