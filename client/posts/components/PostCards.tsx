import { Text, View } from '@tarojs/components';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { POST_KIND_LABELS } from '@shared/posts/kinds';
import type { MyPostItemView, QueueItemView } from '@shared/posts/views';
import { formatChinaTime } from '../../lib/time';
import { Countdowns } from './Countdowns';
import { StateTag } from './StateTag';

// Cards of the lists: big tap targets, the title first, what needs doing next.

export function QueueCard(props: { item: QueueItemView; onOpen: () => void }) {
  const { item } = props;
  return (
    <View className={`zw-card posts-card${item.emergency ? ' posts-card--emergency' : ''}`} onClick={props.onOpen}>
      {item.emergency ? (
        <Countdowns occurredAt={item.emergency.occurredAt} countdowns={item.emergency.countdowns} compact />
      ) : null}
      <View className="posts-card__top">
        <Text className="posts-card__account">
          {item.accountName} · {PLATFORM_LABELS[item.platform]}
        </Text>
        <StateTag state={item.state} />
      </View>
      <Text className="posts-card__title">{item.title}</Text>
      <Text className="posts-card__excerpt">{item.excerpt}</Text>
      <View className="posts-card__foot">
        <Text>
          {POST_KIND_LABELS[item.kind]} · {item.authorName} · 第 {item.version} 版
        </Text>
        {item.changedSinceSeen ? <Text className="posts-card__changed">有修改</Text> : null}
        {item.checks && item.checks.overridable ? (
          <Text className="posts-card__warn">个人信息 {item.checks.overridable} 处</Text>
        ) : null}
      </View>
      <Text className="posts-card__time">排队自 {formatChinaTime(item.queuedAt)}</Text>
    </View>
  );
}

export function MyPostCard(props: { item: MyPostItemView; onOpen: () => void }) {
  const { item } = props;
  return (
    <View className="zw-card posts-card" onClick={props.onOpen}>
      <View className="posts-card__top">
        <Text className="posts-card__account">
          {item.accountName} · {PLATFORM_LABELS[item.platform]}
        </Text>
        <StateTag state={item.state} />
      </View>
      <Text className="posts-card__title">{item.title}</Text>
      {item.returnedReason ? <Text className="posts-card__returned">退回理由：{item.returnedReason}</Text> : null}
      <View className="posts-card__foot">
        <Text>
          {POST_KIND_LABELS[item.kind]} · 第 {item.version} 版
        </Text>
        <Text>{formatChinaTime(item.updatedAt)}</Text>
      </View>
    </View>
  );
}
