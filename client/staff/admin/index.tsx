import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { GuardedPage } from '../../components/GuardedPage';
import { PagedView } from '../../components/PagedView';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyView } from '../../components/StateViews';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { useLoadMoreAtBottom } from '../../hooks/usePagedList';
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
import { invitableRoles } from './roles';
import { useUnitLists } from './useUnitLists';
import './index.scss';

// 单位管理 (unit admins; the information center for any unit): approve people and phones,
// disable people, release PIN locks, report phones lost, and create invite codes. Each list is
// paged (a big unit loads more at the bottom); the information center finds any unit by name.

type Tab = 'people-pending' | 'devices-pending' | 'people' | 'invites';

/** The invites tab has no list to extend. */
const NOTHING_MORE = { hasMore: false, moreError: null, loadMore: async () => undefined };
/** A tab's badge: how many are shown, "+" when more pages wait. */
const countOf = (l: { status: string; items: unknown[]; hasMore: boolean }) =>
  l.status === 'ready' && l.items.length ? `${l.items.length}${l.hasMore ? '+' : ''}` : undefined;
type Ask =
  | { kind: 'refuse'; person: UnitStaffView }
  | { kind: 'disable'; person: UnitStaffView }
  | { kind: 'lost'; device: UnitDeviceView }
  | null;

export default function AdminPage() {
  useCaptureGuard('单位管理');
  const { ctx, load, addUnit } = useAdminContext();
  const [unitId, setUnitId] = useState('');
  const [tab, setTab] = useState<Tab>('people-pending');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteView | null>(null);
  const lists = useUnitLists(unitId);
  const { reload } = lists;

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
  const shown =
    tab === 'people-pending'
      ? lists.pendingPeople
      : tab === 'devices-pending'
        ? lists.pendingDevices
        : tab === 'people'
          ? lists.members
          : null;
  useLoadMoreAtBottom(shown ?? NOTHING_MORE);

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
      <GuardedPage
        title="单位管理"
        className="admin"
        guard={ctx}
        onRetry={() => void load()}
        denied={{
          message: '单位管理只对单位管理员和县政府信息中心开放',
          actionText: '返回首页',
          onAction: () => void Taro.reLaunch({ url: '/pages/home/index' }),
        }}
      />
    );
  }

  const unit = ctx.units.find((u) => u.id === unitId) ?? ctx.units[0];
  const tabs: Array<{ key: Tab; label: string; count?: string }> = [
    { key: 'people-pending', label: '待审批人员', count: countOf(lists.pendingPeople) },
    { key: 'devices-pending', label: '待批准设备', count: countOf(lists.pendingDevices) },
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
      <UnitSwitcher
        units={ctx.units}
        current={unit?.id ?? ''}
        onPick={setUnitId}
        onFound={ctx.county ? addUnit : undefined}
      />
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
        ) : tab === 'people-pending' ? (
          <PagedView
            list={lists.pendingPeople}
            empty={<EmptyView title="没有待审批的人员" description="新同事使用邀请码登记后，会出现在这里" />}
          >
            {(items) => (
              <PendingPeople
                items={items}
                busyId={busyId}
                onApprove={(s) => void approvePerson(s)}
                onRefuse={(person) => setAsk({ kind: 'refuse', person })}
              />
            )}
          </PagedView>
        ) : tab === 'devices-pending' ? (
          <PagedView
            list={lists.pendingDevices}
            empty={<EmptyView title="没有待批准的设备" description="本单位人员申请绑定手机后，会出现在这里" />}
          >
            {(items) => <PendingDevices items={items} busyId={busyId} onApprove={(d) => void approveDev(d)} />}
          </PagedView>
        ) : (
          <PagedView
            list={lists.members}
            empty={<EmptyView title="本单位还没有工作人员" description="在“邀请码”里生成邀请码，发给新同事登记" />}
          >
            {(items) => (
              <People
                items={items}
                meId={ctx.me._id}
                busyId={busyId}
                onDisable={(person) => setAsk({ kind: 'disable', person })}
                onUnlock={(s) => void unlock(s)}
                onReportLost={(device) => setAsk({ kind: 'lost', device })}
              />
            )}
          </PagedView>
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
