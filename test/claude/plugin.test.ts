import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOOK_SOURCES } from '../../src/claude/index.js';

const root = new URL('../../', import.meta.url);

describe('the repository as a Claude Code plugin', () => {
  it('has a manifest pointing at its hooks', () => {
    const manifest = JSON.parse(readFileSync(new URL('.claude-plugin/plugin.json', root), 'utf8'));
    expect(manifest.name).toBe('ccbell');
    expect(manifest.hooks).toBe('./hooks/hooks.json');
  });

  it('hooks every event setup installs, with the same matchers', () => {
    const { hooks } = JSON.parse(readFileSync(new URL('hooks/hooks.json', root), 'utf8'));
    for (const source of HOOK_SOURCES) {
      const groups = hooks[source.hookEvent] as { matcher?: string; hooks: { command: string }[] }[];
      const group = groups.find((g) => g.matcher === source.matcher);
      expect(group, `${source.hookEvent} ${source.matcher ?? ''}`).toBeDefined();
      expect(group!.hooks[0]!.command).toBe(`"\${CLAUDE_PLUGIN_ROOT}/hooks/run.sh" ${source.event}`);
    }
  });
});
