// Tests that run ccbell code in child processes bundle the TypeScript source once with esbuild
// (Node 20 cannot import .ts), into a temporary directory removed when the file's tests end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A bundle of `entry` for child processes: its path, and how to remove it. */
export interface TestBundle {
  path: string;
  remove(): void;
}

/** Bundles `entry` (an absolute path) as one ES module for Node 20+. */
export async function bundleForChildren(entry: string, name: string): Promise<TestBundle> {
  const dir = mkdtempSync(join(tmpdir(), `ccbell-test-build-${name}-`));
  const path = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies (the MCP SDK's) need a require() inside an ES module.
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
