import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { PinPad } from '../../components/PinPad';
import { DemoPinHint } from '../../components/DemoPinHint';
import { unlockSession } from '../../services/identity';
import { routeForRefusal } from '../../services/guard-core';
import { goBackOrHome } from '../../services/navigation';
import { IS_WEAPP } from '../../services/env';
import './index.scss';

// 锁屏: after 30 minutes idle or "立即锁定", staff work needs the PIN again. The server counts
// wrong PINs (5 in a row lock entry for 15 minutes) and its message says how many tries are left.

const IDLE_MINUTES = Math.round(SECURITY_POLICY.idleLockMs / 60_000);

export default function LockPage() {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    if (IS_WEAPP) void Taro.hideHomeButton().catch(() => undefined);
  });

  const submit = async (value: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await unlockSession(value);
    setBusy(false);
    setPin('');
    if (res.ok) {
      void Taro.showToast({ title: '已解锁', icon: 'success', duration: 800 });
      goBackOrHome();
      return;
    }
    // PIN not set, phone not trusted…: the guard has opened the screen that deals with it.
    if (routeForRefusal(res)) return;
    setError(res.message);
  };

  return (
    <View className="lock">
      <View className="lock-head">
        <View className="lock-head__icon">
          <View className="lock-head__shackle" />
          <View className="lock-head__body" />
        </View>
        <Text className="lock-head__title">应用已锁定</Text>
        <Text className="lock-head__desc">
          为保护账号安全，超过 {IDLE_MINUTES} 分钟未操作或手动锁定后，需要输入 PIN 才能继续办理业务
        </Text>
      </View>

      <View className="lock-pad">
        <Text className="lock-pad__label">输入 PIN 解锁</Text>
        {error ? <Text className="lock-pad__error">{error}</Text> : null}
        {busy ? <Text className="lock-pad__busy">正在验证…</Text> : null}
        <PinPad value={pin} onChange={setPin} onComplete={(v) => void submit(v)} disabled={busy} />
        <DemoPinHint />
      </View>

      <View className="lock-foot">
        <Text className="zw-muted">忘记 PIN 或已被锁定？请联系本单位管理员</Text>
        <Text className="lock-foot__home" onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Text>
      </View>
    </View>
  );
}
