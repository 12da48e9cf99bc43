import { Text, View } from '@tarojs/components';
import { MESSAGE_CATEGORIES, MESSAGE_CATEGORY_LABELS, type MessageCategory } from '@shared/messages/schemas';

// 咨询 / 投诉 / 建议 / 求助 / 举报 as large chips: one tap, no hidden menu.

export function CategoryPicker({
  value,
  onChange,
}: {
  value: MessageCategory | '';
  onChange: (c: MessageCategory) => void;
}) {
  return (
    <View className="compose-chips">
      {MESSAGE_CATEGORIES.map((c) => (
        <View
          key={c}
          className={`compose-chip${value === c ? ' compose-chip--active' : ''}`}
          onClick={() => onChange(c)}
        >
          <Text>{MESSAGE_CATEGORY_LABELS[c]}</Text>
        </View>
      ))}
    </View>
  );
}
