// argv → command. Bundled with the hook handler into one CommonJS file (dist/lib/cli.cjs) because
// the hook runs on every Claude Code event; every other command is a bundle of its own
// (dist/lib/NAME.cjs), loaded only when asked for. src/cli/launch.ts (dist/ccbell.js) runs this.
import { join } from 'node:path';
import { errorKind, messageOf } from '../errors.js';
import { INSTANCE_COMMAND_WORDS } from '../instance/names.js';
import { type ParsedArgs, parseArgs, stringFlag } from './args.js';
import { runHook } from './commands/hook.js';
import type { CliContext } from './context.js';
import { HELP } from './help.js';

type Command = (args: ParsedArgs, context: CliContext) => Promise<number>;

// Each import() here becomes a require() of dist/lib/NAME.cjs, with Node's compile cache on
// (scripts/build.mjs).
const COMMANDS: Record<string, () => Promise<Command>> = {
  instance: async () => (await import('./commands/instance.js')).runInstance,
  setup: async () => (await import('./commands/setup.js')).runSetup,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  service: async () => (await import('./commands/service.js')).runService,
  app: async () => (await import('./commands/app.js')).runApp,
  'approval-server': async () => (await import('./commands/approval-server.js')).runApprovalServerCommand,
  'mcp-config': async () => (await import('./commands/mcp-config.js')).runMcpConfig,
  pending: async () => (await import('./commands/pending.js')).runPending,
  answer: async () => (await import('./commands/answer.js')).runAnswer,
  inbox: async () => (await import('./commands/inbox.js')).runInbox,
  // Hidden: the detached helper a hook starts to deliver webhook channels (src/channels).
  deliver: async () => (await import('./commands/deliver.js')).runDeliver,
  focus: async () => (await import('./commands/focus.js')).runFocus,
  'permission-request': async () => (await import('./commands/permission-request.js')).runPermissionRequest,
};

/**
 * How a run ended: its exit code, and when the hook handler handled an event, the code paths
 * it went down (launch.ts writes the code cache for them).
 */
export interface CliOutcome {
  code: number;
  codePaths?: readonly string[];
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<CliOutcome> {
  const args = parseArgs(argv);
  if (args.flags.version) {
    context.stdout(`${process.env.CCBELL_VERSION ?? '0.1.0'}\n`);
    return { code: 0 };
  }
  if (args.flags.help || args.positionals[0] === 'help') {
    context.stdout(HELP);
    return { code: 0 };
  }
  // The seed's spelling: `ccbell --instance list`, `ccbell --instance create test --config x`.
  const instanceFlag = stringFlag(args, 'instance');
  if (instanceFlag && (INSTANCE_COMMAND_WORDS as readonly string[]).includes(instanceFlag)) {
    delete args.flags.instance;
    args.positionals.unshift('instance', instanceFlag);
  }
  const name = args.positionals[0];
  const load = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load) {
    args.positionals.shift();
    return { code: await (await load())(args, context) };
  }
  return runHook(args, context);
}

/** The one top-level catch: typed errors become one stderr line and exit 1. Never exit 2. */
export async function main(argv: readonly string[], context: CliContext): Promise<CliOutcome> {
  try {
    const outcome = await dispatch(argv, context);
    return outcome.code === 2 ? { ...outcome, code: 1 } : outcome;
  } catch (error) {
    // By brand, not instanceof: a lazily loaded command throws its own bundle's copy of the classes.
    const known = errorKind(error) !== undefined;
    context.stderr(`ccbell: ${known ? messageOf(error) : `unexpected error: ${messageOf(error)}`}\n`);
    if (!known && process.env.CCBELL_DEBUG) context.stderr(`${(error as Error).stack}\n`);
    return { code: 1 };
  }
}

/**
 * Writes to stdout or stderr until its reader is gone, then drops what follows. Node reports a
 * closed pipe (`ccbell doctor | head -1`) as an 'error' event that would end the process with
 * a stack trace; instead the command carries on (a hook still notifies) and exits with its own
 * code. Any other error of these streams means the same: there is nowhere left to write.
 */
function writerTo(open: () => NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  let stream: NodeJS.WriteStream | undefined;
  return (text) => {
    // process.stdout and process.stderr are built on first use (about 2 ms for a pipe): a hook
    // that prints nothing never builds them.
    if (!stream) {
      stream = open();
      stream.on('error', () => {
        gone = true;
      });
    }
    if (!gone) stream.write(text);
  };
}

/** The context of a real run: this process's environment and output, ccbell installed at `packageRoot`. */
export function processContext(packageRoot: string): CliContext {
  return {
    packageRoot,
    cliPath: join(packageRoot, 'dist', 'ccbell.js'),
    env: process.env,
    stdout: writerTo(() => process.stdout),
    stderr: writerTo(() => process.stderr),
  };
}
