import { Text, View } from '@tarojs/components';

// Large one-tap choices (platform, type, unit, person): no hidden menus on a phone.

export function Chips<T extends string>(props: {
  options: ReadonlyArray<{ id: T; label: string; hint?: string }>;
  value: T | '' | null;
  onPick(id: T): void;
  empty?: string;
}) {
  if (!props.options.length) return <Text className="zw-muted">{props.empty ?? '没有可选项'}</Text>;
  return (
    <View className="acc-chips">
      {props.options.map((o) => (
        <View
          key={o.id}
          className={`acc-chip${props.value === o.id ? ' acc-chip--active' : ''}`}
          onClick={() => props.onPick(o.id)}
        >
          <Text>{o.label}</Text>
          {o.hint ? <Text className="acc-chip__hint">{o.hint}</Text> : null}
        </View>
      ))}
    </View>
  );
}
