import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ruleForSession } from '../approval/index.js';
import type { FeedEntry, RunningApp } from './app.js';
import type { ApprovalItem } from './requests.js';

export interface TerminalOptions {
  instance: string;
  /** Where the app's lines go (stderr: stdout belongs to the child command). */
  write: (text: string) => void;
  /** The terminal to read answers from; undefined when a child holds it. */
  input?: Readable;
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

function card(item: ApprovalItem, instance: string): string {
  const where = item.cwd ? ` in ${item.cwd}` : '';
  return `[ccbell ${instance}] request ${item.id}: ${item.toolName} (${item.risk} risk)${where}\n    ${item.summary}\n`;
}

/**
 * The app's terminal: prints the event feed and each request, and, when the terminal is free,
 * asks y/n/a for the oldest pending request. Answers from elsewhere move it to the next one.
 */
export function attachTerminal(app: RunningApp, options: TerminalOptions): () => void {
  const { instance, write, input } = options;
  let asking: ApprovalItem | undefined;

  const askNext = () => {
    if (!input) return;
    asking = app.book.pending()[0];
    if (asking) write(`${card(asking, instance)}    allow? [y]es, [n]o [reason], [a]lways this session > `);
  };
  const onFeed = (entry: FeedEntry) => {
    write(
      `[ccbell ${instance}] ${clock(entry.at)} ${entry.event} · ${entry.label}${entry.detail ? ` · ${entry.detail.slice(0, 80)}` : ''}\n`,
    );
  };
  const onAdded = (item: ApprovalItem) => {
    if (item.decision) return;
    if (!input) {
      write(
        `${card(item, instance)}    answer on the page or with: ccbell answer ${item.id} allow|deny --instance ${instance}\n`,
      );
    } else if (!asking) askNext();
  };
  const onAnswered = (item: ApprovalItem) => {
    const decision = item.decision!;
    write(
      `[ccbell ${instance}] request ${item.id} ${decision.behavior === 'allow' ? 'allowed' : 'denied'} by ${decision.by}\n`,
    );
    if (asking?.id === item.id) askNext();
  };

  app.onFeed.add(onFeed);
  app.book.on('added', onAdded);
  app.book.on('answered', onAnswered);
  const lines = input ? createInterface({ input, terminal: false }) : undefined;
  lines?.on('line', (line) => {
    const item = asking;
    if (!item) return;
    const [word = '', ...rest] = line.trim().split(/\s+/);
    const reply = word.toLowerCase();
    if (['y', 'yes', 'allow'].includes(reply)) app.answer(item.id, { behavior: 'allow' }, 'terminal');
    else if (['a', 'always'].includes(reply)) {
      const rule = ruleForSession(item.toolName, item.input, item.cwd ? { cwd: item.cwd } : {});
      app.answer(item.id, { behavior: 'allow', ...(rule ? { sessionRule: rule } : {}) }, 'terminal');
    } else if (['n', 'no', 'deny'].includes(reply)) {
      const message = rest.join(' ');
      app.answer(item.id, { behavior: 'deny', ...(message ? { message } : {}) }, 'terminal');
    } else write('    type y, n [reason] or a > ');
  });
  return () => {
    app.onFeed.delete(onFeed);
    app.book.off('added', onAdded);
    app.book.off('answered', onAnswered);
    lines?.close();
  };
}
