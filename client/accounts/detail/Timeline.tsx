import { Text, View } from '@tarojs/components';
import type { AccountDetail } from '../../services/accounts';
import { formatChinaTime } from '../../lib/time';

// Every step the account went through: when, who, what, and the reason given.

export function Timeline({ entries }: { entries: AccountDetail['timeline'] }) {
  return (
    <View className="acc-timeline">
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className="acc-timeline__item">
          <View className="acc-timeline__dot" />
          <View className="acc-timeline__body">
            <Text className="acc-timeline__label">{e.label}</Text>
            <Text className="acc-timeline__meta">
              {formatChinaTime(e.at)} · {e.byName}
              {e.byTitle ? `（${e.byTitle}）` : ''}
            </Text>
            {e.reason ? <Text className="acc-timeline__reason">理由：{e.reason}</Text> : null}
            {e.note ? <Text className="acc-timeline__note">{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
