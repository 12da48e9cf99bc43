import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { refreshText } from '@shared/oversight/refresh';
import { dashboard, trends, type DashboardView, type TrendPoint } from '../../services/oversight';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { chinaDateIn, monthLabel, shiftMonth, when } from '../common/format';
import { NotComputed, useReloadWhileComputing } from '../common/NotComputed';
import { Numbers } from './Numbers';
import { useRefresh } from './useRefresh';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// 督查看板 (督查室、信息中心): the county at a glance for a month — the sums, the emergency clocks,
// the 红黑榜 and every unit; each unit drills down to its accounts, alerts and cases.

export default function Dashboard() {
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [data, setData] = useState<DashboardView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);

  const load = useCallback(async (m?: string) => {
    setError(null);
    const [res, t] = await Promise.all([dashboard(m), trends(undefined, 6)]);
    if (!res.ok) return setError(res);
    setData(res.data);
    if (t.ok) setTrend(t.data);
  }, []);

  useEffect(() => {
    void load(month);
  }, [load, month]);
  usePullDownRefresh(() => void load(month).finally(() => Taro.stopPullDownRefresh()));

  const reload = useCallback(() => void load(month), [load, month]);
  const refresh = useRefresh(reload);
  useReloadWhileComputing(data?.notComputed, reload);

  if (error && !data)
    return (
      <View className="ov-page">
        <PageHeader title="督查看板" />
        <ErrorView message={error.message} code={error.code} onRetry={() => void load(month)} />
      </View>
    );
  if (!data)
    return (
      <View className="ov-page">
        <PageHeader title="督查看板" />
        <LoadingView />
      </View>
    );

  const nc = data.notComputed;
  // The status this page follows is fresher than the one the view was read with.
  const following = refresh.status && (refresh.pending || refresh.status.state === 'failed');
  const isCurrentMonth = data.month >= chinaDateIn(0).slice(0, 7);
  return (
    <View className="ov-page">
      <PageHeader title="督查看板" />
      <View className="ov-body">
        <View className="ov-row">
          <Text className="ov-muted">
            {data.computedAt ? `数据更新于 ${when(data.computedAt)}` : '尚未计算督查数据'}
          </Text>
          <Button
            size="small"
            fill="outline"
            loading={refresh.asking || refresh.pending}
            disabled={refresh.asking || refresh.pending}
            onClick={() => void refresh.ask()}
          >
            立即刷新
          </Button>
        </View>
        {refresh.visible && refresh.status && !nc ? (
          <Text className={`ov-banner ${refresh.status.state === 'failed' ? 'ov-banner--red' : 'ov-banner--info'}`}>
            {refreshText(refresh.status)}
          </Text>
        ) : null}
        {refresh.error ? <Text className="ov-banner ov-banner--red">{refresh.error}</Text> : null}
        {error ? <Text className="ov-banner ov-banner--red">{error.message}</Text> : null}

        {data.emergencies.map((e) => (
          <View
            key={e._id}
            className="ov-banner ov-banner--red"
            onClick={() => void Taro.navigateTo({ url: `/oversight/emergency/index?id=${e._id}` })}
          >
            <Text>
              【突发事件】{e.title}：已发声 {e.spoken}/{e.concerned} 个单位；
              {e.clocks.map((k) => `${k.label}${k.text}`).join('；')} ›
            </Text>
          </View>
        ))}

        <View className="ov-row">
          <Text className="ov-link" onClick={() => setMonth(shiftMonth(data.month, -1))}>
            ‹ 上月
          </Text>
          <Text className="ov-section">{monthLabel(data.month)}</Text>
          {isCurrentMonth ? (
            <Text className="ov-muted">本月</Text>
          ) : (
            <Text className="ov-link" onClick={() => setMonth(shiftMonth(data.month, 1))}>
              下月 ›
            </Text>
          )}
        </View>
        {nc ? (
          <NotComputed view={nc} progress={following && refresh.status ? refreshText(refresh.status) : undefined} />
        ) : (
          <Numbers data={data} trend={trend} />
        )}

        <View className="ov-actions">
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: '/oversight/bulletins/index' })}>
            通报
          </Button>
          <Button fill="outline" onClick={() => void Taro.navigateTo({ url: '/oversight/incidents/index' })}>
            舆情台账
          </Button>
          <Button fill="outline" onClick={() => void Taro.navigateTo({ url: '/oversight/rules/index' })}>
            督查规则
          </Button>
        </View>
      </View>
    </View>
  );
}
