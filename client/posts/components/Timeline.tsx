import { Text, View } from '@tarojs/components';
import type { TimelineEntry } from '@shared/posts/views';
import { formatChinaTime } from '../../lib/time';
import { stateLabel } from '../lib/labels';

// The post's history: who did what, when, on which version, and why.

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (!entries.length) return <Text className="zw-muted">暂无记录</Text>;
  return (
    <View className="posts-timeline">
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className="posts-timeline__item">
          <View className="posts-timeline__dot" />
          <View className="posts-timeline__body">
            <View className="posts-timeline__head">
              <Text className="posts-timeline__label">{e.label}</Text>
              <Text className="posts-timeline__who">{e.actorName}</Text>
            </View>
            <Text className="posts-timeline__meta">
              {formatChinaTime(e.at)} · 第 {e.version} 版 · {stateLabel(e.toState)}
            </Text>
            {e.reason ? <Text className="posts-timeline__reason">理由：{e.reason}</Text> : null}
            {e.note ? <Text className="posts-timeline__reason">意见：{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
