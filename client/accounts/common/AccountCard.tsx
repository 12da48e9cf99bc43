import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ACCOUNT_TYPE_LABELS, PLATFORM_LABELS } from '@shared/accounts/contract';
import type { AccountListItem } from '../../services/accounts';
import { statusLabel, statusTone } from './labels';

// One account in a staff list: name, platform, state, and the filing badge (days left / overdue).

export function AccountCard({ item, showUnit }: { item: AccountListItem; showUnit?: boolean }) {
  const tone = statusTone(item.status, item.refiling);
  return (
    <View
      className="zw-card acc-card"
      onClick={() => void Taro.navigateTo({ url: `/accounts/detail/index?id=${item._id}` })}
    >
      <View className="acc-card__top">
        <Text className="acc-card__name">{item.name}</Text>
        <Text className={`zw-tag${tone ? ` zw-tag--${tone}` : ''}`}>{statusLabel(item.status, item.refiling)}</Text>
      </View>
      <View className="acc-card__meta">
        <Text className="zw-tag">{PLATFORM_LABELS[item.platform]}</Text>
        <Text className="zw-tag">{ACCOUNT_TYPE_LABELS[item.type]}</Text>
        {showUnit ? <Text className="acc-card__unit">{item.owningUnitName}</Text> : null}
      </View>
      {item.flag ? (
        <Text className={`acc-badge${item.flag.daysOverdue > 0 ? ' acc-badge--overdue' : ''}`}>{item.flag.text}</Text>
      ) : null}
    </View>
  );
}
