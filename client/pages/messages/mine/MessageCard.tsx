import { Text, View } from '@tarojs/components';
import {
  MESSAGE_CATEGORY_LABELS,
  PUBLIC_STATUS_LABELS,
  type MyMessageView,
  type PublicStatus,
} from '@shared/messages/schemas';
import { formatChinaTime } from '../../../lib/time';

const STATUS_TONE: Record<PublicStatus, 'todo' | 'doing' | 'done'> = {
  submitted: 'todo',
  accepted: 'doing',
  inProgress: 'doing',
  answered: 'done',
  closed: 'done',
};

export function publicStatusTone(s: PublicStatus): 'todo' | 'doing' | 'done' {
  return STATUS_TONE[s] ?? 'doing';
}

export function MessageCard({ item, onTap }: { item: MyMessageView; onTap: () => void }) {
  return (
    <View className="zw-card mine-card" onClick={onTap} hoverClass="mine-card--pressed">
      <View className="mine-card__top">
        <Text className="mine-card__no">{item.trackingNo}</Text>
        <View>
          {item.awaitingRating ? <Text className="zw-tag zw-tag--todo">请评价</Text> : null}
          <Text className={`zw-tag zw-tag--${publicStatusTone(item.publicStatus)}`}>
            {PUBLIC_STATUS_LABELS[item.publicStatus] ?? '处理中'}
          </Text>
        </View>
      </View>
      <Text className="mine-card__title">{item.title}</Text>
      <View className="mine-card__meta">
        <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[item.category] ?? '留言'}</Text>
        <Text className="mine-card__unit">{item.unitName}</Text>
      </View>
      <Text className="mine-card__time">{formatChinaTime(item.createdAt)}</Text>
    </View>
  );
}
