/** Children an element may be given: elements, text, or nothing (left out). */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children; the web app's only DOM helper. Text is always set as text,
 * never parsed as markup, so names and captions from the library cannot inject anything.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A button that runs `action` on click, disabled while it runs. */
export function button(label: string, action: () => Promise<void> | void, className = ''): HTMLButtonElement {
  const element = h('button', { type: 'button', class: className || undefined }, label);
  element.addEventListener('click', () => {
    element.disabled = true;
    void Promise.resolve()
      .then(action)
      .finally(() => {
        element.disabled = false;
      });
  });
  return element;
}
