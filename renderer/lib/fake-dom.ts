// A few DOM elements' worth of behaviour, enough for the tree's row code (tree-row-dom,
// tree-rows-dom) to run in unit tests without a browser, and a serialiser to compare results.

export class FakeElement {
  readonly attrs = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  children: FakeElement[] = [];
  parent: FakeElement | null = null;
  className = '';
  title = '';
  tabIndex = -1;
  private text: string | null = null;

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {}

  get firstChild(): FakeElement | null {
    return this.children[0] ?? null;
  }

  get nextSibling(): FakeElement | null {
    if (!this.parent) return null;
    return this.parent.children[this.parent.children.indexOf(this) + 1] ?? null;
  }

  get textContent(): string {
    return this.text ?? this.children.map((c) => c.textContent).join('');
  }

  set textContent(value: string) {
    this.replaceChildren();
    this.text = value;
  }

  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }

  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }

  append(...nodes: FakeElement[]): void {
    for (const n of nodes) this.insertBefore(n, null);
  }

  prepend(node: FakeElement): void {
    this.insertBefore(node, this.firstChild);
  }

  insertBefore(node: FakeElement, before: FakeElement | null): FakeElement {
    node.parent?.removeChild(node);
    this.text = null;
    const at = before ? this.children.indexOf(before) : this.children.length;
    this.children.splice(at, 0, node);
    node.parent = this;
    node.insertions++;
    return node;
  }

  removeChild(node: FakeElement): FakeElement {
    this.children.splice(this.children.indexOf(node), 1);
    node.parent = null;
    return node;
  }

  remove(): void {
    this.parent?.removeChild(this);
  }

  replaceChildren(...nodes: FakeElement[]): void {
    for (const c of [...this.children]) this.removeChild(c);
    this.text = null;
    this.append(...nodes);
  }

  /** How many times this node was put into a parent: more than once means it was moved. */
  insertions = 0;
}

export class FakeDocument {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag, this);
  }
}

/** The element as markup, attributes sorted, for comparing two trees. */
export function serialise(el: FakeElement): string {
  const attrs: string[] = [...el.attrs].map(([k, v]) => `${k}="${v}"`);
  if (el.className) attrs.push(`class="${el.className}"`);
  if (el.title) attrs.push(`title="${el.title}"`);
  if (el.tagName === 'div' && el.attrs.get('role') === 'treeitem') attrs.push(`tabindex="${el.tabIndex}"`);
  for (const [k, v] of Object.entries(el.dataset)) attrs.push(`data-${k}="${v}"`);
  for (const [k, v] of Object.entries(el.style)) attrs.push(`style.${k}="${v}"`);
  attrs.sort();
  const inner = el.children.length ? el.children.map(serialise).join('') : el.textContent;
  return `<${el.tagName} ${attrs.join(' ')}>${inner}</${el.tagName}>`;
}
