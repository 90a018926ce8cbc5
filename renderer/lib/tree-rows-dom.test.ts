import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeDocument, type FakeElement } from './fake-dom';
import { syncKeyedChildren } from './tree-rows-dom';

const doc = new FakeDocument();

function sync(container: FakeElement, keys: string[]): void {
  syncKeyedChildren<FakeElement, string>(
    container,
    keys.map((key) => ({ key, state: key })),
    (state) => {
      const el = doc.createElement('div');
      el.textContent = state;
      return el;
    },
    () => undefined,
  );
}

describe('syncKeyedChildren', () => {
  it('leaves the children in the order given, keeping the elements of keys that stay and never moving them', () => {
    // Keys stand for rows in tree order: any two lists keep the relative order of what they share.
    const keys = fc.uniqueArray(fc.nat(60), { maxLength: 40 }).map((k) => k.sort((a, b) => a - b).map(String));
    fc.assert(
      fc.property(keys, keys, (before, after) => {
        const container = doc.createElement('div');
        sync(container, before);
        const kept = new Map(container.children.map((el) => [el.textContent, el]));
        sync(container, after);
        expect(container.children.map((el) => el.textContent)).toEqual(after);
        for (const el of container.children) {
          const old = kept.get(el.textContent);
          if (old) {
            expect(el).toBe(old);
            expect(el.insertions).toBe(1);
          }
        }
      }),
    );
  });
});
