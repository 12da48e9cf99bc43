import { Text, View } from '@tarojs/components';
import { MESSAGE_CATEGORY_LABELS, type InboxItemView } from '@shared/messages/schemas';
import { formatChinaTime } from '../../lib/time';
import { messageStateLabel, messageStateTone } from '../../lib/message-states';

export function InboxCard({ item }: { item: InboxItemView }) {
  return (
    <View className="zw-card inbox-card">
      <View className="inbox-card__top">
        <Text className="inbox-card__no">{item.trackingNo}</Text>
        <Text className={`zw-tag zw-tag--${messageStateTone(item.state)}`}>{messageStateLabel(item.state)}</Text>
      </View>
      <View className="inbox-card__title-row">
        <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[item.category] ?? '留言'}</Text>
        <Text className="inbox-card__title">{item.title}</Text>
      </View>
      {item.excerpt ? <Text className="inbox-card__excerpt">{item.excerpt}</Text> : null}
      <View className="inbox-card__foot">
        <Text>{formatChinaTime(item.createdAt)}</Text>
        {item.hasPhone ? <Text className="inbox-card__phone">留有电话</Text> : null}
      </View>
    </View>
  );
}
