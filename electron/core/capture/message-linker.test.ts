import { describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../../shared/capture-contract';
import { MessageLinker } from './message-linker';

const flow = (topic: string, senderIsClient: boolean, startedAt: number) => ({ topic, senderIsClient, startedAt }) as FlowRecord;
const bytes = (n: number) => new TextEncoder().encode(`payload ${n}`);

describe('MessageLinker', () => {
  it('links a delivery to the publish of the same topic and bytes within ten seconds', () => {
    const linker = new MessageLinker();
    const id = linker.link(flow('a', true, 0), bytes(1));
    expect(linker.link(flow('a', false, 5), bytes(1))).toBe(id);
    expect(linker.link(flow('a', false, 5), bytes(2))).toBeNull();
    expect(linker.link(flow('b', false, 5), bytes(1))).toBeNull();
    expect(linker.link(flow('a', false, 10_001), bytes(1))).toBeNull();
  });

  it('stays bounded in a burst that outruns the window, forgetting the oldest first', () => {
    const linker = new MessageLinker();
    const ids: number[] = [];
    // 200,000 distinct messages in one second: none ages out, so size decides.
    for (let i = 0; i < 200_000; i++) {
      ids.push(linker.link(flow(`t/${i}`, true, i / 200), bytes(i))!);
      expect(linker.size).toBeLessThanOrEqual(50_000);
    }
    expect(linker.link(flow('t/199999', false, 1000), bytes(199_999))).toBe(ids[199_999]);
    expect(linker.link(flow('t/0', false, 1000), bytes(0))).toBeNull();
  });
});
