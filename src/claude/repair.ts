import { isAbsolute } from 'node:path';
import { splitCommandLine } from './command-line.js';
import { type HookEntry, type HooksSection, hookMarker, shellQuote } from './hooks.js';
import { markedInstance } from './wiring.js';

export interface RepairOptions {
  /** Whether an instance exists; hooks of one that does not are removed. */
  isKnown: (instance: string) => boolean;
  /** Whether a path exists; a ccbell hook's node or CLI that does not is replaced. */
  exists: (path: string) => boolean;
  nodePath: string;
  cliPath: string;
}

/** One change made: what kind, to which instance's hook, under which hook event. */
export type HookRepair =
  | { kind: 'removed-orphan'; instance: string; hookEvent: string }
  | { kind: 'node' | 'cli'; instance: string; hookEvent: string; from: string; to: string };

/** A ccbell command hook with its stale node or CLI path replaced, or undefined when none is stale. */
function repaired(
  entry: HookEntry,
  instance: string,
  hookEvent: string,
  options: RepairOptions,
  repairs: HookRepair[],
): HookEntry | undefined {
  if (typeof entry.command !== 'string') return undefined;
  const { words } = splitCommandLine(entry.command);
  if (words.length < 2) return undefined;
  const stale = (path: string) => isAbsolute(path) && !options.exists(path);
  const next = [...words];
  if (stale(words[0]!)) {
    next[0] = options.nodePath;
    repairs.push({ kind: 'node', instance, hookEvent, from: words[0]!, to: options.nodePath });
  }
  if (stale(words[1]!)) {
    next[1] = options.cliPath;
    repairs.push({ kind: 'cli', instance, hookEvent, from: words[1]!, to: options.cliPath });
  }
  if (next[0] === words[0] && next[1] === words[1]) return undefined;
  // As hookCommand writes it, so that setup still recognises and replaces the hook.
  return { ...entry, command: `${next.map(shellQuote).join(' ')} ${hookMarker(instance)}` };
}

/**
 * What `doctor --fix` may change in a settings file's hooks, and nothing else: ccbell hooks of
 * instances that no longer exist are removed, and a ccbell command hook's node or CLI path that
 * is gone is pointed at the current one. Every other hook, group field and setting stays as is;
 * groups and events left empty are dropped.
 */
export function repairHooks(
  hooks: HooksSection,
  options: RepairOptions,
): { hooks: HooksSection; repairs: HookRepair[] } {
  const repairs: HookRepair[] = [];
  // A null prototype: a key "__proto__" in the person's settings stays a key.
  const result: HooksSection = Object.create(null);
  for (const [hookEvent, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) {
      result[hookEvent] = groups;
      continue;
    }
    const kept = groups
      .map((group) => {
        if (!Array.isArray(group?.hooks)) return group;
        const entries: HookEntry[] = [];
        for (const entry of group.hooks) {
          const instance = typeof entry === 'object' && entry !== null ? markedInstance(entry) : undefined;
          if (instance === undefined) entries.push(entry);
          else if (!options.isKnown(instance)) repairs.push({ kind: 'removed-orphan', instance, hookEvent });
          else entries.push(repaired(entry, instance, hookEvent, options, repairs) ?? entry);
        }
        // A group emptied here goes; one that was empty already is the person's and stays.
        return entries.length === 0 && group.hooks.length > 0 ? undefined : { ...group, hooks: entries };
      })
      .filter((group) => group !== undefined);
    if (kept.length > 0 || groups.length === 0) result[hookEvent] = kept;
  }
  return { hooks: result, repairs };
}
