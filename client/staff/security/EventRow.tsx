import { Text, View } from '@tarojs/components';
import type { SecurityEventView } from '../../services/identity';
import { formatChinaTime } from '../../lib/time';

// One entry of the audit trail as a person reads it: when, who, what, and whether it was refused.

export function EventRow({ item }: { item: SecurityEventView }) {
  const refused = item.result !== 'ok';
  return (
    <View className={`sec-row${refused ? ' sec-row--refused' : ''}`}>
      <View className="sec-row__head">
        <Text className="sec-row__label">{item.label}</Text>
        <Text className={`zw-tag ${refused ? 'zw-tag--todo' : 'zw-tag--done'}`}>{refused ? '被拒绝' : '完成'}</Text>
      </View>
      <Text className="sec-row__meta">
        {formatChinaTime(item.at)} · {item.actorName}
      </Text>
      {item.reason ? <Text className="sec-row__reason">{item.reason}</Text> : null}
    </View>
  );
}
