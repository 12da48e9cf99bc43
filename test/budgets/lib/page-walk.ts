import assert from 'node:assert/strict';
import type { FunctionName } from '@server/functions';
import type { Page } from '@shared/messages/schemas';
import type { TestCloud } from '../../support/cloud-harness';

// Walking a cursor-paged list through the public entry point, the way a phone does: first page,
// then "load more" with the cursor until there is none.

export interface ListCall {
  fn: FunctionName;
  action: string;
  caller: string | null;
  payload: Record<string, unknown>;
}

export async function page(cloud: TestCloud, list: ListCall, extra: Record<string, unknown> = {}) {
  const res = await cloud.call<Page<Record<string, unknown>>>(
    list.fn,
    list.action,
    { ...list.payload, ...extra },
    list.caller,
  );
  if (!res.ok) throw new Error(`${list.action} refused: ${res.code} ${res.message}`);
  return res.data;
}

/**
 * Every page of `list` at `pageSize`; `between(n)` runs after page n (rows arriving while a
 * person scrolls). Returns the pages' keys in order.
 */
export async function walk(
  cloud: TestCloud,
  list: ListCall,
  key: (item: Record<string, unknown>) => string,
  pageSize: number,
  between: (pageNo: number) => Promise<unknown> = async () => undefined,
): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const p: Page<Record<string, unknown>> = await page(cloud, list, { pageSize, ...(cursor ? { cursor } : {}) });
    assert.ok(p.items.length <= pageSize, `page ${pages + 1} has ${p.items.length} rows, over ${pageSize}`);
    keys.push(...p.items.map(key));
    cursor = p.nextCursor;
    pages += 1;
    assert.ok(pages < 200, 'the cursor never ends');
    if (cursor) await between(pages);
  } while (cursor);
  return { keys, pages };
}

/** Cursors a person could type or tamper with; each must be refused as a bad parameter. */
export const BAD_CURSORS = [
  'abc',
  '1_',
  '_s-edu-admin',
  '12345678901234567_x', // 17 digits: past any timestamp or order
  `1_${'a'.repeat(65)}`,
  '1_a/b',
  "1_x' OR '1'='1",
  '1.5_x',
  '{"$gt":""}',
];
