#!/bin/sh
# The plugin's hook entry: runs the built CLI with node directly (no npx: it costs ~350 ms).
# A plugin checkout that was never built stays silent instead of failing Claude Code's hooks.
root=$(dirname "$0")/..
if [ ! -f "$root/dist/ccbell.js" ]; then
  echo "ccbell: not built; run \"npm install\" in $root" >&2
  exit 0
fi
exec node "$root/dist/ccbell.js" "$@"
