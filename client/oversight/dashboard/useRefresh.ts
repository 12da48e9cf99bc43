import { useCallback, useEffect, useRef, useState } from 'react';
import { refreshPending, type RefreshStatusView } from '@shared/oversight/refresh';
import { refreshNow, refreshStatus } from '../../services/oversight';

// 立即刷新 on the dashboard: the request is answered at once and the county's numbers are
// recomputed by the timer's refresh, in slices a minute apart at county scale, so the page
// follows the status (排队中 → 计算中 n/N → 已重新计算) by polling, and reloads the numbers when a
// run it saw under way has finished. A refresh someone else asked for is followed the same way.

const POLL_MS = 1500;
/** Between slices nothing moves until the next timer run: ask less often. */
const WAITING_POLL_MS = 5000;

export interface RefreshControl {
  status: RefreshStatusView | null;
  /** Show the status line: under way, seen on this visit, or the last run failed. */
  visible: boolean;
  pending: boolean;
  asking: boolean;
  error: string | null;
  ask(): Promise<void>;
}

export function useRefresh(onFinished: () => void): RefreshControl {
  const [status, setStatus] = useState<RefreshStatusView | null>(null);
  const [seen, setSeen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const follow = useCallback(
    async (first: RefreshStatusView) => {
      let s = first;
      setStatus(s);
      if (!refreshPending(s)) return;
      setSeen(true);
      while (alive.current && refreshPending(s)) {
        await new Promise((r) => setTimeout(r, s.waiting ? WAITING_POLL_MS : POLL_MS));
        if (!alive.current) return;
        const res = await refreshStatus();
        if (!alive.current) return;
        if (!res.ok) return setError(`刷新进度读取失败：${res.message}`);
        s = res.data;
        setStatus(s);
      }
      if (s.state === 'done') onFinished();
    },
    [onFinished],
  );

  useEffect(() => {
    void refreshStatus().then((res) => {
      if (res.ok && alive.current) void follow(res.data);
    });
  }, [follow]);

  const ask = async () => {
    setAsking(true);
    setError(null);
    const res = await refreshNow();
    setAsking(false);
    if (!res.ok) return setError(res.message);
    await follow(res.data);
  };

  const pending = status !== null && refreshPending(status);
  return {
    status,
    visible: status !== null && (pending || seen || status.state === 'failed'),
    pending,
    asking,
    error,
    ask,
  };
}
