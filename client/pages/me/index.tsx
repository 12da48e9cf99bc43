import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PageHeader } from '../../components/PageHeader';
import { ReasonDialog } from '../../components/ReasonDialog';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PagedFooter } from '../../components/LoadMore';
import { usePagedList } from '../../hooks/usePagedList';
import { getMe, type MeStaffView } from '../../services/me';
import { lockSession, myDevices, reportDeviceLost, type DeviceView } from '../../services/identity';
import { currentDevice } from '../../services/device';
import { routeForRefusal, LOCK_PAGE } from '../../services/guard-core';
import { openPage } from '../../services/navigation';
import { roleLabel } from '../../lib/roles';
import { canAdminister, groupByUnit, isInfoCenter } from '../../lib/staff-units';
import { deviceName } from '../../lib/devices';
import { DeviceList } from './DeviceList';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// 我的: who I am to the server (name, 职务, roles per unit or 待审批), my phones (挂失),
// binding this phone, the PIN, 立即锁定, the invite code, and for admins 单位管理 / 安全日志
// (the information center also 留言导入接口, its import keys).

type Load = { status: 'loading' } | Failed | { status: 'ready'; staff: MeStaffView | null; localId: string };

const STATUS_TEXT: Record<string, string> = { pending: '登记待审批', disabled: '已停用' };

function Entry(props: { title: string; desc?: string; onTap(): void; danger?: boolean }) {
  return (
    <View
      className={`me-entry${props.danger ? ' me-entry--danger' : ''}`}
      hoverClass="me-entry--pressed"
      onClick={props.onTap}
    >
      <View className="me-entry__body">
        <Text className="me-entry__title">{props.title}</Text>
        {props.desc ? <Text className="zw-muted">{props.desc}</Text> : null}
      </View>
      <Text className="me-entry__arrow">›</Text>
    </View>
  );
}

export default function MePage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [losing, setLosing] = useState<DeviceView | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  // My phones, newest first, 20 at a time (this phone is almost always among the first).
  const phones = usePagedList<DeviceView>(useCallback((cursor) => myDevices({ cursor }), []));
  const refreshPhones = phones.refresh;

  const refresh = useCallback(async () => {
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    const [meRes, device] = await Promise.all([getMe(), currentDevice().catch(() => null)]);
    if (!meRes.ok) return setLoad(failed(meRes));
    const staff = meRes.data.staff;
    if (staff && staff.status !== 'disabled') await refreshPhones();
    setLoad({ status: 'ready', staff, localId: device?.id ?? '' });
  }, [refreshPhones]);

  useDidShow(() => {
    void refresh();
  });

  const go = (url: string) => () => void Taro.navigateTo({ url });

  const lockNow = async () => {
    const res = await lockSession();
    if (res.ok) return void openPage(LOCK_PAGE);
    if (!routeForRefusal(res)) void Taro.showToast({ title: res.message, icon: 'none' });
  };

  const confirmLost = async (reason: string) => {
    if (!losing) return;
    setBusy(true);
    setDialogError(null);
    const res = await reportDeviceLost({ deviceId: losing._id, ...(reason ? { reason } : {}) });
    setBusy(false);
    if (!res.ok) return setDialogError(res.message);
    setLosing(null);
    void Taro.showToast({ title: '已挂失，该设备立即停止使用', icon: 'none' });
    void refresh();
  };

  if (load.status !== 'ready') {
    return (
      <View className="me">
        <PageHeader title="我的" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={load.message} code={load.code} onRetry={() => void refresh()} />
        )}
      </View>
    );
  }

  const { staff, localId } = load;
  const devices = phones.items;

  if (!staff) {
    return (
      <View className="me">
        <PageHeader title="我的" />
        <View className="me-body">
          <View className="zw-card me-who">
            <Text className="me-who__name">群众</Text>
            <Text className="zw-muted">
              您可以写留言、查看办理进度。单位工作人员请使用单位管理员发给您的邀请码登记。
            </Text>
          </View>
          <View className="zw-card me-entries">
            <Entry title="使用邀请码" desc="单位工作人员登记" onTap={go('/pages/join/index')} />
            <Entry title="我的留言" desc="查看办理进度和答复" onTap={go('/pages/messages/mine/index')} />
          </View>
        </View>
      </View>
    );
  }

  const units = groupByUnit(staff.roles);
  const pendingUnits = groupByUnit(staff.pendingRoles ?? []);
  const active = staff.status === 'active' && staff.roles.length > 0;
  const thisDevice = devices.find((d) => d._id === localId);
  const thisTrusted = thisDevice?.status === 'trusted';
  const boundHere = thisDevice && thisDevice.status !== 'revoked';

  return (
    <View className="me">
      <PageHeader title="我的" />
      <View className="me-body">
        <View className="zw-card me-who">
          <View className="me-who__head">
            <Text className="me-who__name">{staff.name}</Text>
            <Text className="me-who__title">{staff.title}</Text>
            {STATUS_TEXT[staff.status] ? (
              <Text className={`zw-tag ${staff.status === 'disabled' ? 'zw-tag--todo' : 'zw-tag--doing'}`}>
                {STATUS_TEXT[staff.status]}
              </Text>
            ) : null}
          </View>
          {units.map((u) => (
            <View key={u.unitId} className="me-unit">
              <Text className="me-unit__name">{u.unitName}</Text>
              <View>
                {u.roles.map((r) => (
                  <Text key={r} className="zw-tag zw-tag--done">
                    {roleLabel(r)}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          {pendingUnits.map((u) => (
            <View key={`p-${u.unitId}`} className="me-unit">
              <Text className="me-unit__name">{u.unitName}</Text>
              <View>
                {u.roles.map((r) => (
                  <Text key={r} className="zw-tag zw-tag--doing">
                    {roleLabel(r)}（待审批）
                  </Text>
                ))}
              </View>
            </View>
          ))}
          {staff.status === 'disabled' ? (
            <Text className="zw-notice zw-notice--error">
              您的工作人员账号已停用，设备和登录均已失效。如有疑问请联系单位管理员。
            </Text>
          ) : null}
        </View>

        {staff.status !== 'disabled' ? (
          <>
            <Text className="zw-section-title">我的设备</Text>
            <View className="zw-card">
              {phones.error ? <Text className="zw-notice zw-notice--error">{phones.error}</Text> : null}
              <DeviceList devices={devices} localId={localId} onReportLost={setLosing} />
              {phones.hasMore || phones.moreError ? <PagedFooter list={phones} /> : null}
              {!boundHere ? (
                <View className="zw-actions">
                  <Button type="primary" onClick={go('/pages/bind/index')}>
                    绑定本机
                  </Button>
                </View>
              ) : null}
            </View>

            <Text className="zw-section-title">安全</Text>
            <View className="zw-card me-entries">
              <Entry
                title={staff.pinSet ? '修改 PIN' : '设置 PIN'}
                desc={staff.pinSet ? '解锁和审批时使用的 6 位数字' : '办理业务前须先设置 6 位 PIN'}
                onTap={go('/pages/pin/index')}
              />
              {active && staff.pinSet && thisTrusted ? (
                <Entry title="立即锁定" desc="离开手机前锁定，回来后输入 PIN 解锁" onTap={() => void lockNow()} />
              ) : null}
            </View>
          </>
        ) : null}

        <Text className="zw-section-title">工作</Text>
        <View className="zw-card me-entries">
          {active ? <Entry title="工作台" desc="处理本单位收到的群众留言" onTap={go('/staff/inbox/index')} /> : null}
          {active && canAdminister(staff.roles) ? (
            <>
              <Entry title="单位管理" desc="审批人员和设备、停用、解锁、邀请码" onTap={go('/staff/admin/index')} />
              <Entry title="安全日志" desc="登录、审批、拒绝等每一项记录" onTap={go('/staff/security/index')} />
            </>
          ) : null}
          {active && isInfoCenter(staff.roles) ? (
            <Entry title="留言导入接口" desc="门户网站信箱、12345 热线的导入密钥" onTap={go('/staff/keys/index')} />
          ) : null}
          <Entry title="使用邀请码" desc="登记新的单位或角色" onTap={go('/pages/join/index')} />
        </View>
      </View>

      <ReasonDialog
        visible={losing !== null}
        title="挂失设备"
        description={
          losing
            ? `挂失后「${deviceName(losing.info)}」立即不能再办理业务${losing._id === localId ? '（就是您正在用的这台手机）' : ''}，此操作不能撤销。`
            : ''
        }
        placeholder="说明（选填），例如：手机丢失"
        confirmText="确认挂失"
        danger
        busy={busy}
        error={dialogError}
        onConfirm={(r) => void confirmLost(r)}
        onCancel={() => {
          setLosing(null);
          setDialogError(null);
        }}
      />
    </View>
  );
}
