import Taro from '@tarojs/taro';
import { routeKey } from './guard-core';

// Small navigation helpers shared by the security guard, the idle lock and the security screens.

/** `pages/lock/index` of the page on screen, or null before the first page is up. */
export function currentRoute(): string | null {
  try {
    const path = Taro.getCurrentInstance().router?.path;
    if (path) return routeKey(path);
  } catch {
    // fall through
  }
  try {
    const pages = Taro.getCurrentPages();
    const top = pages[pages.length - 1] as { route?: string; path?: string } | undefined;
    const r = top?.route ?? top?.path;
    return r ? routeKey(r) : null;
  } catch {
    return null;
  }
}

/** Opens `url` on top of the current page (so "back" returns), falling back when the stack is full. */
export async function openPage(url: string): Promise<void> {
  try {
    await Taro.navigateTo({ url });
  } catch {
    try {
      await Taro.redirectTo({ url });
    } catch {
      await Taro.reLaunch({ url });
    }
  }
}

/** Back to where the person came from, or home when this page was the first one. */
export function goBackOrHome(): void {
  let depth = 1;
  try {
    depth = Taro.getCurrentPages().length;
  } catch {
    depth = 1;
  }
  if (depth > 1) void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }));
  else void Taro.reLaunch({ url: '/pages/home/index' });
}
