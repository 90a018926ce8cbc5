import { describe, expect, it } from 'vitest';
import type { RetainedPage, RetainedRow } from '../../shared/retained-contract';
import { collectTopics } from './retained-topics';

function index(topics: string[]) {
  const calls: [number, number][] = [];
  const listPage = async (start: number, count: number): Promise<RetainedPage> => {
    calls.push([start, count]);
    const rows = topics.slice(start, start + count).map((topic) => ({ topic }) as RetainedRow);
    return { connectionId: 'c', filter: '#', search: '', start, total: topics.length, indexed: topics.length, rows, revision: 1 };
  };
  return { calls, listPage };
}

describe('collecting every topic of a result set', () => {
  it('reads page after page until the set is complete', async () => {
    const topics = Array.from({ length: 25 }, (_, i) => `t/${i}`);
    const ix = index(topics);
    expect(await collectTopics(ix.listPage, 10)).toEqual(topics);
    expect(ix.calls).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ]);
  });

  it('asks once for a set that fits one page, or an empty one', async () => {
    const ix = index(['a', 'b']);
    expect(await collectTopics(ix.listPage, 10)).toEqual(['a', 'b']);
    expect(ix.calls).toHaveLength(1);
    const empty = index([]);
    expect(await collectTopics(empty.listPage, 10)).toEqual([]);
  });

  it('stops at an exact multiple of the page size without an empty extra request', async () => {
    const ix = index(Array.from({ length: 20 }, (_, i) => `t/${i}`));
    expect(await collectTopics(ix.listPage, 10)).toHaveLength(20);
    expect(ix.calls).toHaveLength(2);
  });

  it('drops a topic that moved across a page boundary while reading', async () => {
    let call = 0;
    const listPage = async (start: number): Promise<RetainedPage> => {
      call++;
      const rows = (call === 1 ? ['a', 'b'] : ['b', 'c']).map((topic) => ({ topic }) as RetainedRow);
      return { connectionId: 'c', filter: '#', search: '', start, total: 4, indexed: 4, rows, revision: call };
    };
    expect(await collectTopics(listPage, 2)).toEqual(['a', 'b', 'c']);
  });
});
