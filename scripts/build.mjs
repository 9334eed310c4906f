// Builds dist/. Two bundles of the CLI, because every Claude Code event starts a process and the
// hook path must start as fast as a bare Node does:
// - dist/ccbell.js: the entry and the hook handler, ONE CommonJS file (dist/package.json says
//   "commonjs"). A CommonJS entry spares Node's ES module loader, which costs a hook more than
//   all of ccbell's own code; one file spares resolving and reading many.
// - dist/lib/*.mjs: every other command (app, approval server, setup, …), ES modules split into
//   shared chunks, which the entry imports only when such a command is asked for. They bring
//   their own copies of shared code: src/errors.ts brands its classes so that the entry still
//   recognises their errors.
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { makeSounds } from './make-sounds.mjs';

const outdir = new URL('../dist/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// The commands src/cli/main.ts imports lazily, by the name main.ts imports them under
// (`./commands/NAME.js`). Each becomes dist/lib/NAME.mjs.
const LAZY_COMMANDS = [
  'instance',
  'setup',
  'doctor',
  'app',
  'approval-server',
  'mcp-config',
  'pending',
  'answer',
  'permission-request',
];

/** In the entry bundle, main.ts's `import('./commands/NAME.js')` becomes `import('./lib/NAME.mjs')`. */
const lazyCommandsPlugin = {
  name: 'ccbell-lazy-commands',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => {
      if (!args.importer.endsWith('/src/cli/main.ts')) return undefined;
      const name = args.path.slice('./commands/'.length, -'.js'.length);
      if (!LAZY_COMMANDS.includes(name)) return undefined;
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `src/cli/main.ts must import ./commands/${name}.js lazily (import())` }] };
      }
      return { path: `./lib/${name}.mjs`, external: true };
    });
  },
};

const entry = `${outdir}ccbell.js`;
await writeFile(
  `${outdir}package.json`,
  `${JSON.stringify({ type: 'commonjs', private: true }, null, 2)}\n`,
);
const hookBuild = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: entry,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyCommandsPlugin],
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(entry, 0o755);

// The hook path must stay small: nothing of the MCP SDK, zod or the app may end up in it.
const hookInputs = Object.keys(hookBuild.metafile.inputs);
const intruder = hookInputs.find((input) =>
  /node_modules\/|src\/app\/|src\/approval\/mcp-server|src\/cli\/commands\/(?!hook\.ts)/.test(input),
);
if (intruder) throw new Error(`build: ${intruder} ended up in dist/ccbell.js, the hook path`);

await build({
  entryPoints: Object.fromEntries(LAZY_COMMANDS.map((name) => [name, `src/cli/commands/${name}.ts`])),
  outdir: `${outdir}lib`,
  outExtension: { '.js': '.mjs' },
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

await makeSounds(new URL('../sounds/', import.meta.url).pathname);
