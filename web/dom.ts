// What the pages share: the events' names in words, and one way of making DOM: attributes as attributes, children as nodes or text, never
// HTML (the servers' CSP forbids inline code anyway).

export type Child = Node | string | undefined | false;

/** Makes an element; `text` sets its text content, other attributes are set as attributes. */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Each event as the pages say it. */
export const EVENT_NAMES: Record<string, string> = {
  stop: 'finished',
  idle_prompt: 'waiting for input',
  permission_prompt: 'needs permission',
  permission_request: 'permission request',
  subagent: 'subagent done',
  session_start: 'session started',
  session_end: 'session ended',
  permission_denied: 'blocked by auto mode',
  stop_failure: 'ended on an error',
  elicitation_dialog: 'an MCP server asks',
  agent_needs_input: 'an agent needs input',
  agent_completed: 'agent done',
  auth_success: 'signed in',
};
