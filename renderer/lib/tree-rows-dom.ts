// Keeps the children of the block of tree rows in the order the view renders them, by
// key (a row's path), the way React reconciles a keyed list: elements that stay are
// patched where they are, and never moved, since the rows keep their order in the tree;
// the ones that went are removed first. The element that holds the focus therefore stays
// in the document for as long as it is rendered (tree-rendered keeps it rendered).

/** What a child is to be; create and patch build and update its element. */
export interface KeyedChild<S> {
  key: string;
  state: S;
}

export interface ChildNodes<E> {
  readonly firstChild: E | null;
  insertBefore(node: E, before: E | null): unknown;
  removeChild(node: E): unknown;
}

export interface ChildNode<E> {
  readonly nextSibling: E | null;
}

const keyOf = new WeakMap<object, string>();

export function syncKeyedChildren<E extends ChildNode<E> & object, S>(
  container: ChildNodes<E>,
  children: readonly KeyedChild<S>[],
  create: (state: S) => E,
  patch: (el: E, state: S) => void,
): void {
  const wanted = new Set(children.map((c) => c.key));
  const existing = new Map<string, E>();
  for (let el = container.firstChild; el !== null; ) {
    const next = el.nextSibling;
    const key = keyOf.get(el);
    if (key !== undefined && wanted.has(key) && !existing.has(key)) existing.set(key, el);
    else container.removeChild(el);
    el = next;
  }
  let cursor = container.firstChild;
  for (const c of children) {
    let el = existing.get(c.key);
    if (el) patch(el, c.state);
    else {
      el = create(c.state);
      keyOf.set(el, c.key);
    }
    if (el === cursor) cursor = cursor.nextSibling;
    else container.insertBefore(el, cursor);
  }
}
