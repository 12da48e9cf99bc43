import { Text, View } from '@tarojs/components';
import { collapseEqual } from '@shared/posts/diff';
import type { VersionDiffView } from '@shared/posts/views';
import { postImageUrl } from '../../services/posts';
import { ImageGrid } from '../../components/ImageGrid';

// What changed between two versions: deletions struck through in red, insertions underlined in
// green, long unchanged stretches shortened; images added and removed shown as thumbnails.

const FIELD_LABELS: Record<string, string> = {
  kind: '类型',
  title: '标题',
  body: '正文',
  links: '链接',
  sourceName: '来源',
  sourceUrl: '来源链接',
  videoUrl: '视频链接',
  emergencyEvent: '回应的突发事件',
};

function ImagesChange({ postId, images }: { postId: string; images: NonNullable<VersionDiffView['images']> }) {
  const load = (imageId: string) => postImageUrl(postId, imageId);
  const parts = [
    images.added.length ? `新增 ${images.added.length} 张` : '',
    images.removed.length ? `删除 ${images.removed.length} 张` : '',
    images.reordered ? '调整了顺序' : '',
  ].filter(Boolean);
  return (
    <View className="posts-diff__field">
      <Text className="posts-diff__label">图片：{parts.join('，')}</Text>
      {images.added.length ? (
        <View className="posts-diff__images">
          <Text className="posts-diff__seg posts-diff__seg--insert">新增</Text>
          <ImageGrid photos={images.added} load={load} />
        </View>
      ) : null}
      {images.removed.length ? (
        <View className="posts-diff__images posts-diff__images--removed">
          <Text className="posts-diff__seg posts-diff__seg--delete">删除</Text>
          <ImageGrid photos={images.removed} load={load} />
        </View>
      ) : null}
    </View>
  );
}

export function DiffView({ diff, postId }: { diff: VersionDiffView; postId: string }) {
  const fields = Object.entries(diff.fields);
  return (
    <View className="posts-diff">
      <Text className="posts-diff__head">
        {diff.basis === 'seen' ? `自您上次查看的第 ${diff.from} 版以来的修改` : `第 ${diff.from} 版 → 第 ${diff.to} 版`}
        （现为第 {diff.to} 版）
      </Text>
      {fields.length === 0 && !diff.images ? <Text className="zw-muted">内容没有变化</Text> : null}
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
      {diff.images ? <ImagesChange postId={postId} images={diff.images} /> : null}
    </View>
  );
}
