import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { POST_KIND_LABELS } from '@shared/posts/kinds';
import { REVIEW_CHECKLIST } from '@shared/posts/schemas';
import type { PostDetailView } from '@shared/posts/views';
import { formatChinaTime } from '../../lib/time';
import { postImageUrl } from '../../services/posts';
import { ImageGrid } from '../../components/ImageGrid';
import { HighlightedText } from '../components/HighlightedText';
import { StateTag } from '../components/StateTag';
import { hitsFor } from '../lib/highlight';
import { deliveryLabel } from '../lib/labels';

// The read-only parts of a post's page: who and where, the content with its check marks and
// images, the emergency event it answers, and the signatures (review checklist, approval,
// publication).

export function PostHeader({ post }: { post: PostDetailView }) {
  const people = [
    `撰稿 ${post.authorName}`,
    post.reviewerName ? `审核 ${post.reviewerName}` : null,
    post.approverName ? `审批 ${post.approverName}` : `审批 ${post.account.leaderName}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <View className="zw-card">
      <View className="pd-head">
        <Text className="pd-head__account">
          {post.account.name} · {PLATFORM_LABELS[post.account.platform]}
        </Text>
        <StateTag state={post.state} />
      </View>
      <Text className="pd-head__title">{post.content.title}</Text>
      <Text className="zw-muted">
        {POST_KIND_LABELS[post.content.kind]} · 第 {post.version} 版 · {people}
      </Text>
      {post.state === 'approved' || post.state === 'published' || post.state === 'corrected' ? (
        <Text className="zw-muted">
          平台：{deliveryLabel(post.delivery.state)}
          {post.delivery.publishedAt ? `，${formatChinaTime(post.delivery.publishedAt)}` : ''}
        </Text>
      ) : null}
      {post.delivery.url ? (
        <Text className="pd-link" onClick={() => void Taro.setClipboardData({ data: post.delivery.url! })}>
          {post.delivery.url}
        </Text>
      ) : null}
    </View>
  );
}

export function PostContentCard({ post }: { post: PostDetailView }) {
  const hits = post.checks?.hits ?? [];
  const c = post.content;
  return (
    <View className="zw-card">
      <Text className="posts-section">正文</Text>
      <HighlightedText text={c.body} hits={hitsFor(hits, 'body')} />
      {c.images.length ? (
        <View className="pd-gap pd-images">
          <Text className="zw-muted">图片 {c.images.length} 张（仅工作人员可见，公开信息流不含图片）</Text>
          <ImageGrid photos={c.images} load={(imageId) => postImageUrl(post._id, imageId)} />
        </View>
      ) : null}
      {post.emergencyEvent ? (
        <Text className="zw-muted pd-gap pd-event">
          回应突发事件：【{post.emergencyEvent.levelLabel}】{post.emergencyEvent.title}
          {post.emergencyEvent.active ? '' : '（已结束）'}
        </Text>
      ) : c.kind === 'emergency' ? (
        <Text className="zw-muted pd-gap">未关联县政府办公室宣布的突发事件</Text>
      ) : null}
      {c.kind === 'repost' ? <Text className="zw-muted pd-gap">来源：{c.sourceName || '（未填写）'}</Text> : null}
      {c.links.map((l, i) => (
        <Text key={i} className="pd-link">
          {l}
        </Text>
      ))}
      {post.corrects ? <Text className="zw-muted pd-gap">更正：「{post.corrects.title}」</Text> : null}
      {post.correctedBy ? (
        <Text className="posts-banner posts-banner--warn pd-gap">
          已被更正：「{post.correctedBy.title}」（{formatChinaTime(post.correctedBy.at)}）
        </Text>
      ) : null}
    </View>
  );
}

export function Signatures({ post }: { post: PostDetailView }) {
  if (!post.checklist && !post.approval) return null;
  return (
    <View className="zw-card">
      {post.checklist ? (
        <View>
          <Text className="posts-section">保密审查（已签署）</Text>
          <Text className="zw-muted">
            {REVIEW_CHECKLIST.filter((c) => post.checklist!.items.includes(c.key))
              .map((c) => `✓${c.label}`)
              .join('  ')}
          </Text>
          <Text className="zw-muted">
            审核人 {post.checklist.byName} · {formatChinaTime(post.checklist.at)}
            {post.checklist.note ? ` · 意见：${post.checklist.note}` : ''}
          </Text>
        </View>
      ) : null}
      {post.approval ? (
        <View className="pd-gap">
          <Text className="posts-section">审批</Text>
          <Text className="zw-muted">
            {post.approval.byName} 已审批通过（PIN 验证）· {formatChinaTime(post.approval.at)}
            {post.approval.note ? ` · ${post.approval.note}` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
