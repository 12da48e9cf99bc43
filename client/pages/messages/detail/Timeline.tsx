import { Text, View } from '@tarojs/components';
import { formatChinaTime } from '../../../lib/time';
import './Timeline.scss';

// The history of a message as a vertical line of dated steps, newest last.

export function Timeline({ items }: { items: Array<{ at: number; text: string; who?: string }> }) {
  if (!items.length) return null;
  return (
    <View className="zw-timeline">
      {items.map((e, i) => (
        <View
          key={`${e.at}-${i}`}
          className={`zw-timeline__item${i === items.length - 1 ? ' zw-timeline__item--last' : ''}`}
        >
          <View className="zw-timeline__dot" />
          <View className="zw-timeline__body">
            <Text className="zw-timeline__text">
              {e.who ? <Text className="zw-timeline__who">{`${e.who}\u3000`}</Text> : null}
              {e.text}
            </Text>
            <Text className="zw-timeline__time">{formatChinaTime(e.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
