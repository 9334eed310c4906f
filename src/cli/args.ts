import { parsePortText, portProblem } from '../config/port.js';
import { UsageError } from '../errors.js';

/** Flags that take a value, and the boolean ones; anything else is a usage error. */
const VALUE_FLAGS = new Set([
  'instance',
  'config',
  'port',
  'message',
  'input',
  'cwd',
  'session',
  'remote-cli',
]);
const BOOLEAN_FLAGS = new Set([
  'json',
  'print',
  'fix',
  'remove',
  'approvals',
  'http',
  'open',
  'no-open',
  'accept-legacy',
  'always',
  'app-hook',
  'click',
  'remote',
  'help',
  'version',
]);
const SHORT: Record<string, string> = { h: 'help', v: 'version' };

/** argv as the commands see it: positionals, flags, and what follows `--` (a command to run). */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
  rest: string[];
}

/** A small argv parser: the hook path runs it on every event, so no library is loaded for it. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: {}, rest: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      parsed.rest = argv.slice(index + 1);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const short = /^-([a-z])$/.exec(arg)?.[1];
    const [rawName, inline] = arg.startsWith('--')
      ? splitOnce(arg.slice(2))
      : [short ? SHORT[short] : undefined];
    const name = rawName ?? '';
    if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      parsed.flags[name] = value;
    } else if (BOOLEAN_FLAGS.has(name) && inline === undefined) {
      parsed.flags[name] = true;
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(arg.slice(0, 60))} (see "ccbell --help")`);
    }
  }
  return parsed;
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The value of a string flag, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The `--port` flag, checked as appPort is (one rule everywhere): a fixed port 1024-65535, and 0
 * ("any free port") only where `allowAny` says so (`app --port`). Undefined when not given.
 */
export function portFlag(args: ParsedArgs, options: { allowAny?: boolean } = {}): number | undefined {
  const text = stringFlag(args, 'port');
  if (text === undefined) return undefined;
  const port = parsePortText(text);
  const problem = portProblem(port, options);
  if (problem) throw new UsageError(`--port ${problem} (got ${JSON.stringify(text.slice(0, 20))})`);
  return port;
}
