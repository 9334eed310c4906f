// Builds dist/: a tiny entry that turns on Node's compile cache, then the bundled CLI split
// into chunks so that rarely used commands (app, MCP server, setup) load only when asked for.
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { makeSounds } from './make-sounds.mjs';

const outdir = new URL('../dist/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: `${outdir}lib`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a require().
  banner: {
    js: "import { createRequire as __ccbellRequire } from 'node:module'; const require = __ccbellRequire(import.meta.url);",
  },
});

// The app's page: one script and one stylesheet, served by the app itself (no CDN, strict CSP).
await build({
  entryPoints: { app: 'web/app.ts' },
  outdir: `${outdir}web`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  logLevel: 'warning',
});
await copyFile('web/index.html', `${outdir}web/index.html`);
await copyFile('web/app.css', `${outdir}web/app.css`);

const entry = `${outdir}ccbell.js`;
await writeFile(
  entry,
  `#!/usr/bin/env node
// Node 22+ caches compiled code between runs: the hook path starts faster.
import module from 'node:module';
module.enableCompileCache?.();
await import('./lib/main.js');
`,
);
await chmod(entry, 0o755);
await makeSounds(new URL('../sounds/', import.meta.url).pathname);
