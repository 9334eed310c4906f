#!/bin/sh
# The plugin's hook entry: runs the plugin's copy of the built CLI with node directly (no npx:
# it costs ~350 ms). dist/ here is written by the ccbell build (scripts/plugin-payload.mjs) and
# committed; should it be missing, the hook stays silent instead of failing Claude Code's hooks.
root=$(dirname "$0")/..
if [ ! -f "$root/dist/ccbell.js" ]; then
  echo "ccbell: the plugin has no dist/ccbell.js; reinstall it, or run \"npm run build\" in its checkout" >&2
  exit 0
fi
exec node "$root/dist/ccbell.js" "$@"
