// Every topic of a result set, for a clear: the contract pages the index at most 2000
// rows a request, so a clear of 100,000 topics reads 50 pages. Stops when the pages run
// out even if the index changed meanwhile (the dialog shows the count it got).
import type { RetainedPage } from '../../shared/retained-contract';

export const topicPageSize = 2000;

export async function collectTopics(listPage: (start: number, count: number) => Promise<RetainedPage>, pageSize = topicPageSize): Promise<string[]> {
  const topics: string[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = await listPage(start, pageSize);
    for (const row of page.rows) topics.push(row.topic);
    if (page.rows.length < pageSize || start + pageSize >= page.total) break;
  }
  return [...new Set(topics)];
}
