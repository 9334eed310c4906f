// Proves the e2e harness: the real Claude Code CLI runs offline against the stand-in API, fires
// its hooks (command and http), and goes through its permission path for a scripted Bash call.
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempHome, runClaude } from './support/claude.js';
import { type StandInApi, scriptReply, startStandInApi } from './support/stand-in-api.js';

const ALLOW = '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow"}}}';
const PROMPT = '[[bash:echo hi > marker.txt]]';

interface HookPayload {
  hook_event_name: string;
  session_id: string;
  cwd: string;
  tool_name?: string;
  tool_input?: { command?: string };
}

interface ToolResultBlock {
  type: 'tool_result';
  content: unknown;
  is_error?: boolean;
}

/** Every tool_result block the stand-in received, in order. */
function toolResults(api: StandInApi): ToolResultBlock[] {
  const found: ToolResultBlock[] = [];
  for (const request of api.requests) {
    const messages = (request.body as { messages?: { role: string; content: unknown }[] } | undefined)
      ?.messages;
    for (const message of messages?.filter((m) => m.role === 'user').slice(-1) ?? []) {
      if (!Array.isArray(message.content)) continue;
      for (const block of message.content as { type?: string }[]) {
        if (block.type === 'tool_result') found.push(block as ToolResultBlock);
      }
    }
  }
  return found;
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

describe('stand-in API', () => {
  let api: StandInApi;
  beforeEach(async () => {
    api = await startStandInApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('scripts replies from the last user message', () => {
    const tools = [{ name: 'Bash' }, { name: 'Agent' }];
    const user = (content: unknown) => ({ role: 'user', content });
    expect(scriptReply({ tools, messages: [user(PROMPT), { role: 'system', content: 'env' }] })).toEqual({
      kind: 'tool_use',
      name: 'Bash',
      input: { command: 'echo hi > marker.txt', description: 'test command' },
    });
    expect(
      scriptReply({
        tools,
        messages: [
          user(PROMPT),
          { role: 'assistant', content: [] },
          user([{ type: 'tool_result', content: [{ type: 'text', text: 'hi' }] }]),
        ],
      }),
    ).toEqual({ kind: 'text', text: 'done: hi' });
    // A side request that offers no tools gets text, even when it quotes the prompt.
    expect(scriptReply({ messages: [user(PROMPT)] })).toEqual({ kind: 'text', text: 'ok' });
    expect(scriptReply({ tools, messages: [user([{ type: 'text', text: 'hello' }])] })).toEqual({
      kind: 'text',
      text: 'ok',
    });
  });

  it('streams the SSE event sequence, counts tokens and 404s the rest', async () => {
    const response = await fetch(`${api.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        stream: true,
        tools: [{ name: 'Bash' }],
        messages: [{ role: 'user', content: PROMPT }],
      }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = [...(await response.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const count = await fetch(`${api.url}/v1/messages/count_tokens?beta=true`, {
      method: 'POST',
      body: '{}',
    });
    expect(await count.json()).toEqual({ input_tokens: expect.any(Number) });
    const missing = await fetch(`${api.url}/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(api.requests.map((r) => r.path)).toEqual([
      '/v1/messages',
      '/v1/messages/count_tokens',
      '/v1/nothing',
    ]);
  });
});

describe.skipIf(process.platform === 'win32')('real Claude Code CLI, offline', () => {
  let api: StandInApi;
  let home: string;
  let cwd: string;

  beforeEach(async () => {
    api = await startStandInApi();
    home = await makeTempHome();
    cwd = await realpath(await mkdtemp(join(tmpdir(), 'ccbell-e2e-cwd-')));
  });
  afterEach(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  });

  it('fires command hooks in order and runs Bash once a PermissionRequest hook allows it', async () => {
    const eventsFile = join(home, 'events.jsonl');
    const capture = `{ cat; echo; } >> '${eventsFile}'`;
    const hook = (command: string) => [{ matcher: '', hooks: [{ type: 'command', command }] }];
    const settings = {
      hooks: {
        SessionStart: hook(capture),
        SessionEnd: hook(capture),
        Stop: hook(capture),
        Notification: hook(capture),
        PermissionRequest: hook(`${capture}; echo '${ALLOW}'`),
        PreToolUse: hook(capture),
        SubagentStop: hook(capture),
      },
    };
    const settingsFile = join(home, 'test-settings.json');
    await writeFile(settingsFile, JSON.stringify(settings));

    const result = await runClaude({
      home,
      cwd,
      apiUrl: api.url,
      prompt: PROMPT,
      args: ['--settings', settingsFile],
      timeoutMs: 45_000,
    });

    expect(result, result.stderr).toMatchObject({ code: 0, timedOut: false });
    expect(result.stdout.trim()).toBe('done: (Bash completed with no output)');
    const events = (await readFile(eventsFile, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as HookPayload);
    // -p mode: no Notification (nothing waits on a person) and no SubagentStop (no subagent ran).
    expect(events.map((e) => e.hook_event_name)).toEqual([
      'SessionStart',
      'PreToolUse',
      'PermissionRequest',
      'Stop',
      'SessionEnd',
    ]);
    expect(new Set(events.map((e) => e.session_id)).size).toBe(1);
    expect(events.every((e) => e.cwd === cwd)).toBe(true);
    for (const e of events.filter((e) => e.tool_name !== undefined)) {
      expect(e).toMatchObject({ tool_name: 'Bash', tool_input: { command: 'echo hi > marker.txt' } });
    }
    expect(await readFile(join(cwd, 'marker.txt'), 'utf8')).toBe('hi\n');
    expect(toolResults(api)).toEqual([
      expect.objectContaining({ content: '(Bash completed with no output)', is_error: false }),
    ]);
  }, 60_000);

  it('posts http hooks with allowed env headers; without an allow decision Bash is refused', async () => {
    const received: { path: string; headers: IncomingHttpHeaders; body: HookPayload }[] = [];
    const hookServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as HookPayload,
        });
        // An empty body counts as `{}`: no decision, so Claude Code's own rules apply.
        res.writeHead(200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hookServer.address() as AddressInfo;
      const hook = (event: string) => [
        {
          matcher: '',
          hooks: [
            {
              type: 'http',
              url: `http://127.0.0.1:${port}/hook/${event}`,
              headers: {
                Authorization: 'Bearer $CCBELL_TEST_TOKEN',
                // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code's own ${VAR} syntax.
                'X-Not-Allowed': '${CCBELL_TEST_OTHER}',
              },
              allowedEnvVars: ['CCBELL_TEST_TOKEN'],
            },
          ],
        },
      ];
      // SessionStart is left out: Claude Code skips http hooks for it ("not supported for SessionStart").
      const events = ['PreToolUse', 'PermissionRequest', 'Stop', 'SessionEnd'];
      const settings = { hooks: Object.fromEntries(events.map((event) => [event, hook(event)])) };

      const result = await runClaude({
        home,
        cwd,
        apiUrl: api.url,
        prompt: PROMPT,
        // Inline JSON works as well as a file path.
        args: ['--settings', JSON.stringify(settings)],
        env: { CCBELL_TEST_TOKEN: 'sekrit', CCBELL_TEST_OTHER: 'leaked' },
        timeoutMs: 45_000,
      });

      expect(result, result.stderr).toMatchObject({ code: 0, timedOut: false });
      expect(received.map((r) => r.body.hook_event_name)).toEqual(events);
      expect(received.map((r) => r.path)).toEqual(events.map((event) => `/hook/${event}`));
      for (const { headers, body } of received) {
        expect(headers['content-type']).toMatch(/^application\/json/);
        expect(headers.authorization).toBe('Bearer sekrit');
        expect(headers['x-not-allowed']).toBe('');
        expect(body.cwd).toBe(cwd);
      }
      expect(await exists(join(cwd, 'marker.txt'))).toBe(false);
      const results = toolResults(api);
      expect(results).toHaveLength(1);
      expect(results[0]?.is_error).toBe(true);
      expect(result.stdout).toMatch(/^done: /);
    } finally {
      hookServer.closeAllConnections();
      await new Promise<void>((resolve) => hookServer.close(() => resolve()));
    }
  }, 60_000);
});
