import { formatChinaDateTime } from '../core/china-time';

// 立即刷新 as a request, not a computation: the request is recorded and the timer's sweep runs it
// (server/features/oversight/refresh.ts). The dashboard polls this status and shows where it is.

export type RefreshState = 'idle' | 'queued' | 'running' | 'done' | 'failed';
export type RefreshPhase = 'facts' | 'alerts' | 'snapshot';

export interface RefreshStatusView {
  state: RefreshState;
  /** Who asked and when; null when the timer started the run on its own. */
  requestedAt: number | null;
  requestedByName: string | null;
  startedAt: number | null;
  phase: RefreshPhase | null;
  /** Units written of `total` in the snapshot phase. */
  done: number;
  total: number;
  finishedAt: number | null;
  durationMs: number | null;
  /** Why the last run failed (Chinese), else null. */
  error: string | null;
  /** When the numbers the dashboard shows were computed. */
  computedAt: number | null;
}

/** Whether the client should keep polling. */
export const refreshPending = (s: Pick<RefreshStatusView, 'state'>) => s.state === 'queued' || s.state === 'running';

const PHASE_TEXT: Record<RefreshPhase, string> = {
  facts: '读取账号、信息和留言',
  alerts: '评估督查规则',
  snapshot: '汇总各单位数据',
};

/** The one line the dashboard shows: 排队中 / 计算中 n/N / 已重新计算 / 失败. */
export function refreshText(s: RefreshStatusView): string {
  switch (s.state) {
    case 'queued':
      return `已提交刷新请求，排队中（${s.requestedAt ? formatChinaDateTime(s.requestedAt) : ''} 提交），稍候自动开始`;
    case 'running': {
      if (!s.phase) return '计算中…';
      const n = s.phase === 'snapshot' && s.total > 0 ? ` ${s.done}/${s.total} 个单位` : '';
      return `计算中：${PHASE_TEXT[s.phase]}${n}`;
    }
    case 'done':
      return `已重新计算（完成于 ${s.finishedAt ? formatChinaDateTime(s.finishedAt) : '—'}，用时 ${((s.durationMs ?? 0) / 1000).toFixed(1)} 秒）`;
    case 'failed':
      return `重新计算失败：${s.error ?? '原因未知'}。可稍后再试`;
    case 'idle':
      return s.computedAt ? `数据更新于 ${formatChinaDateTime(s.computedAt)}` : '尚未计算督查数据';
  }
}
