// The phone's endpoint with a real server and a real core: only a valid capability acts, once.
import { afterEach, describe, expect, it } from 'vitest';
import { startPhoneApprovals } from '../../../src/app/phone/index.js';
import { Core } from '../../../src/core/index.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function setUp(timeoutMs = 60_000) {
  const core = new Core({
    instance: 'work',
    timeoutMs,
    rules: { allow: [], deny: [] },
    ports: { notify: () => {} },
  });
  const warnings: string[] = [];
  const door = await startPhoneApprovals({
    core,
    settings: { publicUrl: 'https://phone.example', host: '127.0.0.1', port: 0 },
    warn: (line) => warnings.push(line),
  });
  stops.push(() => door.close());
  const ask = (command: string) => {
    const { item, closed } = core.ask({
      source: 'hook',
      toolName: 'Bash',
      input: { command },
      sessionId: 's',
      cwd: '/work/api',
    });
    const [allow, deny] = door.actionsFor(item.id);
    const local = (url: string) => url.replace('https://phone.example', `http://127.0.0.1:${door.port}`);
    return { item, closed, allow: local(allow!.url), deny: local(deny!.url) };
  };
  return { core, door, ask, warnings };
}

const post = (url: string) => fetch(url, { method: 'POST' });

describe('phone endpoint', () => {
  it('allows with the Allow link once; a second call is refused', async () => {
    const { ask } = await setUp();
    const request = ask('npm test');
    const first = await post(request.allow);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Allowed: Bash: npm test');
    const item = await request.closed;
    expect(item.decision).toMatchObject({ behavior: 'allow', by: 'phone' });
    expect((await post(request.allow)).status).toBe(403);
    expect((await post(request.deny)).status).toBe(403);
  });

  it('refuses a forged link, another request’s Deny, and a link whose request is over', async () => {
    const { core, ask, warnings } = await setUp();
    const a = ask('git push');
    const b = ask('rm -rf build');
    const forged = a.allow.replace(/[^/]{43}$/, 'A'.repeat(43));
    expect((await post(forged)).status).toBe(403);
    // B's Deny capability under A's id: refused, both stay open.
    const crossed = `${a.allow.slice(0, a.allow.lastIndexOf('/'))}/${b.deny.split('/').pop()}`;
    expect((await post(crossed)).status).toBe(403);
    expect(
      core.desk
        .pending()
        .map((item) => item.id)
        .sort(),
    ).toEqual([a.item.id, b.item.id].sort());
    // Answered elsewhere (the page): its links end with it.
    core.desk.answer(a.item.id, { behavior: 'deny' }, 'page');
    expect((await post(a.allow)).status).toBe(403);
    expect(core.desk.book.get(a.item.id)?.decision?.by).toBe('page');
    expect(warnings.join('\n')).toMatch(/refused for request/);
    expect(warnings.join('\n')).not.toContain(b.deny.split('/').pop());
  });

  it('refuses a link whose request timed out', async () => {
    const { ask } = await setUp(50);
    const request = ask('sleep 1');
    expect((await request.closed).decision).toMatchObject({ by: 'timeout' });
    expect((await post(request.allow)).status).toBe(403);
  });

  it('never acts on GET (link previews fetch it), and serves nothing else', async () => {
    const { core, ask, door } = await setUp();
    const request = ask('make deploy');
    const look = await fetch(request.allow);
    expect(look.status).toBe(200);
    expect(await look.text()).toContain('<form method="post">');
    expect(core.desk.pending()).toHaveLength(1);
    for (const path of ['/', '/api/pending', '/hooks', `/a/${request.item.id}`]) {
      expect((await fetch(`http://127.0.0.1:${door.port}${path}`)).status).toBe(404);
    }
    expect((await fetch(request.allow, { method: 'PUT' })).status).toBe(405);
    const deny = await post(request.deny);
    expect(await deny.text()).toContain('Denied');
    expect((await request.closed).decision).toMatchObject({
      behavior: 'deny',
      message: 'denied from the phone',
    });
  });

  it('rate limits callers', async () => {
    const { door } = await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push(
        (await fetch(`http://127.0.0.1:${door.port}/a/00000000/${'B'.repeat(43)}`, { method: 'POST' }))
          .status,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
  });
});
