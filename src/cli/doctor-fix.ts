// `doctor --fix`: the repairs that are safe to make without asking. Internal to `ccbell doctor`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type HookRepair, readSettings, repairHooks, writeSettings } from '../claude/index.js';
import { messageOf } from '../errors.js';
import { claudeConfigDir } from '../instance/index.js';
import type { CliContext } from './context.js';
import type { Finding, InstanceLookup } from './doctor-hooks.js';

/** "Stop, SubagentStop" of a set of repairs, each event once. */
const events = (repairs: HookRepair[]) => [...new Set(repairs.map((r) => r.hookEvent))].join(', ');

/** One line per kind of change, per instance (and per old path). */
function describe(repairs: HookRepair[], path: string): string[] {
  const lines = new Map<string, HookRepair[]>();
  for (const repair of repairs) {
    const key =
      repair.kind === 'removed-orphan'
        ? `x${repair.instance}`
        : `${repair.kind}${repair.instance}\n${repair.from}`;
    lines.set(key, [...(lines.get(key) ?? []), repair]);
  }
  return [...lines.values()].map((same) => {
    const first = same[0]!;
    if (first.kind === 'removed-orphan')
      return `removed the hooks of "${first.instance}", which no longer exists, from ${path} (${events(same)})`;
    return `pointed the hooks of "${first.instance}" in ${path} at ${first.kind === 'node' ? 'node' : 'ccbell'} ${first.to}, was ${first.from} (${events(same)})`;
  });
}

/**
 * Repairs the ccbell hooks of the user's settings and the project's local settings (the cwd's
 * .claude/settings.local.json; a project's shared settings.json is left to the person): stale
 * node and CLI paths, and hooks of instances that are gone. Each changed file is written
 * atomically, the previous one kept as `.ccbell-backup`; a broken file is never written.
 */
export function fixHooks(context: CliContext, instances: InstanceLookup): Finding[] {
  const paths = [
    join(claudeConfigDir(context.env), 'settings.json'),
    join(process.cwd(), '.claude', 'settings.local.json'),
  ];
  const findings: Finding[] = [];
  for (const path of new Set(paths)) {
    let file: ReturnType<typeof readSettings>;
    try {
      file = readSettings(path);
    } catch (error) {
      findings.push({
        ok: false,
        what: `not fixed: ${messageOf(error)}`,
        fix: 'fix the file by hand, then run "ccbell doctor --fix" again',
      });
      continue;
    }
    if (!file.exists || !file.settings.hooks) continue;
    const { hooks, repairs } = repairHooks(file.settings.hooks, {
      isKnown: (name) => instances.find(name) !== undefined,
      exists: existsSync,
      nodePath: process.execPath,
      cliPath: context.cliPath,
    });
    if (repairs.length === 0) continue;
    const next = { ...file.settings, hooks };
    if (Object.keys(hooks).length === 0) delete (next as { hooks?: unknown }).hooks;
    const backup = writeSettings(file, next);
    for (const what of describe(repairs, path)) {
      findings.push({ ok: true, fixed: true, what: `${what}; previous file kept as ${backup}` });
    }
  }
  return findings;
}
