// Builds dist/. Every Claude Code event starts a hook process, so the hook path must start almost
// as fast as a bare `node -e 0` (docs/benchmarks.md). Hence, all CommonJS (dist/package.json says
// "commonjs"), because Node's ES module loader alone costs a hook more than ccbell's own code:
// - dist/ccbell.js: the entry (src/cli/launch.ts). Runs dist/lib/cli.cjs through a V8 code cache.
// - dist/lib/cli.cjs: argv → command, and the hook handler: ONE file, so nothing is resolved or
//   read but it on the hook path.
// - dist/lib/NAME.cjs: every other command (app, approval server, setup, …), one bundle each,
//   required only when asked for. Each has its own copy of the code it shares with the others
//   (src/errors.ts brands its classes so that main.ts still tells their kinds apart).
// - dist/web/: the app's page (browser ES modules).
// Then plugin/dist/ and plugin/sounds/: the Claude Code plugin's copy of the hook path
// (scripts/plugin-payload.mjs).
import { chmod, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { makeSounds } from './make-sounds.mjs';
import { writePluginPayload } from './plugin-payload.mjs';

const outdir = new URL('../dist/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await writeFile(`${outdir}package.json`, `${JSON.stringify({ type: 'commonjs', private: true }, null, 2)}\n`);

// Every file in src/cli/commands/ but the hook handler is a command main.ts imports lazily.
const COMMANDS = (await readdir('src/cli/commands'))
  .filter((file) => file.endsWith('.ts') && file !== 'hook.ts')
  .map((file) => file.slice(0, -'.ts'.length));

const NODE = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() becomes a require() wrapped in a promise: no ES module loader, ever (the code
  // cache's vm.Script could not run an import() without an experimental warning anyway).
  supported: { 'dynamic-import': false },
  sourcemap: false,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
};

/**
 * In dist/lib/cli.cjs, main.ts's `import('./commands/NAME.js')` becomes a small module that
 * turns on Node's compile cache (Node 22+; the commands' bundles are big: the app and the
 * approval server hold the MCP SDK) and requires dist/lib/NAME.cjs by absolute path, so that
 * the bundle needs no require() of its own place (src/cli/code-cache.ts).
 */
const lazyCommandsPlugin = {
  name: 'ccbell-lazy-commands',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => {
      if (!args.importer.endsWith('/src/cli/main.ts')) return undefined;
      const name = args.path.slice('./commands/'.length, -'.js'.length);
      if (!COMMANDS.includes(name)) return undefined;
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `src/cli/main.ts must import ./commands/${name}.js lazily (import())` }] };
      }
      return { path: name, namespace: 'ccbell-command' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'ccbell-command' }, (args) => ({
      loader: 'js',
      contents: `require('node:module').enableCompileCache?.();
module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(`${args.path}.cjs`)}));
`,
    }));
  },
};

/**
 * Code that only some runs need, behind an import(), gets a bundle of its own: in every bundle,
 * that import() becomes a require of dist/lib/BUNDLE.cjs by absolute path, made only when the
 * import() runs. So the hook path and every command stay as small as without it.
 * - remote: the NATS transport (src/bus/nats/, the NATS client with it), for an instance with a
 *   remote config;
 * - forward: the bus client a hook tells the app that launched its session with
 *   (src/approval/forward.ts), only under an app. V8 deserializes every function of a bundle
 *   from the code cache whether it runs or not, so a plain hook pays for code it holds.
 */
const LAZY_BUNDLES = [
  {
    bundle: 'remote',
    entry: 'src/bus/nats/index.ts',
    importer: '/src/bus/remote.ts',
    specifier: './nats/index.js',
  },
  {
    bundle: 'forward',
    entry: 'src/approval/forward.ts',
    importer: '/src/cli/commands/hook.ts',
    specifier: '../../approval/forward.js',
  },
];

const lazyBundlesPlugin = {
  name: 'ccbell-lazy-bundles',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      const lazy = LAZY_BUNDLES.find((l) => l.specifier === args.path && args.importer.endsWith(l.importer));
      if (!lazy) return undefined;
      if (args.kind !== 'dynamic-import') {
        return {
          errors: [{ text: `${lazy.importer.slice(1)} must import ${lazy.specifier} lazily (import())` }],
        };
      }
      return { path: lazy.bundle, namespace: 'ccbell-lazy' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'ccbell-lazy' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(`${args.path}.cjs`)}));\n`,
    }));
  },
};

/** Fails the build when a bundle holds an input matching `forbidden`. */
function assertInputs(result, bundle, forbidden) {
  const intruder = Object.keys(result.metafile.inputs).find((input) => forbidden.test(input));
  if (intruder) throw new Error(`build: ${intruder} ended up in ${bundle}`);
}

const entry = `${outdir}ccbell.js`;
const launcher = await build({
  ...NODE,
  entryPoints: ['src/cli/launch.ts'],
  outfile: entry,
  banner: { js: '#!/usr/bin/env node' },
});
assertInputs(launcher, 'dist/ccbell.js', /^(?!src\/cli\/(launch|code-cache)\.ts$)/);
await chmod(entry, 0o755);

const cli = await build({
  ...NODE,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${outdir}lib/cli.cjs`,
  plugins: [lazyCommandsPlugin, lazyBundlesPlugin],
});
// The hook path stays small: nothing of the MCP SDK, zod, the app, the approval rules or
// another command.
assertInputs(
  cli,
  'dist/lib/cli.cjs',
  /node_modules\/|src\/app\/|src\/approval\/(mcp-server|forward)|src\/bus\/|src\/rules\/|src\/cli\/commands\/(?!hook\.ts)/,
);
if (/\bimport\(/.test(await readFile(`${outdir}lib/cli.cjs`, 'utf8'))) {
  throw new Error(
    'build: dist/lib/cli.cjs has an import(); the code cache runs it without an ES module loader',
  );
}

const commands = await build({
  ...NODE,
  entryPoints: Object.fromEntries(COMMANDS.map((name) => [name, `src/cli/commands/${name}.ts`])),
  outdir: `${outdir}lib`,
  outExtension: { '.js': '.cjs' },
  plugins: [lazyBundlesPlugin],
});
assertInputs(commands, 'the commands', /node_modules\/@nats-io\//);

for (const lazy of LAZY_BUNDLES) {
  await build({
    ...NODE,
    entryPoints: { [lazy.bundle]: lazy.entry },
    outdir: `${outdir}lib`,
    outExtension: { '.js': '.cjs' },
    plugins: [lazyBundlesPlugin],
  });
}

// The app's page: one script and one stylesheet, served by the app itself (no CDN, strict CSP).
await build({
  entryPoints: { app: 'web/app.ts', inbox: 'web/inbox.ts' },
  outdir: `${outdir}web`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  logLevel: 'warning',
});
await copyFile('web/index.html', `${outdir}web/index.html`);
await copyFile('web/inbox.html', `${outdir}web/inbox.html`);
await copyFile('web/app.css', `${outdir}web/app.css`);
await makeSounds(new URL('../sounds/', import.meta.url).pathname);
// The Claude Code plugin (plugin/, committed) carries its own copy of the hook path and sounds.
await writePluginPayload(
  new URL('../', import.meta.url).pathname,
  new URL('../plugin/', import.meta.url).pathname,
);
