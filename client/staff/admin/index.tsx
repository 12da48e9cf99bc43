import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { ReasonDialog } from '../../components/ReasonDialog';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import {
  approveDevice,
  decideStaff,
  disableStaff,
  reportDeviceLost,
  unlockStaff,
  type InviteView,
  type UnitDeviceView,
  type UnitStaffView,
} from '../../services/identity';
import { requestStepUp } from '../../services/stepup';
import { routeForRefusal } from '../../services/guard-core';
import { roleLabel } from '../../lib/roles';
import { deviceName } from '../../lib/devices';
import { UnitSwitcher } from '../common/UnitSwitcher';
import { useAdminContext } from '../common/context';
import { PendingPeople } from './PendingPeople';
import { PendingDevices } from './PendingDevices';
import { People } from './People';
import { Invites } from './Invites';
import { invitableRoles, members, pendingDevices, pendingPeople } from './roles';
import { useUnitData } from './useUnitData';
import './index.scss';

// 单位管理 (unit admins; the information center for any unit): approve people and phones,
// disable people, release PIN locks, report phones lost, and create invite codes.

type Tab = 'people-pending' | 'devices-pending' | 'people' | 'invites';
type Ask =
  | { kind: 'refuse'; person: UnitStaffView }
  | { kind: 'disable'; person: UnitStaffView }
  | { kind: 'lost'; device: UnitDeviceView }
  | null;

export default function AdminPage() {
  useCaptureGuard('单位管理');
  const { ctx, load } = useAdminContext();
  const [unitId, setUnitId] = useState('');
  const [tab, setTab] = useState<Tab>('people-pending');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteView | null>(null);
  const { data, reload } = useUnitData(unitId);

  useDidShow(() => {
    void load();
    if (unitId) void reload();
  });
  useEffect(() => {
    if (ctx.status === 'ready' && !ctx.units.some((u) => u.id === unitId)) setUnitId(ctx.units[0]?.id ?? '');
  }, [ctx, unitId]);
  useEffect(() => {
    if (unitId) void reload({ clear: true });
    setInvite(null);
  }, [unitId, reload]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  useShareAppMessage(() =>
    invite
      ? { title: `邀请您登记为${invite.unitName}${roleLabel(invite.role)}`, path: `/${invite.path}` }
      : { title: '盐池县政务新媒体', path: '/pages/home/index' },
  );

  /** Shows a refusal unless the guard already took the person elsewhere. */
  const fail = (res: { message: string; details?: Record<string, unknown> }) => {
    if (!routeForRefusal(res)) void Taro.showToast({ title: res.message, icon: 'none', duration: 2500 });
  };
  const done = (title: string) => {
    void Taro.showToast({ title, icon: 'none' });
    void reload();
  };

  const approvePerson = async (s: UnitStaffView) => {
    setBusyId(s._id);
    const res = await decideStaff({ staffId: s._id, approve: true });
    setBusyId(null);
    if (res.ok) done(`已批准${s.name}`);
    else fail(res);
  };

  const approveDev = async (d: UnitDeviceView) => {
    let stepUpId: string | null;
    try {
      stepUpId = await requestStepUp('device.change');
    } catch (e) {
      return void Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
    if (!stepUpId) return;
    setBusyId(d._id);
    const res = await approveDevice({ deviceId: d._id, stepUpId });
    setBusyId(null);
    if (res.ok) done(`已批准${d.holder.split('（')[0]}的设备`);
    else fail(res);
  };

  const unlock = async (s: UnitStaffView) => {
    setBusyId(s._id);
    const res = await unlockStaff(s._id);
    setBusyId(null);
    if (res.ok) done(`已解除${s.name}的 PIN 锁定`);
    else fail(res);
  };

  const confirmAsk = async (reason: string) => {
    if (!ask) return;
    setAskError(null);
    const id = ask.kind === 'lost' ? ask.device._id : ask.person._id;
    setBusyId(id);
    const res =
      ask.kind === 'refuse'
        ? await decideStaff({ staffId: id, approve: false, reason })
        : ask.kind === 'disable'
          ? await disableStaff({ staffId: id, reason })
          : await reportDeviceLost({ deviceId: id, ...(reason ? { reason } : {}) });
    setBusyId(null);
    if (!res.ok) {
      if (!routeForRefusal(res)) setAskError(res.message);
      else setAsk(null);
      return;
    }
    setAsk(null);
    done(ask.kind === 'refuse' ? '已不予批准' : ask.kind === 'disable' ? '已停用，其设备全部失效' : '已挂失');
  };

  if (ctx.status !== 'ready') {
    return (
      <View className="admin">
        <PageHeader title="单位管理" />
        {ctx.status === 'loading' ? <LoadingView /> : null}
        {ctx.status === 'error' ? <ErrorView message={ctx.message} onRetry={() => void load()} /> : null}
        {ctx.status === 'denied' ? (
          <ErrorView
            message="单位管理只对单位管理员和县政府信息中心开放"
            retryText="返回首页"
            onRetry={() => void Taro.reLaunch({ url: '/pages/home/index' })}
          />
        ) : null}
      </View>
    );
  }

  const unit = ctx.units.find((u) => u.id === unitId) ?? ctx.units[0];
  const ready = data.status === 'ready' ? data : null;
  const pPeople = ready ? pendingPeople(ready.staff) : [];
  const pDevices = ready ? pendingDevices(ready.devices) : [];
  const tabs: Array<{ key: Tab; label: string; count?: number }> = [
    { key: 'people-pending', label: '待审批人员', count: pPeople.length },
    { key: 'devices-pending', label: '待批准设备', count: pDevices.length },
    { key: 'people', label: '人员' },
    { key: 'invites', label: '邀请码' },
  ];

  const askTitle = ask?.kind === 'refuse' ? '不予批准' : ask?.kind === 'disable' ? '停用人员' : '挂失设备';
  const askDesc =
    ask?.kind === 'refuse'
      ? `不批准${ask.person.name}的登记申请，请写明理由（对方可以看到处理结果）。`
      : ask?.kind === 'disable'
        ? `停用后，${ask.person.name}的所有设备和登录立即失效，不能再办理业务。`
        : ask?.kind === 'lost'
          ? `挂失后「${deviceName(ask.device.info)}」（${ask.device.holder}）立即不能再办理业务，不能撤销。`
          : '';

  return (
    <View className="admin">
      <PageHeader title="单位管理" />
      <View className="admin-unit">
        <Text className="admin-unit__name">{unit?.name}</Text>
        <Text className="zw-muted">{ctx.county ? '县政府信息中心：可管理全县各单位' : '单位管理员'}</Text>
      </View>
      <UnitSwitcher units={ctx.units} current={unit?.id ?? ''} onPick={setUnitId} />
      <View className="admin-tabs">
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`admin-tabs__item${t.key === tab ? ' admin-tabs__item--active' : ''}`}
            onClick={() => {
              setTab(t.key);
              // Each look at a list shows the latest: new registrations arrive at any time.
              if (t.key !== 'invites') void reload();
            }}
          >
            <Text>{t.label}</Text>
            {t.count ? <Text className="admin-tabs__count">{t.count}</Text> : null}
          </View>
        ))}
      </View>

      <View className="admin-body">
        {tab === 'invites' && unit ? (
          <Invites
            key={unit.id}
            unitId={unit.id}
            unitName={unit.name}
            roles={invitableRoles(ctx.county, unit.role)}
            last={invite}
            onCreated={setInvite}
          />
        ) : data.status === 'error' ? (
          <ErrorView message={data.message} onRetry={() => void reload()} />
        ) : !ready ? (
          <LoadingView />
        ) : tab === 'people-pending' ? (
          <PendingPeople
            items={pPeople}
            busyId={busyId}
            onApprove={(s) => void approvePerson(s)}
            onRefuse={(person) => setAsk({ kind: 'refuse', person })}
          />
        ) : tab === 'devices-pending' ? (
          <PendingDevices items={pDevices} busyId={busyId} onApprove={(d) => void approveDev(d)} />
        ) : (
          <People
            items={members(ready.staff)}
            devices={ready.devices}
            meId={ctx.me._id}
            busyId={busyId}
            onDisable={(person) => setAsk({ kind: 'disable', person })}
            onUnlock={(s) => void unlock(s)}
            onReportLost={(device) => setAsk({ kind: 'lost', device })}
          />
        )}
      </View>

      <ReasonDialog
        visible={ask !== null}
        title={askTitle}
        description={askDesc}
        required={ask?.kind !== 'lost'}
        placeholder={ask?.kind === 'lost' ? '说明（选填），例如：手机丢失' : '请填写理由'}
        confirmText={ask?.kind === 'refuse' ? '确认不予批准' : ask?.kind === 'disable' ? '确认停用' : '确认挂失'}
        danger
        busy={busyId !== null}
        error={askError}
        onConfirm={(r) => void confirmAsk(r)}
        onCancel={() => {
          setAsk(null);
          setAskError(null);
        }}
      />
      <StepUpPrompt />
    </View>
  );
}
