// The pages' one way of making DOM: attributes as attributes, children as nodes or text, never
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
