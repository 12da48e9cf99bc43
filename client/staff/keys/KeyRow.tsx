import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CHANNEL_LABELS } from '@shared/messages/schemas';
import type { ImportKeyView } from '../../services/portal';
import { formatChinaTime } from '../../lib/time';

// One import key: its channel and name, who made it and when, and whether it still works
// (已停用 says when and why). Only an active key offers 停用.

export function KeyRow(props: { item: ImportKeyView; busy: boolean; onRevoke(k: ImportKeyView): void }) {
  const k = props.item;
  const active = k.status === 'active';
  return (
    <View className={`keys-row${active ? '' : ' keys-row--revoked'}`}>
      <View className="keys-row__main">
        <View className="keys-row__head">
          <Text className="keys-row__name">{k.name}</Text>
          <Text className="zw-tag">{CHANNEL_LABELS[k.channel]}</Text>
          <Text className={`zw-tag ${active ? 'zw-tag--done' : 'zw-tag--todo'}`}>{active ? '有效' : '已停用'}</Text>
        </View>
        <Text className="zw-muted keys-row__id">{k.keyId}</Text>
        <Text className="zw-muted">
          {k.createdByName} 创建于 {formatChinaTime(k.createdAt)}
        </Text>
        {!active ? (
          <Text className="keys-row__revoked">
            {formatChinaTime(k.revokedAt)} 停用{k.revokeReason ? `：${k.revokeReason}` : ''}
          </Text>
        ) : null}
      </View>
      {active ? (
        <Button
          className="keys-row__btn"
          size="mini"
          type="danger"
          fill="outline"
          disabled={props.busy}
          onClick={() => props.onRevoke(k)}
        >
          停用
        </Button>
      ) : null}
    </View>
  );
}
