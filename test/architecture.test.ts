// The shape DESIGN.md asks for, checked on the real import graph of src/: one core, many thin
// doors that never import each other, and nothing below the core reaching up into the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Every import of every module under src/: module → the specifiers it imports (relative ones resolved). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) graph.set(relative(root, path), importsOf(path));
    }
  };
  walk(dir);
  return graph;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const specifier = match[1] ?? match[2]!;
    found.push(
      specifier.startsWith('.')
        ? relative(root, join(dirname(file), specifier)).replace(/\.js$/, '.ts')
        : specifier,
    );
  }
  return found;
}

// The doors: each turns one kind of input into the core's terms, and the core's answer into output.
const DOORS = [
  /^src\/app\/doors\/[^/]+\.ts$/,
  /^src\/app\/web\/server\.ts$/,
  /^src\/app\/terminal\.ts$/,
  /^src\/cli\/commands\/hook\.ts$/,
  /^src\/cli\/commands\/permission-request\.ts$/,
];
// Below the core: the modules the core is built on (DESIGN.md's import order).
const BELOW_CORE =
  /^src\/(rules|events|notify|protocol|bus|config|state|instance|log|fs|claude)\/|^src\/errors\.ts$/;
// The core decides and never touches a socket, a process or a file itself.
const IO_MODULES = /^node:(net|http|https|child_process|fs|fs\/promises|readline|tty|dgram)$/;

const isDoor = (module: string) => DOORS.some((door) => door.test(module));

/** Every way `graph` breaks the architecture, one line each. */
function violations(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [module, imports] of graph) {
    for (const target of imports) {
      if (isDoor(module) && isDoor(target) && target !== module)
        found.push(`door ${module} imports door ${target}`);
      if (BELOW_CORE.test(module) && /^src\/(core|app|cli|approval)\//.test(target)) {
        found.push(`${module} (below the core) imports ${target}`);
      }
      if (/^src\/core\//.test(module) && /^src\/(app|cli|approval)\//.test(target)) {
        found.push(`core module ${module} imports ${target}`);
      }
      if (/^src\/core\//.test(module) && IO_MODULES.test(target))
        found.push(`core module ${module} does I/O through ${target}`);
      if (!/^src\/cli\//.test(module) && /^src\/cli\//.test(target))
        found.push(`${module} imports the CLI (${target})`);
    }
  }
  return found;
}

describe('architecture', () => {
  const graph = importGraph(join(root, 'src'));

  it('sees the modules it checks', () => {
    expect(graph.get('src/core/core.ts')).toContain('src/core/desk.ts');
    expect([...graph.keys()].filter(isDoor).length).toBeGreaterThanOrEqual(7);
  });

  it('has no door importing another door, nothing below the core importing the app, no I/O in the core', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('would see each kind of break', () => {
    const broken = new Map([
      ['src/app/doors/control.ts', ['src/app/doors/http-hook.ts']],
      ['src/app/terminal.ts', ['src/app/web/server.ts']],
      ['src/events/labels.ts', ['src/app/app.ts']],
      ['src/protocol/control.ts', ['src/core/index.ts']],
      ['src/core/desk.ts', ['node:net', 'src/app/app.ts']],
      ['src/app/app.ts', ['src/cli/main.ts']],
    ]);
    expect(violations(broken)).toHaveLength(7);
  });
});
