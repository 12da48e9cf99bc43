import Taro from '@tarojs/taro';

/** Copies `data` and says so; when the phone refuses, asks the person to copy it by hand. */
export function copyText(data: string, what: string): void {
  void Taro.setClipboardData({ data })
    .then(() => Taro.showToast({ title: `${what}已复制`, icon: 'none' }))
    .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }));
}
