// The process entry, built alone into dist/ccbell.js: the file hooks in Claude Code's settings
// run (`node …/dist/ccbell.js --instance NAME EVENT`). It is CommonJS (dist/package.json says
// so), which spares every hook Node's ES module loader, and it runs the CLI bundle
// (dist/lib/cli.cjs: main.ts and the hook handler) through a V8 code cache, so that a hook
// compiles next to nothing. Nothing here may import more than node: built-ins and code-cache.ts.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { codeCacheDir, requireWithCodeCache } from './code-cache.js';
import type * as Cli from './main.js';

// dist/ccbell.js: the package root is one level up.
const packageRoot = dirname(__dirname);
let home: string | undefined;
try {
  home = homedir();
} catch {
  // No home directory (no HOME, no passwd entry): run without the cache.
}
// The bundle requires built-ins and absolute paths only (scripts/build.mjs), so this file's own
// require() serves it.
const cli = requireWithCodeCache<typeof Cli>(
  join(__dirname, 'lib', 'cli.cjs'),
  codeCacheDir(process.env, process.platform, home),
  require,
);
// Leave by exit code, not by process.exit, so stdout is flushed; long-running commands (app,
// approval-server) only resolve when they are done. The cache is written after a hook handled an
// event, which is what it is for (a first run of `setup` would leave the hook's functions out),
// and again after one that went down a code path the cache lacked (code-cache.ts).
void cli.exports.main(process.argv.slice(2), cli.exports.processContext(packageRoot)).then((outcome) => {
  process.exitCode = outcome.code;
  if (outcome.codePaths) cli.save(outcome.codePaths);
});
