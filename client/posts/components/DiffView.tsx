import { Text, View } from '@tarojs/components';
import { collapseEqual } from '@shared/posts/diff';
import type { VersionDiffView } from '@shared/posts/views';

// What changed between two versions: deletions struck through in red, insertions underlined in
// green, long unchanged stretches shortened.

const FIELD_LABELS: Record<string, string> = {
  kind: '类型',
  title: '标题',
  body: '正文',
  links: '链接',
  sourceName: '来源',
  sourceUrl: '来源链接',
  videoUrl: '视频链接',
};

export function DiffView({ diff }: { diff: VersionDiffView }) {
  const fields = Object.entries(diff.fields);
  return (
    <View className="posts-diff">
      <Text className="posts-diff__head">
        {diff.basis === 'seen' ? `自您上次查看的第 ${diff.from} 版以来的修改` : `第 ${diff.from} 版 → 第 ${diff.to} 版`}
        （现为第 {diff.to} 版）
      </Text>
      {fields.length === 0 ? <Text className="zw-muted">内容没有变化</Text> : null}
      {fields.map(([field, segs]) => (
        <View key={field} className="posts-diff__field">
          <Text className="posts-diff__label">{FIELD_LABELS[field] ?? field}</Text>
          <View className="posts-diff__text">
            {collapseEqual(segs ?? [], 24).map((s, i) => (
              <Text key={i} className={`posts-diff__seg posts-diff__seg--${s.op}`}>
                {s.text}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
