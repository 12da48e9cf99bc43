import Taro from '@tarojs/taro';

// Local storage that never throws: a full or unavailable store must not break a page.

export function readJson<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (raw === '' || raw === undefined || raw === null) return null;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the in-memory state still works for this visit.
  }
}

export function removeKey(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do.
  }
}
