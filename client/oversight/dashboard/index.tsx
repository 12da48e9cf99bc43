import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { refreshText } from '@shared/oversight/refresh';
import { dashboard, trends, type DashboardView, type TrendPoint } from '../../services/oversight';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { Bars } from '../common/Bars';
import { hours, monthLabel, pct, shiftMonth, when } from '../common/format';
import { UnitCard } from './UnitCard';
import { useRefresh } from './useRefresh';
import '../common/oversight.scss';

// 督查看板 (督查室、信息中心): the county at a glance for a month — the sums, the emergency clocks,
// the 红黑榜 and every unit; each unit drills down to its accounts, alerts and cases.

type Tab = 'all' | 'warning' | 'honour';
const TABS: Array<[Tab, string]> = [
  ['warning', '黑榜（需整改）'],
  ['honour', '红榜'],
  ['all', '全部单位'],
];

function Stat(props: { value: string | number; label: string; red?: boolean; onTap?: () => void }) {
  return (
    <View className={`ov-stat${props.onTap ? ' ov-stat--tap' : ''}`} onClick={props.onTap}>
      <Text className={`ov-stat__value${props.red ? ' ov-stat__value--red' : ''}`}>{props.value}</Text>
      <Text className="ov-stat__label">{props.label}</Text>
    </View>
  );
}

export default function Dashboard() {
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [data, setData] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);
  const [tab, setTab] = useState<Tab>('warning');

  const load = useCallback(async (m?: string) => {
    setError(null);
    const [res, t] = await Promise.all([dashboard(m), trends(undefined, 6)]);
    if (!res.ok) return setError(res.message);
    setData(res.data);
    if (t.ok) setTrend(t.data);
  }, []);

  useEffect(() => {
    void load(month);
  }, [load, month]);
  usePullDownRefresh(() => void load(month).finally(() => Taro.stopPullDownRefresh()));

  const reload = useCallback(() => void load(month), [load, month]);
  const refresh = useRefresh(reload);

  if (error && !data)
    return (
      <View className="ov-page">
        <PageHeader title="督查看板" />
        <ErrorView message={error} onRetry={() => void load(month)} />
      </View>
    );
  if (!data)
    return (
      <View className="ov-page">
        <PageHeader title="督查看板" />
        <LoadingView />
      </View>
    );

  const c = data.county;
  const rows = tab === 'all' ? data.units : tab === 'warning' ? data.ranking.warning : data.ranking.honour;
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
        {refresh.visible && refresh.status ? (
          <Text className={`ov-banner ${refresh.status.state === 'failed' ? 'ov-banner--red' : 'ov-banner--info'}`}>
            {refreshText(refresh.status)}
          </Text>
        ) : null}
        {refresh.error ? <Text className="ov-banner ov-banner--red">{refresh.error}</Text> : null}
        {error ? <Text className="ov-banner ov-banner--red">{error}</Text> : null}

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
          <Text className="ov-link" onClick={() => setMonth(shiftMonth(data.month, 1))}>
            下月 ›
          </Text>
        </View>
        <View className="ov-stats">
          <Stat value={c.accounts} label="政务新媒体账号" />
          <Stat value={c.posts14} label="近 14 天发布" />
          <Stat value={c.received} label="本月收到留言" />
          <Stat value={pct(c.acceptOnTimeRate)} label="按时受理率" />
          <Stat value={pct(c.answerOnTimeRate)} label="按时答复率" />
          <Stat value={hours(c.avgAnswerHours)} label="平均答复用时（工作时间）" />
          <Stat value={pct(c.satisfactionRate)} label="群众满意率" />
          <Stat value={c.overdueNow} label="超期未办" red={c.overdueNow > 0} />
          <Stat value={c.filingsOverdue} label="备案逾期" red={c.filingsOverdue > 0} />
          <Stat value={c.redUnits} label="红色标记单位" red={c.redUnits > 0} />
        </View>

        {trend ? (
          <View className="ov-cards">
            <Bars title="各月发布信息（条）" bars={trend.map((p) => ({ label: p.month.slice(5), value: p.posts }))} />
            <Bars
              title="各月收到留言（件）"
              bars={trend.map((p) => ({ label: p.month.slice(5), value: p.received, tone: 'grey' }))}
            />
            <Bars
              title="各月按时答复率"
              max={100}
              unit="%"
              bars={trend.map((p) => ({
                label: p.month.slice(5),
                value: p.answerOnTimeRate,
                tone: p.answerOnTimeRate !== null && p.answerOnTimeRate < 80 ? 'red' : 'green',
              }))}
            />
          </View>
        ) : null}

        <Text className="ov-section">红黑榜</Text>
        <View className="ov-tabs">
          {TABS.map(([k, label]) => (
            <Text key={k} className={`ov-tab${tab === k ? ' ov-tab--on' : ''}`} onClick={() => setTab(k)}>
              {label}
            </Text>
          ))}
        </View>
        {rows.length === 0 ? (
          <EmptyView
            title={
              tab === 'warning' ? '没有需要整改的单位' : tab === 'honour' ? '暂无得分 90 分以上的单位' : '暂无单位'
            }
          />
        ) : (
          <View className="ov-cards">
            {rows.map((u) => (
              <UnitCard key={u.unitId} u={u} month={data.month} />
            ))}
          </View>
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
