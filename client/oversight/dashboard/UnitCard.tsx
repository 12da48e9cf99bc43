import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UnitRowView } from '../../services/oversight';
import { day, hours, pct } from '../common/format';

// One unit on the dashboard: its mark, score and the numbers; tapping drills into the unit.
export function UnitCard({ u, month }: { u: UnitRowView; month: string }) {
  const tone = u.red ? ' ov-card--red' : !u.pass && u.ranked ? ' ov-card--warn' : '';
  return (
    <View
      className={`ov-card ov-card--tap${tone}`}
      onClick={() => void Taro.navigateTo({ url: `/oversight/unit/index?unitId=${u.unitId}&month=${month}` })}
    >
      <View className="ov-row">
        <Text className="ov-card__title">{u.unitName}</Text>
        <View>
          {u.red ? <Text className="ov-tag ov-tag--red">红色标记</Text> : null}
          {u.ranked ? (
            <Text className={`ov-tag ${u.pass ? 'ov-tag--ok' : 'ov-tag--warn'}`}>{u.score} 分</Text>
          ) : (
            <Text className="ov-tag ov-tag--grey">未开设账号</Text>
          )}
        </View>
      </View>
      <View className="ov-grid">
        <Text className="ov-grid__cell">
          账号 {u.accounts} 个 · 近14天发布 {u.posts14} 条
        </Text>
        <Text className="ov-grid__cell">最近更新 {day(u.lastPostAt)}</Text>
        <Text className="ov-grid__cell">
          留言 {u.received} 件 · 按时答复 {pct(u.answerOnTimeRate)}
        </Text>
        <Text className="ov-grid__cell">
          满意率 {pct(u.satisfactionRate)} · 平均 {hours(u.avgAnswerHours)}
        </Text>
        <Text className="ov-grid__cell">
          超期未办 {u.overdueNow} 件 · 备案逾期 {u.filingsOverdue}
        </Text>
        <Text className="ov-grid__cell">
          预警 {u.alerts.red + u.alerts.warn + u.alerts.remind} 条（红 {u.alerts.red}）
        </Text>
      </View>
    </View>
  );
}
