import { readFileSync } from 'node:fs';
import { askApp } from '../../app/client.js';
import { EnvironmentError, UsageError } from '../../errors.js';
import { type AnswerMessage, parseAnswer, parseAnswerReply } from '../../protocol/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { selectedInstance } from '../instance-context.js';

const USAGE =
  'usage: ccbell answer REQUEST_ID allow|deny [--message TEXT] [--always] [--input JSON|@FILE] [--instance NAME]';

/**
 * `ccbell answer REQUEST_ID allow|deny …`: answers from any terminal, with everything the page
 * can say: a reason for a deny, "always allow this for the session", an edited input.
 */
export async function runAnswer(args: ParsedArgs, context: CliContext): Promise<number> {
  const [id, behavior, extra] = args.positionals;
  if (!id || (behavior !== 'allow' && behavior !== 'deny') || extra !== undefined)
    throw new UsageError(USAGE);
  const instance = selectedInstance(args, context);
  const answer = answerOf(behavior, args);
  const reply = parseAnswerReply(
    await askApp(instance, context.env, { op: 'answer', id, answer, by: 'cli' }),
  );
  if (reply.ok) {
    const what = behavior === 'allow' ? (answer.always ? 'allowed for the session' : 'allowed') : 'denied';
    context.stdout(`${what}: request ${id} (${reply.item.tool_name}: ${reply.item.summary})\n`);
    return 0;
  }
  if (reply.reason === 'unknown')
    throw new UsageError(
      `no request ${JSON.stringify(id)} in instance "${instance.name}" (see "ccbell pending")`,
    );
  const { decision, settled } = reply.item;
  throw new EnvironmentError(
    settled
      ? `request ${id} was already ${settled.by === 'claude-code' ? 'answered in Claude Code' : `settled (${settled.by})`}`
      : `request ${id} was already answered: ${decision?.behavior ?? '?'} by ${decision?.by ?? '?'}`,
  );
}

/** The answer the flags describe, checked as the app will check it. */
function answerOf(behavior: 'allow' | 'deny', args: ParsedArgs): AnswerMessage {
  const message = stringFlag(args, 'message');
  const inputFlag = stringFlag(args, 'input');
  let updated: unknown;
  if (inputFlag !== undefined) {
    const text = inputFlag.startsWith('@') ? readInputFile(inputFlag.slice(1)) : inputFlag;
    try {
      updated = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--input is not JSON (${(error as Error).message})`, { cause: error });
    }
  }
  try {
    return parseAnswer({
      behavior,
      ...(message !== undefined ? { message } : {}),
      ...(updated !== undefined ? { updated_input: updated } : {}),
      ...(args.flags.always === true ? { always: true } : {}),
    });
  } catch (error) {
    throw new UsageError(`cannot answer so: ${(error as Error).message}`, { cause: error });
  }
}

function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--input @${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
      {
        cause: error,
      },
    );
  }
}
