import { formatChinaDateTime } from '../core/china-time';
import { RATING_LABELS, type Rating } from './transitions';

// The history of a message, stored with it, told two ways: in plain words for the citizen
// (only what concerns them, no staff names) and in full for staff.

export const TIMELINE_KINDS = [
  'submitted',
  'imported',
  'routed',
  'accepted',
  'transferred',
  'transferAccepted',
  'transferReturned',
  'assigned',
  'replyDrafted',
  'redirectDrafted',
  'replyReturned',
  'answered',
  'redirected',
  'extensionRequested',
  'extensionApproved',
  'extensionRejected',
  'urged',
  'urgeAcknowledged',
  'reminded',
  'escalated',
  'urgeLapsed',
  'rated',
  'reopened',
  'closed',
  'autoClosed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One stored event. Names are copied at the time, so the story stays true if people move on. */
export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  actor: 'citizen' | 'staff' | 'system';
  staffName?: string;
  unitName?: string;
  /** The other unit (transfer target, routed to). */
  toUnitName?: string;
  /** A reason, a channel, a rating, a note. */
  note?: string;
  /** A time the event promises (a deadline). */
  until?: number;
  rating?: Rating;
}

export interface CitizenTimelineItem {
  at: number;
  text: string;
}

export interface StaffTimelineItem {
  at: number;
  kind: TimelineKind;
  who: string;
  text: string;
}

const time = (ms: number | undefined) => (ms ? formatChinaDateTime(ms) : '');

/** The citizen's words for an event, or null when it is internal work. */
export function citizenText(e: TimelineEntry): string | null {
  const unit = e.unitName ?? '承办单位';
  switch (e.kind) {
    case 'submitted':
      return e.note === 'unsure'
        ? '您提交了留言。您没有选择单位，县政府办公室会把它交给负责的单位办理。'
        : `您提交了留言，已送达${unit}。`;
    case 'imported':
      return `您通过${e.note ?? '其他渠道'}反映的问题已登记，交${unit}办理。`;
    case 'routed':
      return `县政府办公室已将留言交${e.toUnitName ?? '相关单位'}办理。`;
    case 'accepted':
      return `${unit}已受理您的留言${e.until ? `，将在 ${time(e.until)} 前答复` : ''}。`;
    case 'transferred':
      return `${unit}说明此事由${e.toUnitName ?? '其他单位'}负责，已转交${e.toUnitName ?? '该单位'}办理${e.note ? `（${e.note}）` : ''}。`;
    case 'transferAccepted':
      return `${unit}已接收并受理您的留言${e.until ? `，将在 ${time(e.until)} 前答复` : ''}。`;
    case 'transferReturned':
      return `转办未被接收，留言回到${unit}继续办理。`;
    case 'assigned':
      return '已安排专人办理。';
    case 'answered':
      return `${unit}已答复，请查看答复内容并评价。`;
    case 'redirected':
      return `${unit}告知：此事不属于本单位职责，请通过${e.note ?? '相应渠道'}反映。`;
    case 'extensionApproved':
      return `经县政府督查室同意，办理期限延长至 ${time(e.until)}${e.note ? `（${e.note}）` : ''}。`;
    case 'urged':
      return '县政府督查室已督促承办单位加快办理。';
    case 'rated':
      return `您的评价：${e.rating ? RATING_LABELS[e.rating] : ''}${e.note ? `。${e.note}` : ''}`;
    case 'reopened':
      return '您对答复不满意，留言已重新交办，县政府督查室将跟进办理。';
    case 'closed':
      return '已办结，感谢您的反映。';
    case 'autoClosed':
      return '答复后 7 天内未评价，已自动办结。';
    default:
      return null;
  }
}

export function citizenTimeline(entries: readonly TimelineEntry[]): CitizenTimelineItem[] {
  const out: CitizenTimelineItem[] = [];
  for (const e of entries) {
    const text = citizenText(e);
    if (text) out.push({ at: e.at, text });
  }
  return out;
}

/** Staff see every event, with who did it. */
export function staffText(e: TimelineEntry): string {
  const unit = e.unitName ?? '';
  const note = e.note ? `：${e.note}` : '';
  switch (e.kind) {
    case 'submitted':
      return e.note === 'unsure' ? '群众提交留言（未选单位，由县政府办公室分办）' : `群众提交留言，收信单位${unit}`;
    case 'imported':
      return `从${e.note ?? '其他渠道'}导入，交${unit}办理`;
    case 'routed':
      return `分办至${e.toUnitName ?? ''}${e.note ? `（${e.note}）` : ''}`;
    case 'accepted':
      return `${unit}受理，答复期限 ${time(e.until)}`;
    case 'transferred':
      return `${unit}转办至${e.toUnitName ?? ''}${note}`;
    case 'transferAccepted':
      return `${unit}接收转办，答复期限 ${time(e.until)}`;
    case 'transferReturned':
      return `${e.toUnitName ?? ''}退回转办${note}`;
    case 'assigned':
      return `指定承办人 ${e.note ?? ''}`;
    case 'replyDrafted':
      return '起草答复，提交审核';
    case 'redirectDrafted':
      return `起草告知反映渠道（${e.note ?? ''}），提交审核`;
    case 'replyReturned':
      return `审核退回${note}`;
    case 'answered':
      return '审核通过，已答复群众';
    case 'redirected':
      return `审核通过，已告知群众反映渠道：${e.note ?? ''}`;
    case 'extensionRequested':
      return `申请延期${note}`;
    case 'extensionApproved':
      return `督查室批准延期，新期限 ${time(e.until)}${e.note ? `（${e.note}）` : ''}`;
    case 'extensionRejected':
      return `督查室不批准延期${note}`;
    case 'urged':
      return `督查室催办，限 ${time(e.until)} 前办理${note}`;
    case 'urgeAcknowledged':
      return `签收催办${note}`;
    case 'reminded':
      return `系统提醒：将于 ${time(e.until)} 到期`;
    case 'escalated':
      return `系统督办：已超过期限 ${time(e.until)}，已通知分管领导和县政府督查室`;
    case 'urgeLapsed':
      return `系统督办：催办期限 ${time(e.until)} 已过，仍未办结`;
    case 'rated':
      return `群众评价：${e.rating ? RATING_LABELS[e.rating] : ''}${note}`;
    case 'reopened':
      return `群众不满意，重新办理（督查室跟进），新期限 ${time(e.until)}`;
    case 'closed':
      return '办结';
    case 'autoClosed':
      return '答复后 7 天未评价，系统自动办结';
  }
}

export function staffTimeline(entries: readonly TimelineEntry[]): StaffTimelineItem[] {
  return entries.map((e) => ({
    at: e.at,
    kind: e.kind,
    who: e.actor === 'system' ? '系统' : e.actor === 'citizen' ? '群众' : (e.staffName ?? '工作人员'),
    text: staffText(e),
  }));
}
