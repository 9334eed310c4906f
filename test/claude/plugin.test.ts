import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLUGIN_DIST_FILES } from '../../scripts/plugin-payload.mjs';
import { HOOK_SOURCES } from '../../src/claude/index.js';

const root = new URL('../../', import.meta.url);
const plugin = new URL('plugin/', root);
const read = (url: URL) => readFileSync(url, 'utf8');

describe('the repository as a Claude Code marketplace', () => {
  it('lists one plugin, ccbell, whose source is plugin/', () => {
    const marketplace = JSON.parse(read(new URL('.claude-plugin/marketplace.json', root)));
    expect(marketplace.name).toBe('ccbell');
    expect(marketplace.plugins).toHaveLength(1);
    expect(marketplace.plugins[0]).toMatchObject({ name: 'ccbell', source: './plugin' });
  });

  it('is not itself a plugin (the root holds node_modules, which Claude Code would copy)', () => {
    expect(existsSync(new URL('.claude-plugin/plugin.json', root))).toBe(false);
    expect(existsSync(new URL('hooks/hooks.json', root))).toBe(false);
  });
});

describe('plugin/', () => {
  it('holds every bundle its hook path requires, but the other commands', () => {
    // The hook bundles require lazy bundles by name (scripts/build.mjs); a command's bundle is
    // never reached from a plugin hook, which runs only the hook handler and its helpers.
    const commands = readdirSync(new URL('src/cli/commands/', root)).map((file) =>
      file.replace(/\.ts$/, '.cjs'),
    );
    const held = readdirSync(new URL('dist/lib/', plugin));
    for (const bundle of held) {
      const required = [...read(new URL(`dist/lib/${bundle}`, plugin)).matchAll(/"([a-z-]+\.cjs)"/g)].map(
        (m) => m[1],
      );
      for (const name of required.filter(
        (n) => !commands.includes(n as string) || n === 'focus.cjs' || n === 'deliver.cjs',
      )) {
        expect(held, `${bundle} requires ${name}`).toContain(name);
      }
    }
  });

  it('has a manifest pointing at its hooks, at the package version', () => {
    // The version is what `claude plugin update` compares: bump both together on release.
    const manifest = JSON.parse(read(new URL('.claude-plugin/plugin.json', plugin)));
    const pkg = JSON.parse(read(new URL('package.json', root)));
    expect(manifest.name).toBe('ccbell');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.hooks).toBe('./hooks/hooks.json');
  });

  it('hooks every event setup installs, with the same matchers', () => {
    const { hooks } = JSON.parse(read(new URL('hooks/hooks.json', plugin)));
    for (const source of HOOK_SOURCES) {
      const groups = hooks[source.hookEvent] as { matcher?: string; hooks: { command: string }[] }[];
      const group = groups.find((g) => g.matcher === source.matcher);
      expect(group, `${source.hookEvent} ${source.matcher ?? ''}`).toBeDefined();
      expect(group!.hooks[0]!.command).toBe(`"\${CLAUDE_PLUGIN_ROOT}/hooks/run.sh" ${source.event}`);
    }
    accessSync(new URL('hooks/run.sh', plugin), constants.X_OK);
  });

  it('carries the build’s hook path and sounds, byte for byte, and no other bundle', () => {
    for (const file of PLUGIN_DIST_FILES) {
      expect(read(new URL(file, plugin)), file).toBe(read(new URL(file, root)));
    }
    // forward.cjs: the bus client of a session under an app; remote.cjs: the NATS transport,
    // loaded only by a session whose app is on another machine.
    expect(readdirSync(new URL('dist/lib/', plugin)).sort()).toEqual([
      'cli.cjs',
      'deliver.cjs',
      'focus.cjs',
      'forward.cjs',
      'remote.cjs',
    ]);
    const sounds = readdirSync(new URL('sounds/', root)).filter((name) => name.endsWith('.wav'));
    expect(readdirSync(new URL('sounds/', plugin)).sort()).toEqual(sounds.sort());
    for (const sound of sounds) {
      expect(
        readFileSync(new URL(`sounds/${sound}`, plugin)).equals(
          readFileSync(new URL(`sounds/${sound}`, root)),
        ),
        sound,
      ).toBe(true);
    }
  });
});
