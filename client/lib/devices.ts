// How a device is named and labelled on the 我的 and 单位管理 screens.
import { formatChinaTime } from './time';

export const DEVICE_STATUS_LABELS: Record<string, string> = {
  pending: '待批准',
  trusted: '已信任',
  revoked: '已挂失',
};

export const DEVICE_STATUS_TONE: Record<string, string> = {
  pending: 'zw-tag--doing',
  trusted: 'zw-tag--done',
  revoked: 'zw-tag--todo',
};

export function deviceName(info: { brand?: string; model?: string; platform?: string } | null | undefined): string {
  const name = [info?.brand, info?.model].filter(Boolean).join(' ');
  if (name) return name;
  return info?.platform === 'h5' ? '网页浏览器' : '未知设备';
}

export function deviceSystem(info: { system?: string; sdkVersion?: string } | null | undefined): string {
  return [info?.system, info?.sdkVersion ? `基础库 ${info.sdkVersion}` : ''].filter(Boolean).join(' · ');
}

/**
 * When the device got where it is, and when it was last used: two phones of one model (or two
 * browsers) differ by these, so the person reporting one lost picks the right one.
 */
export function deviceHistory(d: {
  status: string;
  createdAt: number;
  approvedAt: number | null;
  revokedAt: number | null;
  revokeReason: string | null;
  lastActiveAt: number | null;
}): string {
  if (d.status === 'revoked')
    return `挂失于 ${formatChinaTime(d.revokedAt)}${d.revokeReason ? `（${d.revokeReason}）` : ''}`;
  if (d.status !== 'trusted') return `申请于 ${formatChinaTime(d.createdAt)}，等待单位管理员批准`;
  const used = d.lastActiveAt ? ` · 最近使用 ${formatChinaTime(d.lastActiveAt)}` : '';
  return `批准于 ${formatChinaTime(d.approvedAt)}${used}`;
}
