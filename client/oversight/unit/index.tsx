import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { unitDetail, type CaseKind, type UnitDetailView } from '../../services/oversight';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { monthLabel, when } from '../common/format';
import { NotComputed, useReloadWhileComputing } from '../common/NotComputed';
import { Figures } from './Figures';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// One unit: its numbers for the month, each account's updates, the open alerts with the rule and
// source behind them, the trend — and every number drills down to its cases.

export default function UnitPage() {
  const router = useRouter();
  const unitId = queryParam(router.params.unitId);
  const month = queryParam(router.params.month) || undefined;
  const [data, setData] = useState<UnitDetailView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const initialKind = (queryParam(router.params.cases) as CaseKind) || null;

  const load = useCallback(async () => {
    setError(null);
    const res = await unitDetail(unitId, month);
    if (!res.ok) return setError(res);
    setData(res.data);
  }, [unitId, month]);
  useEffect(() => {
    void load();
  }, [load]);
  const reload = useCallback(() => void load(), [load]);
  useReloadWhileComputing(data?.notComputed, reload);
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!data)
    return (
      <View className="ov-page">
        <PageHeader title="单位督查详情" />
        {error ? <ErrorView message={error.message} code={error.code} onRetry={() => void load()} /> : <LoadingView />}
      </View>
    );
  const u = data.unit;
  const nc = data.notComputed;

  return (
    <View className="ov-page">
      <PageHeader title={u.unitName} />
      <View className="ov-body">
        <View className={`ov-card${u.red && !nc ? ' ov-card--red' : ''}`}>
          <View className="ov-row">
            <Text className="ov-card__title">{u.unitName}</Text>
            <View>
              {nc ? (
                <Text className="ov-tag ov-tag--grey">尚未计算</Text>
              ) : (
                <>
                  {u.red ? <Text className="ov-tag ov-tag--red">红色标记</Text> : null}
                  <Text className={`ov-tag ${u.pass ? 'ov-tag--ok' : 'ov-tag--warn'}`}>{u.score} 分</Text>
                </>
              )}
            </View>
          </View>
          <Text className="ov-card__sub">
            {monthLabel(data.month)}
            {data.computedAt ? ` · 数据更新于 ${when(data.computedAt)}` : ''}
          </Text>
        </View>
        {nc ? <NotComputed view={nc} /> : <Figures data={data} unitId={unitId} initialKind={initialKind} />}
      </View>
    </View>
  );
}
