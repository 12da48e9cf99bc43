import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { getMe } from '../../services/me';
import { myDevices, registerDevice } from '../../services/identity';
import { currentDevice, deviceInfo, replaceDevice, shortDeviceId, type LocalDevice } from '../../services/device';
import { goBackOrHome } from '../../services/navigation';
import { formatChinaTime } from '../../lib/time';
import { bindState, onboardingSteps, type BindState } from './state';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// 绑定本机 (notice 第二十一条): a member of staff binds this phone; the unit admin approves it;
// only then can staff work be done from it. Also the waiting screen while approval is pending.

type Load = { status: 'loading' } | Failed | { status: 'ready'; state: BindState; device: LocalDevice };

function Steps({ state }: { state: BindState }) {
  return (
    <View className="bind-steps">
      {onboardingSteps(state).map((s, i) => (
        <View key={s.label} className={`bind-steps__item${s.done ? ' bind-steps__item--done' : ''}`}>
          <Text className="bind-steps__no">{s.done ? '✓' : i + 1}</Text>
          <Text className="bind-steps__label">{s.label}</Text>
        </View>
      ))}
    </View>
  );
}

function ThisPhone({ device }: { device: LocalDevice }) {
  const info = deviceInfo();
  const name = [info.brand, info.model].filter(Boolean).join(' ') || '本机';
  return (
    <View className="bind-phone">
      <Text className="bind-phone__name">{name}</Text>
      <Text className="zw-muted">
        {[info.system, info.sdkVersion ? `基础库 ${info.sdkVersion}` : ''].filter(Boolean).join(' · ')}
      </Text>
      <Text className="zw-muted">设备编号 {shortDeviceId(device.id)}</Text>
    </View>
  );
}

export default function BindPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [foreign, setForeign] = useState(false);

  const refresh = useCallback(async () => {
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    const [meRes, device] = await Promise.all([getMe(), currentDevice()]);
    if (!meRes.ok) return setLoad(failed(meRes));
    const staff = meRes.data.staff;
    let devices: Awaited<ReturnType<typeof myDevices>> | null = null;
    if (staff && staff.status !== 'disabled') {
      devices = await myDevices();
      if (!devices.ok) return setLoad(failed(devices));
    }
    setLoad({ status: 'ready', device, state: bindState(staff, devices?.ok ? devices.data.items : [], device.id) });
  }, []);

  useDidShow(() => {
    void refresh();
  });

  const bind = async (fresh: boolean) => {
    setBusy(true);
    setError(null);
    const device = fresh ? await replaceDevice() : await currentDevice();
    const res = await registerDevice({ deviceId: device.id, secret: device.secret, info: deviceInfo() });
    setBusy(false);
    if (res.ok || res.code === 'Conflict') {
      setForeign(false);
      void Taro.showToast({ title: res.ok ? '已提交绑定申请' : '本机已登记', icon: 'none' });
      await refresh();
      return;
    }
    // The id is somebody else's (a shared browser or a copied phone): offer a fresh identity.
    setForeign(/其他人/.test(res.message));
    setError(res.message);
  };

  if (load.status !== 'ready') {
    return (
      <View className="bind">
        <PageHeader title="绑定本机" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={load.message} code={load.code} onRetry={() => void refresh()} />
        )}
      </View>
    );
  }

  const { state, device } = load;
  return (
    <View className="bind">
      <PageHeader title="绑定本机" />
      <View className="bind-body">
        <Steps state={state} />
        <Body
          state={state}
          device={device}
          busy={busy}
          error={error}
          foreign={foreign}
          onBind={(fresh) => void bind(fresh)}
          onRefresh={() => void refresh()}
        />
      </View>
    </View>
  );
}

function Body(props: {
  state: BindState;
  device: LocalDevice;
  busy: boolean;
  error: string | null;
  foreign: boolean;
  onBind(fresh: boolean): void;
  onRefresh(): void;
}) {
  const { state } = props;
  const go = (url: string) => () => void Taro.navigateTo({ url });
  const errorBox = props.error ? <Text className="zw-notice zw-notice--error">{props.error}</Text> : null;

  if (state.kind === 'notStaff') {
    return (
      <View className="zw-card">
        <Text className="bind-title">您还没有登记为工作人员</Text>
        <Text className="zw-muted">请向本单位管理员索取邀请码，先登记，再绑定本机。</Text>
        <View className="zw-actions">
          <Button type="primary" onClick={go('/pages/join/index')}>
            使用邀请码
          </Button>
        </View>
      </View>
    );
  }
  if (state.kind === 'disabled') {
    return (
      <View className="zw-card">
        <Text className="bind-title">您的工作人员账号已停用</Text>
        <Text className="zw-muted">停用后不能再绑定设备或办理业务。如有疑问，请联系本单位管理员。</Text>
      </View>
    );
  }
  if (state.kind === 'unbound' || state.kind === 'revoked') {
    const revoked = state.kind === 'revoked';
    return (
      <View className="zw-card">
        <Text className="bind-title">{revoked ? '本机已挂失，不能再使用' : '本机尚未绑定'}</Text>
        {revoked ? (
          <Text className="zw-notice zw-notice--error">
            本机于 {formatChinaTime(state.device.revokedAt)} 挂失（{state.device.revokeReason ?? '已挂失'}
            ）。如手机已找回，可重新申请绑定，须经单位管理员再次批准。
          </Text>
        ) : null}
        <ThisPhone device={props.device} />
        <Text className="zw-muted bind-explain">
          工作人员只能在绑定并经单位管理员批准的手机上办理业务。每人最多 {SECURITY_POLICY.maxTrustedDevices}{' '}
          台受信任设备；手机丢失请立即在“我的”里挂失。
        </Text>
        {errorBox}
        <View className="zw-actions">
          <Button
            type="primary"
            loading={props.busy}
            disabled={props.busy}
            onClick={() => props.onBind(revoked || props.foreign)}
          >
            {revoked ? '重新申请绑定本机' : props.foreign ? '为本机生成新的设备身份并绑定' : '申请绑定本机'}
          </Button>
        </View>
      </View>
    );
  }
  if (state.kind === 'pending') {
    return (
      <View className="zw-card">
        <Text className="bind-title">已提交，等待单位管理员批准</Text>
        <ThisPhone device={props.device} />
        <Text className="zw-notice zw-notice--warn">
          {state.personPending
            ? '单位管理员需要批准您的登记和本机，批准后即可设置 PIN、办理业务。'
            : '单位管理员批准本机后即可办理业务。'}
          可以请管理员在“我的 → 单位管理 → 待批准设备”中处理。
        </Text>
        <Text className="zw-muted">申请时间 {formatChinaTime(state.device.createdAt)}</Text>
        <View className="zw-actions">
          <Button type="primary" fill="outline" onClick={props.onRefresh}>
            刷新状态
          </Button>
          <Button fill="none" onClick={goBackOrHome}>
            返回
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="zw-card">
      <Text className="bind-title">本机已受信任</Text>
      <ThisPhone device={props.device} />
      {state.personPending ? (
        <Text className="zw-notice zw-notice--warn">您的登记还在等待单位管理员批准。</Text>
      ) : !state.pinSet ? (
        <Text className="zw-notice">最后一步：设置 6 位 PIN，用于解锁和审批等敏感操作。</Text>
      ) : (
        <Text className="zw-notice zw-notice--ok">一切就绪，可以办理业务了。</Text>
      )}
      <View className="zw-actions">
        {!state.personPending && !state.pinSet ? (
          <Button type="primary" onClick={() => void Taro.redirectTo({ url: '/pages/pin/index' })}>
            设置 PIN
          </Button>
        ) : null}
        {!state.personPending && state.pinSet ? (
          <Button type="primary" onClick={() => void Taro.redirectTo({ url: '/staff/inbox/index' })}>
            进入工作台
          </Button>
        ) : null}
        <Button fill="none" onClick={goBackOrHome}>
          返回
        </Button>
      </View>
    </View>
  );
}
