// The inbox page: every app's pending requests and newest events, asked for once a second.
// Plain DOM; all data goes in as text, never as HTML (the CSP forbids inline code anyway).
import type { InboxApp, InboxSnapshot } from '../src/inbox/inbox.js';
import type { ItemView } from '../src/protocol/control.js';
import { EVENT_NAMES, el } from './dom.js';

const POLL_MS = 1000;
const FEED_LIMIT = 100;

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const ui = {
  conn: byId('conn'),
  apps: byId('apps'),
  problems: byId('problems'),
  pending: byId('pending'),
  pendingCount: byId('pending-count'),
  pendingEmpty: byId('pending-empty'),
  feed: byId('feed'),
  feedEmpty: byId('feed-empty'),
  announce: byId('announce'),
};
/** Cards on screen by `app key/request id`, kept across polls so focus and typing survive. */
const cards = new Map<string, HTMLElement>();

/** `work · devbox · api (main) · a2253762`: which app, which machine, which session. */
function whereOf(app: InboxApp, item: ItemView): string {
  const itemHost = (item as ItemView & { host?: string }).host;
  const host = itemHost || app.host;
  return [app.instance, host || undefined, item.place, item.session_id?.slice(0, 8)]
    .filter(Boolean)
    .join(' · ');
}

async function answer(app: InboxApp, item: ItemView, behavior: 'allow' | 'deny', card: HTMLElement) {
  card.querySelectorAll('button').forEach((button) => {
    button.disabled = true;
  });
  const response = await fetch('/api/answer', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ app: app.key, id: item.id, answer: { behavior } }),
  }).catch(() => undefined);
  const note = card.querySelector('.error') as HTMLElement;
  if (response?.ok) {
    ui.announce.textContent = `${behavior === 'allow' ? 'Allowed' : 'Denied'}: ${item.summary}`;
    card.remove();
    return;
  }
  note.textContent = response
    ? `not sent: ${((await response.json().catch(() => ({}))) as { error?: string; reason?: string }).error ?? 'already answered'}`
    : 'not sent: the inbox is not reachable';
  card.querySelectorAll('button').forEach((button) => {
    button.disabled = false;
  });
}

function buildCard(app: InboxApp, item: ItemView): HTMLElement {
  const card = el(
    'article',
    { class: `card level-${item.risk}`, 'data-app': app.key, 'data-id': item.id },
    el(
      'div',
      { class: 'card-head' },
      el('span', { class: 'where', text: whereOf(app, item) }),
      el('span', { class: `risk risk-${item.risk}`, text: `${item.risk} risk` }),
    ),
    el('p', { class: 'summary', text: `${item.tool_name}: ${item.summary}` }),
    el('div', { class: 'actions' }),
    el('p', { class: 'error', role: 'alert' }),
  );
  const actions = card.querySelector('.actions') as HTMLElement;
  const allow = el('button', { type: 'button', class: 'allow', text: 'Allow' });
  const deny = el('button', { type: 'button', class: 'deny', text: 'Deny' });
  allow.addEventListener('click', () => void answer(app, item, 'allow', card));
  deny.addEventListener('click', () => void answer(app, item, 'deny', card));
  actions.append(allow, deny);
  return card;
}

function render(snapshot: InboxSnapshot) {
  ui.apps.textContent = snapshot.apps.length
    ? `: ${snapshot.apps.map((app) => (app.host ? `${app.instance}@${app.host}` : app.instance)).join(', ')}`
    : ': none is running';
  ui.problems.replaceChildren(
    ...snapshot.problems.map((problem) => el('li', { class: 'error', text: problem })),
  );
  const seen = new Set<string>();
  for (const app of snapshot.apps) {
    for (const item of app.pending) {
      const key = `${app.key}/${item.id}`;
      seen.add(key);
      if (!cards.has(key)) {
        const card = buildCard(app, item);
        cards.set(key, card);
        ui.pending.append(card);
      }
    }
  }
  for (const [key, card] of cards) {
    if (!seen.has(key)) {
      card.remove();
      cards.delete(key);
    }
  }
  ui.pendingCount.textContent = cards.size ? `(${cards.size})` : '';
  ui.pendingEmpty.hidden = cards.size > 0;
  document.title = `${cards.size ? `(${cards.size}) ` : ''}ccbell inbox`;
  const events = snapshot.apps
    .flatMap((app) => app.feed.map((entry) => ({ app, entry })))
    .sort((a, b) => b.entry.at - a.entry.at)
    .slice(0, FEED_LIMIT);
  ui.feed.replaceChildren(
    ...events.map(({ app, entry }) =>
      el(
        'li',
        { class: `event-${entry.event}` },
        el('time', { text: new Date(entry.at).toLocaleTimeString() }),
        ' ',
        el('span', {
          class: 'where',
          text: [app.instance, app.host, entry.label].filter(Boolean).join(' · '),
        }),
        ' ',
        el('span', {
          class: 'what',
          text: [EVENT_NAMES[entry.event] ?? entry.event, entry.detail].filter(Boolean).join(': '),
        }),
      ),
    ),
  );
  ui.feedEmpty.hidden = events.length > 0;
}

async function poll() {
  try {
    const response = await fetch('/api/inbox');
    if (!response.ok) throw new Error(String(response.status));
    render((await response.json()) as InboxSnapshot);
    ui.conn.textContent = 'live';
    ui.conn.className = 'conn conn-live';
  } catch {
    ui.conn.textContent = 'not connected (if the inbox restarted, open the address it printed)';
    ui.conn.className = 'conn conn-offline';
  }
  window.setTimeout(poll, POLL_MS);
}

void poll();
