import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PinPad } from '../../components/PinPad';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { getMe, type MeStaffView } from '../../services/me';
import { setPin } from '../../services/identity';
import { routeForRefusal } from '../../services/guard-core';
import { goBackOrHome } from '../../services/navigation';
import { afterRefusal, enter, liveProblem, startForm, STEP_TITLES, type PinForm } from './steps';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// 设置 PIN / 修改 PIN: 6 digits, simple ones refused (shared pinProblem, the server's own rule),
// typed twice; changing needs the current PIN. The PIN is stored on the server only as a slow hash.

type Load = { status: 'loading' } | Failed | { status: 'ready'; staff: MeStaffView | null };

export default function PinPage() {
  const router = useRouter();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<PinForm>(() => startForm(false));
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const fetchMe = useCallback(async () => {
    setLoad({ status: 'loading' });
    const res = await getMe();
    if (!res.ok) return setLoad(failed(res));
    setLoad({ status: 'ready', staff: res.data.staff });
    setForm(startForm(Boolean(res.data.staff?.pinSet)));
    setTyped('');
  }, []);

  useDidShow(() => {
    if (!done && !busy) void fetchMe();
  });

  const complete = async (value: string) => {
    const step = enter(form, value);
    setTyped('');
    setForm(step.form);
    if (!step.submit) return;
    setBusy(true);
    const res = await setPin(step.submit);
    setBusy(false);
    if (res.ok) {
      setDone(true);
      void Taro.showToast({ title: 'PIN 已设置', icon: 'success', duration: 1000 });
      return;
    }
    if (routeForRefusal(res)) {
      setForm(startForm(form.currentPin !== ''));
      return;
    }
    setForm(afterRefusal(form, res));
  };

  const changing = load.status === 'ready' && Boolean(load.staff?.pinSet);
  const title = changing ? '修改 PIN' : '设置 PIN';
  const firstTime = router.params.reason === 'pin-not-set';

  if (load.status !== 'ready') {
    return (
      <View className="pin">
        <PageHeader title="设置 PIN" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={load.message} code={load.code} onRetry={() => void fetchMe()} />
        )}
      </View>
    );
  }

  if (!load.staff) {
    return (
      <View className="pin">
        <PageHeader title="设置 PIN" />
        <ErrorView
          message="只有单位工作人员需要设置 PIN。如您是新入职的工作人员，请先使用邀请码登记。"
          retryText="使用邀请码"
          onRetry={() => void Taro.redirectTo({ url: '/pages/join/index' })}
        />
      </View>
    );
  }

  if (done) {
    const active = load.staff.status === 'active' && load.staff.roles.length > 0;
    return (
      <View className="pin">
        <PageHeader title={title} />
        <View className="pin-done">
          <View className="pin-done__mark">✓</View>
          <Text className="pin-done__title">{changing ? 'PIN 已修改' : 'PIN 已设置'}</Text>
          <Text className="zw-muted">审批、发布、变更设备等操作前需要输入这个 PIN。请勿告诉他人。</Text>
          <View className="pin-done__actions">
            {active ? (
              <Button block type="primary" onClick={() => void Taro.redirectTo({ url: '/staff/inbox/index' })}>
                进入工作台
              </Button>
            ) : null}
            <Button block fill="outline" type="primary" onClick={goBackOrHome}>
              返回
            </Button>
          </View>
        </View>
      </View>
    );
  }

  const problem = liveProblem(form.step, typed);
  const message = problem ?? form.error;

  return (
    <View className="pin">
      <PageHeader title={title} />
      <View className="pin-body">
        {firstTime && !changing ? (
          <Text className="zw-notice zw-notice--warn">办理业务前，请先设置 6 位 PIN</Text>
        ) : null}
        <Text className="pin-body__step">{STEP_TITLES[form.step]}</Text>
        <Text className="zw-muted pin-body__rule">
          {form.step === 'current'
            ? '为确认是您本人，请先输入当前使用的 PIN'
            : '6 位数字，不能是连续或重复的数字（如 123456、111111），不要用生日或手机号'}
        </Text>
        {message ? <Text className="pin-body__error">{message}</Text> : null}
        {busy ? <Text className="pin-body__busy">正在保存…</Text> : null}
        <PinPad value={typed} onChange={setTyped} onComplete={(v) => void complete(v)} disabled={busy} />
      </View>
    </View>
  );
}
