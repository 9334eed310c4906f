// Writes the Claude Code plugin's payload: the files its hooks run, copied from a build into
// plugin/. Claude Code copies a plugin's whole directory into its cache and runs no npm install,
// so plugin/ holds only what the hooks need, and it is committed: a marketplace added from a git
// URL gets the plugin from git, where dist/ (gitignored) is not (docs/plugin.md).
// Run by scripts/build.mjs after the bundles and sounds are written.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The hook path, relative to the package root: the entry, the one bundle it runs for every
 * event, the helpers a hook may start detached (`ccbell deliver` for webhook channels, issue 10;
 * `ccbell focus` for a notification's click, docs/focus.md), the bus client a hook tells its
 * session's app with (only under an app), the NATS transport a hook loads
 * only when its session's app is on another machine (docs/remote.md), and the file that makes
 * dist/ CommonJS. No other command's bundle.
 */
export const PLUGIN_DIST_FILES = Object.freeze([
  'dist/ccbell.js',
  'dist/lib/cli.cjs',
  'dist/lib/deliver.cjs',
  'dist/lib/focus.cjs',
  'dist/lib/forward.cjs',
  'dist/lib/remote.cjs',
  'dist/package.json',
]);

/**
 * Replaces `pluginDir`'s dist/ and sounds/ with copies of the hook path and the bundled sounds
 * from `packageRoot`. Everything else in `pluginDir` (manifest, hooks) is left as it is.
 */
export async function writePluginPayload(packageRoot, pluginDir) {
  await rm(join(pluginDir, 'dist'), { recursive: true, force: true });
  await rm(join(pluginDir, 'sounds'), { recursive: true, force: true });
  await mkdir(join(pluginDir, 'dist', 'lib'), { recursive: true });
  await mkdir(join(pluginDir, 'sounds'));
  for (const file of PLUGIN_DIST_FILES) {
    await copyFile(join(packageRoot, file), join(pluginDir, file));
  }
  const sounds = (await readdir(join(packageRoot, 'sounds'))).filter((name) => name.endsWith('.wav'));
  for (const sound of sounds) {
    await copyFile(join(packageRoot, 'sounds', sound), join(pluginDir, 'sounds', sound));
  }
}
