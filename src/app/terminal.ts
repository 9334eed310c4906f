// Door: the app's terminal. Prints the feed and each request, and, when no child holds the
// terminal, asks y / n [reason] / a (always this session) for the oldest pending request.
// Answers from elsewhere move it to the next one.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type ApprovalItem, type Core, type FeedEntry, sessionLabel } from '../core/index.js';
import { shortSession, toolLabel } from '../events/index.js';
import { type AnswerMessage, parseAnswer } from '../protocol/index.js';

export interface TerminalOptions {
  instance: string;
  /** Where the app's lines go (stderr when the terminal is the app's; the log when a child holds it). */
  write: (text: string) => void;
  /** The terminal to read answers from; undefined when a child holds it. */
  input?: Readable;
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

/** `api (main) · a2253762`: where a request waits. */
function placeOf(item: ApprovalItem): string {
  const session = shortSession(item.sessionId);
  const place = item.cwd ? sessionLabel(item.cwd) : 'unknown directory';
  // A request from another machine (through the broker) says which.
  const where = item.host ? `${place} on ${item.host}` : place;
  return session ? `${where} · ${session}` : where;
}

function card(item: ApprovalItem, instance: string): string {
  return `[ccbell ${instance}] request ${item.id} (${item.risk} risk) · ${placeOf(item)}\n    ${toolLabel(item.toolName, item.input)}\n`;
}

function outcomeOf(item: ApprovalItem): string {
  if (item.decision)
    return `${item.decision.behavior === 'allow' ? 'allowed' : 'denied'} ${item.decision.by === 'phone' ? 'from the phone' : `by ${item.decision.by}`}`;
  return item.settled?.by === 'claude-code' ? 'answered in Claude Code' : `settled: ${item.settled?.by}`;
}

/**
 * Reads one typed answer: y, n [reason], a (always this session), e JSON (allow with this
 * input instead); undefined when it is none of them or the JSON is not an input.
 */
export function answerOfLine(line: string): AnswerMessage | undefined {
  const [word = '', ...rest] = line.trim().split(/\s+/);
  const reply = word.toLowerCase();
  if (['e', 'edit'].includes(reply)) {
    try {
      return parseAnswer({ behavior: 'allow', updated_input: JSON.parse(line.trim().slice(word.length)) });
    } catch {
      return undefined;
    }
  }
  if (['y', 'yes', 'allow'].includes(reply)) return { behavior: 'allow' };
  if (['a', 'always'].includes(reply)) return { behavior: 'allow', always: true };
  if (['n', 'no', 'deny'].includes(reply)) {
    const message = rest.join(' ');
    return { behavior: 'deny', ...(message ? { message } : {}) };
  }
  return undefined;
}

/** Attaches the terminal door to the core; returns a function that detaches it. */
export function attachTerminal(core: Core, options: TerminalOptions): () => void {
  const { instance, write, input } = options;
  const book = core.desk.book;
  let asking: ApprovalItem | undefined;

  const askNext = () => {
    if (!input) return;
    asking = core.desk.pending()[0];
    if (asking)
      write(
        `${card(asking, instance)}    allow? [y]es, [n]o [reason], [a]lways this session, [e]dit JSON > `,
      );
  };
  const onFeed = (entry: FeedEntry) => {
    const session = shortSession(entry.sessionId);
    write(
      `[ccbell ${instance}] ${clock(entry.at)} ${entry.event} · ${entry.label}${session ? ` · ${session}` : ''}${entry.detail ? ` · ${entry.detail.slice(0, 80)}` : ''}\n`,
    );
  };
  const onAdded = (item: ApprovalItem) => {
    if (item.decision || item.settled) return;
    if (!input) {
      write(
        `${card(item, instance)}    answer on the page or with: ccbell answer ${item.id} allow|deny --instance ${instance}\n`,
      );
    } else if (!asking) askNext();
  };
  const onAnswered = (item: ApprovalItem) => {
    write(`[ccbell ${instance}] request ${item.id} ${outcomeOf(item)}\n`);
    if (asking?.id === item.id) askNext();
  };

  const stopFeed = core.feed.listen(onFeed);
  book.on('added', onAdded);
  book.on('answered', onAnswered);
  const lines = input ? createInterface({ input, terminal: false }) : undefined;
  lines?.on('line', (line) => {
    const item = asking;
    if (!item) return;
    const answer = answerOfLine(line);
    if (answer) core.desk.answer(item.id, answer, 'terminal');
    else write('    type y, n [reason], a, or e {"command": …} > ');
  });
  return () => {
    stopFeed();
    book.off('added', onAdded);
    book.off('answered', onAnswered);
    lines?.close();
  };
}
