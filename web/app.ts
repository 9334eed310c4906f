// The app's page: pending approvals as cards, recent answers, and the event feed, kept live over
// server-sent events. Plain DOM; every piece of data goes in through textContent, never as HTML
// (the server's CSP also forbids inline scripts and styles).

import type { AnswerBody, FeedEntry, PageItem, SessionInfo, Snapshot } from '../src/app/web/contract.js';
import { EVENT_NAMES, el } from './dom.js';

type Item = PageItem;
type Session = SessionInfo;
type Answer = AnswerBody;

const RISKS = ['low', 'medium', 'high', 'critical'];
const RECENT_LIMIT = 50;
const FEED_LIMIT = 200;

const items = new Map<string, Item>();
const cards = new Map<string, HTMLElement>();
/** Answers this page gave too late: id → who had answered first. */
const lateNotes = new Map<string, string>();
let feed: FeedEntry[] = [];
let sessions: Session[] = [];
let instance = '';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  instance: byId('instance'),
  runtime: byId('runtime'),
  conn: byId('conn'),
  notify: byId<HTMLButtonElement>('notify'),
  notifyState: byId('notify-state'),
  sessions: byId('sessions'),
  sessionsEmpty: byId('sessions-empty'),
  pendingTitle: byId('pending-title'),
  pendingCount: byId('pending-count'),
  pendingEmpty: byId('pending-empty'),
  pending: byId('pending'),
  recent: byId('recent'),
  recentEmpty: byId('recent-empty'),
  feed: byId('feed'),
  feedEmpty: byId('feed-empty'),
  announce: byId('announce'),
};

function clock(value: string | number): HTMLElement {
  const date = new Date(value);
  const valid = !Number.isNaN(date.getTime());
  return el('time', {
    datetime: valid ? date.toISOString() : '',
    text: valid
      ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
      : '?',
  });
}

const shortId = (id: string) => id.slice(0, 8);
const riskOf = (item: Item) => (RISKS.includes(item.risk) ? item.risk : 'medium');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function announce(text: string) {
  // A fresh text node each time, so that repeating the same words is announced again.
  ui.announce.textContent = '';
  window.setTimeout(() => {
    ui.announce.textContent = text;
  }, 50);
}

// ---- Header: instance, connection, sessions -------------------------------------------------

function setConnection(state: 'connecting' | 'live' | 'reconnecting' | 'offline') {
  const text = {
    connecting: 'connecting…',
    live: 'live',
    reconnecting: 'reconnecting…',
    offline: 'not connected (if the app restarted, open the address it printed)',
  }[state];
  if (ui.conn.textContent === text) return;
  ui.conn.textContent = text;
  ui.conn.className = `conn conn-${state}`;
}

function renderSessions() {
  const list = [...sessions].sort((a, b) => b.lastEventAt - a.lastEventAt);
  ui.sessions.replaceChildren(
    ...list.map((session) =>
      el(
        'li',
        { class: session.ended ? 'chip ended' : 'chip', title: session.cwd ?? '' },
        el('span', { class: 'label', text: session.label }),
        ' ',
        el('code', { class: 'sid', text: shortId(session.sessionId) }),
        session.ended && el('span', { class: 'muted', text: ' · ended' }),
      ),
    ),
  );
  ui.sessionsEmpty.hidden = list.length > 0;
}

function renderTitle() {
  const waiting = cards.size;
  ui.pendingCount.textContent = waiting ? `(${waiting})` : '';
  document.title = `${waiting ? `(${waiting}) ` : ''}ccbell ${instance}`.trim();
  ui.pendingEmpty.hidden = waiting > 0;
}

// ---- Pending requests --------------------------------------------------------------------

function buildCard(item: Item): HTMLElement {
  const risk = riskOf(item);
  const key = `r-${item.id}`;
  const reason = el('input', {
    type: 'text',
    class: 'reason',
    placeholder: 'reason (optional)',
    'aria-label': `Reason for denying ${item.tool_name}`,
    maxlength: '4000',
  }) as HTMLInputElement;
  const allow = el('button', { type: 'button', class: 'allow', text: 'Allow' });
  const deny = el('button', { type: 'button', class: 'deny', text: 'Deny' });
  const always = el('button', { type: 'button', class: 'quiet', text: 'Always allow this for the session' });
  // Brings the session's terminal (tmux pane, window) forward: docs/focus.md.
  const goTo = item.session_id
    ? el('button', { type: 'button', class: 'quiet go-to', text: 'Go to session' })
    : undefined;
  const editToggle = el('button', {
    type: 'button',
    class: 'quiet edit-toggle',
    text: 'Allow with edited input…',
    'aria-expanded': 'false',
    'aria-controls': `${key}-edit`,
  });
  const json = JSON.stringify(item.input, null, 2);
  const textarea = el('textarea', {
    id: `${key}-json`,
    class: 'json',
    spellcheck: 'false',
    rows: String(Math.min(18, Math.max(4, json.split('\n').length + 1))),
  }) as HTMLTextAreaElement;
  textarea.value = json;
  const editError = el('p', { class: 'error', role: 'alert', id: `${key}-edit-error` });
  editError.hidden = true;
  const sendEdited = el('button', { type: 'button', class: 'allow', text: 'Allow with this input' });
  const cancelEdit = el('button', { type: 'button', class: 'quiet', text: 'Cancel' });
  const editPanel = el(
    'div',
    { class: 'edit', id: `${key}-edit` },
    el('label', { for: `${key}-json`, text: 'Input to run with (a JSON object)' }),
    textarea,
    editError,
    el('div', { class: 'actions' }, sendEdited, cancelEdit),
  );
  editPanel.hidden = true;
  const status = el('p', { class: 'error', role: 'alert' });
  status.hidden = true;

  const card = el(
    'article',
    {
      class: `card level-${risk}`,
      tabindex: '0',
      'data-id': item.id,
      'aria-labelledby': `${key}-title`,
      'aria-describedby': `${key}-summary`,
      'aria-keyshortcuts': 'Enter Escape',
    },
    el(
      'div',
      { class: 'card-head' },
      el('h3', { id: `${key}-title`, class: 'tool', text: item.tool_name }),
      el('span', { class: `risk risk-${risk}`, text: `${risk} risk` }),
      el('span', { class: 'spacer' }),
      el(
        'span',
        { class: 'muted where' },
        item.label,
        // A request from another machine (issue 12) says which.
        item.host && ` · on ${item.host}`,
        item.session_id && ` · ${shortId(item.session_id)}`,
        ' · ',
        clock(item.created_at),
      ),
    ),
    el('p', { id: `${key}-summary`, class: 'summary', text: item.summary || '(no summary)' }),
    el('pre', { class: 'input', 'aria-label': 'Full input', text: json }),
    el(
      'div',
      { class: 'actions' },
      allow,
      el('span', { class: 'deny-group' }, reason, deny),
      always,
      editToggle,
      goTo,
    ),
    editPanel,
    status,
  );

  const fail = (message: string) => {
    status.textContent = message;
    status.hidden = false;
  };
  const send = (answer: Answer) => {
    status.hidden = true;
    void submit(item.id, answer, card, fail);
  };
  const denyNow = () =>
    send({ behavior: 'deny', ...(reason.value.trim() ? { message: reason.value.trim() } : {}) });
  allow.addEventListener('click', () => send({ behavior: 'allow' }));
  deny.addEventListener('click', denyNow);
  always.addEventListener('click', () => send({ behavior: 'allow', always: true }));
  goTo?.addEventListener('click', () => {
    status.hidden = true;
    void focusSession(item.session_id!, fail);
  });
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      denyNow();
    }
  });
  const showEdit = (open: boolean) => {
    editPanel.hidden = !open;
    editToggle.setAttribute('aria-expanded', String(open));
    if (open) textarea.focus();
    else editToggle.focus();
  };
  editToggle.addEventListener('click', () => showEdit(editPanel.hidden));
  cancelEdit.addEventListener('click', () => {
    editError.hidden = true;
    showEdit(false);
  });
  sendEdited.addEventListener('click', () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textarea.value);
    } catch (error) {
      parsed = error instanceof Error ? error : new Error(String(error));
    }
    const problem =
      parsed instanceof Error
        ? `Not valid JSON: ${parsed.message}`
        : isObject(parsed)
          ? undefined
          : 'The input must be a JSON object ({ … }), not an array, string or number.';
    if (problem) {
      editError.textContent = problem;
      editError.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', editError.id);
      textarea.focus();
      return;
    }
    editError.hidden = true;
    textarea.removeAttribute('aria-invalid');
    send({ behavior: 'allow', updated_input: parsed as Record<string, unknown> });
  });
  // Keys act on the card itself only: typing in its fields or pressing its buttons is left alone.
  card.addEventListener('keydown', (event) => {
    if (event.target !== card || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      send({ behavior: 'allow' });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      denyNow();
    }
  });
  return card;
}

async function focusSession(sessionId: string, fail: (message: string) => void) {
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/focus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: '{}',
    });
    if (response.status === 404)
      fail('No terminal is known for this session (its hooks have not run in one).');
    else if (!response.ok)
      fail('Could not bring the session forward (see "ccbell doctor" and docs/focus.md).');
    else announce('Brought the session forward.');
  } catch {
    fail('Could not reach the app. Is it still running?');
  }
}

async function submit(id: string, answer: Answer, card: HTMLElement, fail: (message: string) => void) {
  if (card.getAttribute('aria-busy') === 'true') return;
  const controls = Array.from(
    card.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input, textarea'),
  );
  card.setAttribute('aria-busy', 'true');
  for (const control of controls) control.disabled = true;
  const release = () => {
    card.removeAttribute('aria-busy');
    for (const control of controls) control.disabled = false;
  };
  let response: Response;
  let body: { request?: Item; error?: string } = {};
  try {
    response = await fetch(`/api/requests/${encodeURIComponent(id)}/answer`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(answer),
    });
    body = await response.json().catch(() => ({}));
  } catch {
    release();
    fail('Could not reach the app. Is it still running?');
    return;
  }
  release();
  if (response.ok && body.request) {
    upsert(body.request);
    announce(
      `${body.request.decision?.behavior === 'deny' ? 'Denied' : 'Allowed'} ${body.request.tool_name}.`,
    );
  } else if (response.status === 409 && body.request) {
    const first = body.request.decision;
    const settled = body.request.settled;
    const note = settled
      ? settled.by === 'claude-code'
        ? 'already answered in Claude Code'
        : 'nobody waits for it any more'
      : `already answered ${first?.by === 'phone' ? 'from the phone' : `by ${first?.by ?? 'someone else'}`}${first ? ` (${first.behavior})` : ''}`;
    lateNotes.set(id, note);
    upsert(body.request);
    renderRecent();
    announce(`${body.request.tool_name}: ${note}.`);
  } else {
    fail(`The app refused the answer: ${body.error ?? `HTTP ${response.status}`}`);
  }
}

/** Moves focus off a card that is about to go: to the next card, else the previous, else the heading. */
function handOnFocus(card: HTMLElement) {
  if (!card.contains(document.activeElement)) return;
  const next = (card.nextElementSibling ?? card.previousElementSibling) as HTMLElement | null;
  (next ?? ui.pendingTitle).focus();
}

function renderPending() {
  const waiting = [...items.values()]
    .filter((item) => closedAt(item) === undefined)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  const wanted = new Set(waiting.map((item) => item.id));
  for (const [id, card] of cards) {
    if (wanted.has(id)) continue;
    handOnFocus(card);
    card.remove();
    cards.delete(id);
  }
  // Cards already in place stay where they are (moving a node would drop its focus and text).
  let at = ui.pending.firstElementChild;
  for (const item of waiting) {
    let card = cards.get(item.id);
    if (!card) {
      card = buildCard(item);
      cards.set(item.id, card);
    }
    if (card === at) at = at.nextElementSibling;
    else ui.pending.insertBefore(card, at);
  }
  renderTitle();
}

// ---- Recent answers ----------------------------------------------------------------------

/** When an item ended: decided by ccbell, or settled elsewhere (answered in Claude Code). */
const closedAt = (item: Item) => item.decision?.at ?? item.settled?.at;

function settledRow(item: Item) {
  const settled = item.settled!;
  const what = settled.by === 'claude-code' ? 'answered in Claude Code' : 'nobody waits for it any more';
  return el(
    'li',
    { class: 'answer settled', 'data-id': item.id },
    el(
      'div',
      { class: 'line' },
      el('span', { class: 'verdict settled', text: 'settled' }),
      el('strong', { text: item.tool_name }),
      el('span', { class: 'by', text: what }),
      el('span', { class: 'muted' }, item.label, ' · ', clock(settled.at)),
    ),
    el('p', { class: 'summary', text: item.summary }),
  );
}

function renderRecent() {
  const answered = [...items.values()]
    .filter((item) => closedAt(item) !== undefined)
    .sort((a, b) => (closedAt(b) ?? '').localeCompare(closedAt(a) ?? ''))
    .slice(0, RECENT_LIMIT);
  ui.recent.replaceChildren(
    ...answered.map((item) => {
      if (!item.decision) return settledRow(item);
      const decision = item.decision;
      const allowed = decision.behavior === 'allow';
      const edited =
        allowed &&
        decision.updatedInput &&
        JSON.stringify(decision.updatedInput) !== JSON.stringify(item.input);
      const late = lateNotes.get(item.id);
      return el(
        'li',
        { class: `answer ${allowed ? 'allowed' : 'denied'}`, 'data-id': item.id },
        el(
          'div',
          { class: 'line' },
          el('span', {
            class: `verdict ${allowed ? 'allowed' : 'denied'}`,
            text: allowed ? 'allow' : 'deny',
          }),
          el('strong', { text: item.tool_name }),
          el('span', { class: 'by', text: decision.by === 'phone' ? 'from the phone' : `by ${decision.by}` }),
          el('span', { class: 'muted' }, item.label, ' · ', clock(decision.at)),
        ),
        el('p', { class: 'summary', text: item.summary }),
        decision.message && el('p', { class: 'muted', text: `reason: ${decision.message}` }),
        edited && el('p', { class: 'muted', text: 'with edited input' }),
        decision.sessionRule &&
          el('p', { class: 'muted', text: `always allowed for the session: ${decision.sessionRule}` }),
        late && el('p', { class: 'late', text: `Your answer came too late: ${late}.` }),
      );
    }),
  );
  ui.recentEmpty.hidden = answered.length > 0;
}

// ---- Event feed --------------------------------------------------------------------------

function feedRow(entry: FeedEntry): HTMLElement {
  return el(
    'li',
    { class: `event event-${entry.event.replace(/[^a-z_]/g, '')}` },
    el(
      'div',
      { class: 'line' },
      el('span', { class: 'muted' }, clock(entry.at)),
      el('strong', { class: 'what', text: EVENT_NAMES[entry.event] ?? entry.event }),
      el('span', { class: 'label', text: entry.label }),
      entry.sessionId && el('code', { class: 'sid', text: shortId(entry.sessionId) }),
    ),
    entry.detail && el('p', { class: 'detail', text: entry.detail }),
  );
}

function renderFeed() {
  ui.feed.replaceChildren(...feed.slice(-FEED_LIMIT).reverse().map(feedRow));
  ui.feedEmpty.hidden = feed.length > 0;
}

function addFeed(entry: FeedEntry) {
  feed.push(entry);
  if (feed.length > FEED_LIMIT) feed = feed.slice(-FEED_LIMIT);
  ui.feed.prepend(feedRow(entry));
  while (ui.feed.childElementCount > FEED_LIMIT) ui.feed.lastElementChild?.remove();
  ui.feedEmpty.hidden = true;
}

// ---- State -------------------------------------------------------------------------------

function upsert(item: Item) {
  const known = items.get(item.id);
  // An answered item never goes back to pending (events may arrive after the POST's reply).
  if (known && closedAt(known) !== undefined && closedAt(item) === undefined) return;
  items.set(item.id, item);
  renderPending();
  if (closedAt(item) !== undefined) renderRecent();
}

function applyState(state: Snapshot) {
  instance = state.instance;
  ui.instance.textContent = state.instance;
  ui.runtime.textContent = state.runtime_id;
  sessions = state.sessions;
  items.clear();
  for (const item of state.requests) items.set(item.id, item);
  feed = state.feed.slice(-FEED_LIMIT);
  renderSessions();
  renderPending();
  renderRecent();
  renderFeed();
}

// ---- Notifications -----------------------------------------------------------------------

const sound = new Audio('/sounds/permission_request.wav');
sound.preload = 'auto';

function renderNotifyButton() {
  if (!('Notification' in window)) return;
  const permission = Notification.permission;
  ui.notify.hidden = permission !== 'default';
  ui.notifyState.hidden = permission === 'default';
  ui.notifyState.textContent =
    permission === 'granted' ? 'notifications on' : 'notifications blocked (allow them in the browser)';
}

ui.notify.addEventListener('click', async () => {
  sound.load();
  await Notification.requestPermission().catch(() => undefined);
  renderNotifyButton();
});

/** The tab is in the background: a desktop notification (if allowed) and the request sound. */
function alertHidden(item: Item) {
  if ('Notification' in window && Notification.permission === 'granted') {
    const note = new Notification(`${item.tool_name} needs approval (${instance})`, {
      body: `${item.label}: ${item.summary}`,
      tag: `ccbell-${item.id}`,
    });
    note.addEventListener('click', () => {
      window.focus();
      cards.get(item.id)?.focus();
      note.close();
    });
  }
  sound.currentTime = 0;
  sound.play().catch(() => undefined);
}

// ---- Live updates ------------------------------------------------------------------------

function listen<T>(source: EventSource, name: string, handle: (data: T) => void) {
  source.addEventListener(name, (event) => {
    let data: T;
    try {
      data = JSON.parse((event as MessageEvent<string>).data) as T;
    } catch {
      return;
    }
    handle(data);
  });
}

function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('open', () => setConnection('live'));
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) return setConnection('reconnecting');
    // The server refused (it restarted with a new token, or stopped): keep trying, slowly.
    setConnection('offline');
    source.close();
    window.setTimeout(connect, 5000);
  });
  listen<Snapshot>(source, 'state', (state) => {
    setConnection('live');
    applyState(state);
  });
  listen<Item>(source, 'request', (item) => {
    upsert(item);
    if (closedAt(item) !== undefined) return;
    announce(`New request: ${item.tool_name} from ${item.label}: ${item.summary}`);
    if (document.hidden) alertHidden(item);
  });
  listen<Item>(source, 'answered', upsert);
  listen<FeedEntry>(source, 'feed', addFeed);
  listen<Session[]>(source, 'sessions', (list) => {
    sessions = list;
    renderSessions();
  });
}

renderNotifyButton();
renderTitle();
connect();
