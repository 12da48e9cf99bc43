// How a device is named and labelled on the 我的 and 单位管理 screens.

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
