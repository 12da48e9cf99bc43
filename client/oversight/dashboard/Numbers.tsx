import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardView, TrendPoint } from '../../services/oversight';
import { EmptyView } from '../../components/StateViews';
import { Bars } from '../common/Bars';
import { hours, pct } from '../common/format';
import { UnitCard } from './UnitCard';

// The dashboard's numbers for a month: the county's sums, the trend, the 红黑榜 and every unit.
// Shown only when the server says they have been computed (index.tsx).

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

export function Numbers({ data, trend }: { data: DashboardView; trend: TrendPoint[] | null }) {
  const [tab, setTab] = useState<Tab>('warning');
  const c = data.county;
  const rows = tab === 'all' ? data.units : tab === 'warning' ? data.ranking.warning : data.ranking.honour;
  return (
    <View>
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
          title={tab === 'warning' ? '没有需要整改的单位' : tab === 'honour' ? '暂无得分 90 分以上的单位' : '暂无单位'}
        />
      ) : (
        <View className="ov-cards">
          {rows.map((u) => (
            <UnitCard key={u.unitId} u={u} month={data.month} />
          ))}
        </View>
      )}
    </View>
  );
}
