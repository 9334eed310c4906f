// The entry point: argv → command. The hook handler is bundled with this file into one CommonJS
// file, dist/ccbell.js, because it runs on every Claude Code event; every other command is built
// into ES module chunks (dist/lib/*.mjs) that are imported only when asked for (scripts/build.mjs).
import { dirname, join } from 'node:path';
import { errorKind, messageOf } from '../errors.js';
import { INSTANCE_COMMAND_WORDS } from '../instance/names.js';
import { type ParsedArgs, parseArgs, stringFlag } from './args.js';
import { runHook } from './commands/hook.js';
import type { CliContext } from './context.js';
import { HELP } from './help.js';

// This file runs only as dist/ccbell.js, a CommonJS file (dist/package.json says so, which spares
// every hook Node's ES module loader), so it has a __dirname; the package root is one level up.
const packageRoot = dirname(__dirname);

type Command = (args: ParsedArgs, context: CliContext) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  instance: async () => (await import('./commands/instance.js')).runInstance,
  setup: async () => (await import('./commands/setup.js')).runSetup,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  app: async () => (await import('./commands/app.js')).runApp,
  'approval-server': async () => (await import('./commands/approval-server.js')).runApprovalServerCommand,
  'mcp-config': async () => (await import('./commands/mcp-config.js')).runMcpConfig,
  pending: async () => (await import('./commands/pending.js')).runPending,
  answer: async () => (await import('./commands/answer.js')).runAnswer,
  'permission-request': async () => (await import('./commands/permission-request.js')).runPermissionRequest,
};

async function dispatch(argv: readonly string[], context: CliContext): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.version) {
    context.stdout(`${process.env.CCBELL_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  if (args.flags.help || args.positionals[0] === 'help') {
    context.stdout(HELP);
    return 0;
  }
  // The seed's spelling: `ccbell --instance list`, `ccbell --instance create test --config x`.
  const instanceFlag = stringFlag(args, 'instance');
  if (instanceFlag && (INSTANCE_COMMAND_WORDS as readonly string[]).includes(instanceFlag)) {
    delete args.flags.instance;
    args.positionals.unshift('instance', instanceFlag);
  }
  const name = args.positionals[0];
  const load = name ? COMMANDS[name] : undefined;
  if (load) {
    args.positionals.shift();
    return (await load())(args, context);
  }
  return runHook(args, context);
}

/** The one top-level catch: typed errors become one stderr line and exit 1. Never exit 2. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    return await dispatch(argv, context);
  } catch (error) {
    // By brand, not instanceof: a lazily loaded command throws its own bundle's copy of the classes.
    const known = errorKind(error) !== undefined;
    context.stderr(`ccbell: ${known ? messageOf(error) : `unexpected error: ${messageOf(error)}`}\n`);
    if (!known && process.env.CCBELL_DEBUG) context.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}

const context: CliContext = {
  packageRoot,
  cliPath: join(packageRoot, 'dist', 'ccbell.js'),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
// Leave by exit code, not by process.exit, so stdout is flushed; long-running commands
// (app, approval-server) only resolve when they are done. (No top-level await in CommonJS.)
void main(process.argv.slice(2), context).then((code) => {
  process.exitCode = code === 2 ? 1 : code;
});
