import { formatChinaDateTime } from '../core/china-time';

// 立即刷新 as a request, not a computation: the request is recorded and the timer's refresh runs
// it in slices that each fit a cloud function (server/features/oversight/refresh.ts). The
// dashboard polls this status and shows where it is.

export type RefreshState = 'idle' | 'queued' | 'running' | 'done' | 'failed';
/** Reading the rules and the units; computing unit by unit; switching to the new numbers. */
export type RefreshPhase = 'plan' | 'units' | 'publish';

export interface RefreshStatusView {
  state: RefreshState;
  /** Who asked and when; null when the timer started the run on its own. */
  requestedAt: number | null;
  requestedByName: string | null;
  startedAt: number | null;
  phase: RefreshPhase | null;
  /** Units computed of `total`. */
  done: number;
  total: number;
  /** Under way but between slices: the next timer run (within a minute) goes on. */
  waiting: boolean;
  /** Slices (timer runs) so far. */
  slices: number;
  /** The instant the run computes the numbers for (its start). */
  asOf: number | null;
  /** Asked for again during this run: it runs once more when this one ends. */
  again: boolean;
  finishedAt: number | null;
  /** Time spent computing, summed over the slices (not the waits between them). */
  durationMs: number | null;
  /** Why the last run failed (Chinese), else null. */
  error: string | null;
  /** When the numbers the dashboard shows were computed. */
  computedAt: number | null;
}

/** Whether the client should keep polling. */
export const refreshPending = (s: Pick<RefreshStatusView, 'state'>) => s.state === 'queued' || s.state === 'running';

const PHASE_TEXT: Record<RefreshPhase, string> = {
  plan: '读取规则和单位名录',
  units: '逐个单位评估规则、汇总数据',
  publish: '切换到新数据',
};

/** The one line the dashboard shows: 排队中 / 计算中 n/N / 已重新计算 / 失败. */
export function refreshText(s: RefreshStatusView): string {
  switch (s.state) {
    case 'queued':
      return `已提交刷新请求，排队中（${s.requestedAt ? formatChinaDateTime(s.requestedAt) : ''} 提交），稍候自动开始`;
    case 'running': {
      const again = s.again ? '；本轮完成后将按新的请求再算一次' : '';
      if (s.waiting && s.total > 0)
        return `计算中：已完成 ${s.done}/${s.total} 个单位，分段计算，下一段将在一分钟内继续${again}`;
      // A phase this version does not know (a status written before an upgrade): no detail.
      if (!s.phase || !(s.phase in PHASE_TEXT)) return `计算中…${again}`;
      const n = s.phase === 'units' && s.total > 0 ? ` ${s.done}/${s.total} 个单位` : '';
      return `计算中：${PHASE_TEXT[s.phase]}${n}${again}`;
    }
    case 'done': {
      const slices = s.slices > 1 ? `分 ${s.slices} 段，` : '';
      return `已重新计算（完成于 ${s.finishedAt ? formatChinaDateTime(s.finishedAt) : '—'}，${slices}用时 ${((s.durationMs ?? 0) / 1000).toFixed(1)} 秒）`;
    }
    case 'failed':
      return `重新计算失败：${s.error ?? '原因未知'}。可稍后再试`;
    case 'idle':
      return s.computedAt ? `数据更新于 ${formatChinaDateTime(s.computedAt)}` : '尚未计算督查数据';
  }
}
