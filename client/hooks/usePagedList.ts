import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { Envelope, ErrorCode } from '@shared/core/envelope';
import type { Page } from '@shared/messages/schemas';

// One list fed by cursor pages ("加载更多"), shared by 我的留言 and the staff inbox.

export type PagedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedList<T> {
  items: T[];
  status: PagedStatus;
  /** Message of the last failed first-page load (the list is empty then). */
  error: string | null;
  /** Its stable code, so the screen can tell a refusal (no retry) from a failure (retry). */
  errorCode: ErrorCode | null;
  /** Message of the last failed "load more" (the list keeps what it had). */
  moreError: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Reloads the first page; `clear` empties the list first (e.g. after switching unit). */
  refresh(opts?: { clear?: boolean }): Promise<void>;
  loadMore(): Promise<void>;
}

export function usePagedList<T>(load: (cursor: string | null) => Promise<Envelope<Page<T>>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagedStatus>('idle');
  const [failure, setFailure] = useState<{ message: string; code: ErrorCode } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // A newer refresh (e.g. after switching unit) makes older replies stale.
  const generation = useRef(0);

  const refresh = useCallback(
    async (opts?: { clear?: boolean }) => {
      const gen = ++generation.current;
      if (opts?.clear) {
        setItems([]);
        setCursor(null);
        setStatus('loading');
      } else {
        setStatus((s) => (s === 'ready' ? s : 'loading'));
      }
      setMoreError(null);
      const res = await load(null);
      if (gen !== generation.current) return;
      if (res.ok) {
        setItems(res.data.items ?? []);
        setCursor(res.data.nextCursor ?? null);
        setFailure(null);
        setStatus('ready');
      } else {
        setItems([]);
        setCursor(null);
        setFailure({ message: res.message, code: res.code });
        setStatus('error');
      }
    },
    [load],
  );

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    const res = await load(cursor);
    if (gen === generation.current) {
      if (res.ok) {
        setItems((prev) => [...prev, ...(res.data.items ?? [])]);
        setCursor(res.data.nextCursor ?? null);
      } else {
        setMoreError(res.message);
      }
    }
    setLoadingMore(false);
  }, [cursor, loadingMore, load]);

  return {
    items,
    status,
    error: failure?.message ?? null,
    errorCode: failure?.code ?? null,
    moreError,
    hasMore: cursor !== null,
    loadingMore,
    refresh,
    loadMore,
  };
}

/** Every paged page does the same at the bottom: fetch the next page unless it is the end or failed. */
export function useLoadMoreAtBottom(list: Pick<PagedList<unknown>, 'hasMore' | 'moreError' | 'loadMore'>): void {
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
}
