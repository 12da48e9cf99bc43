import { Text, View } from '@tarojs/components';
import { MESSAGE_CATEGORY_LABELS, type InboxItemView } from '@shared/messages/schemas';
import { STATE_LABELS } from '@shared/messages/transitions';
import { deadlineStatus } from '@shared/messages/deadline';
import { formatChinaTime } from '../../lib/time';

// One message in a staff list: state, deadline (or how late it is), flags that need attention.

const STATE_TONE: Record<string, 'todo' | 'doing' | 'done'> = {
  submitted: 'todo',
  transferring: 'todo',
  answered: 'done',
  closed: 'done',
};

export function InboxCard({
  item,
  now,
  showUnit,
  onTap,
}: {
  item: InboxItemView;
  now: number;
  showUnit?: boolean;
  onTap: () => void;
}) {
  const due = deadlineStatus(item.dueAt, now);
  return (
    <View className={`zw-card inbox-card${item.urgent ? ' inbox-card--urgent' : ''}`} onClick={onTap}>
      <View className="inbox-card__top">
        <Text className="inbox-card__no">{item.trackingNo}</Text>
        <Text className={`zw-tag zw-tag--${STATE_TONE[item.state] ?? 'doing'}`}>
          {STATE_LABELS[item.state] ?? '办理中'}
        </Text>
      </View>
      <View className="inbox-card__title-row">
        <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[item.category] ?? '留言'}</Text>
        <Text className="inbox-card__title">{item.title}</Text>
      </View>
      {item.excerpt ? <Text className="inbox-card__excerpt">{item.excerpt}</Text> : null}
      <View className="inbox-card__flags">
        {item.urgent ? <Text className="zw-tag zw-tag--todo">紧急</Text> : null}
        {item.urgedOpen ? <Text className="zw-tag zw-tag--todo">督查室催办</Text> : null}
        {item.reopened ? <Text className="zw-tag zw-tag--todo">不满意重办</Text> : null}
        {item.extensionRequested ? <Text className="zw-tag zw-tag--doing">延期待批</Text> : null}
        {item.channel !== 'miniprogram' ? (
          <Text className="zw-tag">{item.channel === 'portal' ? '门户信箱' : '12345'}</Text>
        ) : null}
      </View>
      {due.tone !== 'none' ? (
        <Text className={`inbox-card__due inbox-card__due--${due.tone}`}>
          {item.dueKind === 'accept' ? '受理期限' : '答复期限'} {due.due}
          {due.tone === 'ok' ? '' : `，${due.text}`}
        </Text>
      ) : null}
      <View className="inbox-card__foot">
        <Text>{formatChinaTime(item.createdAt)}</Text>
        {showUnit ? <Text className="inbox-card__unit">{item.unitName}</Text> : null}
        {item.handlerName ? <Text>承办：{item.handlerName}</Text> : null}
        {item.hasPhone ? <Text className="inbox-card__phone">留有电话</Text> : null}
      </View>
    </View>
  );
}
