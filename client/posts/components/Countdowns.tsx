import { Text, View } from '@tarojs/components';
import type { EmergencyCountdown } from '@shared/posts/emergency';
import { formatChinaTime } from '../../lib/time';

// 突发事件: the 5-hour first release and the 24/48-hour follow-ups, counted from the event.

export function Countdowns(props: { occurredAt: number; countdowns: EmergencyCountdown[]; compact?: boolean }) {
  if (props.compact) {
    const first = props.countdowns[0];
    return (
      <Text className={`posts-emergency__chip${first.overdue ? ' posts-emergency__chip--overdue' : ''}`}>
        突发事件 · {first.label}
        {first.text}
      </Text>
    );
  }
  return (
    <View className="posts-emergency">
      <Text className="posts-emergency__title">突发事件 · 事件发生于 {formatChinaTime(props.occurredAt)}</Text>
      {props.countdowns.map((c) => (
        <View key={c.key} className={`posts-emergency__row${c.overdue ? ' posts-emergency__row--overdue' : ''}`}>
          <Text className="posts-emergency__label">{c.label}</Text>
          <Text className="posts-emergency__due">时限 {formatChinaTime(c.dueAt)}</Text>
          <Text className="posts-emergency__left">{c.text}</Text>
        </View>
      ))}
      <Text className="zw-muted">依据：国办发〔2016〕61号；第十八条（四）、第二十四条</Text>
    </View>
  );
}
