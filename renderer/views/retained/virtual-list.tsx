// A list that may hold a handful of topics or a hundred thousand: fixed-height rows,
// only those in view rendered, every one reachable by scrolling (none left out).
import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualListProps<T> {
  items: readonly T[];
  label: string;
  rowHeight: number;
  /** The box grows with its rows up to this height, then scrolls. */
  maxHeight: number;
  className?: string;
  itemKey(item: T, index: number): string | number;
  render(item: T): ReactNode;
}

export function VirtualList<T>({ items, label, rowHeight, maxHeight, className, itemKey, render }: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    useFlushSync: false,
    // Rendered before the first measurement (a dialog not yet open): the rows of the box's height.
    initialRect: { width: 0, height: maxHeight },
  });
  const total = virtualizer.getTotalSize();
  return (
    <div className={`virtual-list${className ? ` ${className}` : ''}`} ref={scrollRef} style={{ height: Math.min(total, maxHeight) }}>
      <ul aria-label={label} style={{ height: total }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={itemKey(items[item.index], item.index)}
            aria-setsize={items.length}
            aria-posinset={item.index + 1}
            style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
          >
            {render(items[item.index])}
          </li>
        ))}
      </ul>
    </div>
  );
}
