import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView } from '../../components/StateViews';
import { GuardedPage } from '../../components/GuardedPage';
import { PagedView } from '../../components/PagedView';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { securityEvents } from '../../services/identity';
import { UnitSwitcher } from '../common/UnitSwitcher';
import { useAdminContext } from '../common/context';
import { EventRow } from './EventRow';
import './index.scss';

// 安全日志: the unit's entries of the tamper-evident audit trail, newest first (unit admins);
// the information center may also read the whole county's.

const ALL = '';

export default function SecurityLogPage() {
  useCaptureGuard('安全日志');
  const { ctx, load, addUnit } = useAdminContext();
  const [unitId, setUnitId] = useState<string | null>(null);

  const loadPage = useCallback(
    (cursor: string | null) => securityEvents({ unitId: unitId || undefined, cursor }),
    [unitId],
  );
  const list = usePagedList(loadPage);
  const { refresh } = list;

  useDidShow(() => {
    void load();
    if (unitId !== null && list.status === 'error') void refresh();
  });
  useEffect(() => {
    if (ctx.status !== 'ready' || unitId !== null) return;
    setUnitId(ctx.county ? ALL : (ctx.units[0]?.id ?? ALL));
  }, [ctx, unitId]);
  useEffect(() => {
    if (unitId !== null) void refresh({ clear: true });
  }, [unitId, refresh]);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  if (ctx.status !== 'ready') {
    return (
      <GuardedPage
        title="安全日志"
        className="sec"
        guard={ctx}
        onRetry={() => void load()}
        denied={{
          message: '安全日志只对单位管理员和县政府信息中心开放',
          actionText: '返回首页',
          onAction: () => void Taro.reLaunch({ url: '/pages/home/index' }),
        }}
      />
    );
  }

  const options = ctx.county ? [{ id: ALL, name: '全县' }, ...ctx.units] : ctx.units;

  return (
    <View className="sec">
      <PageHeader title="安全日志" />
      <View className="sec-head">
        <Text className="sec-head__title">{options.find((o) => o.id === unitId)?.name ?? ''}</Text>
        <Text className="zw-muted">
          登录、审批、设备变更等每一项操作，以及每一次被拒绝的请求。记录不可篡改，保存不少于 6 个月。
        </Text>
      </View>
      <UnitSwitcher
        units={options}
        current={unitId ?? ''}
        onPick={setUnitId}
        onFound={ctx.county ? addUnit : undefined}
      />

      <PagedView list={list} empty={<EmptyView title="暂无安全记录" />} className="sec-list">
        {(items) => items.map((item) => <EventRow key={item.seq} item={item} />)}
      </PagedView>
    </View>
  );
}
