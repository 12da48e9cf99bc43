import { Text, View } from '@tarojs/components';

// A one-of-several choice as tappable chips (importance, type, weekday, unit…).
export function Chips<T extends string | number>(props: {
  options: ReadonlyArray<readonly [T, string]>;
  value: T | null;
  onPick: (v: T) => void;
}) {
  return (
    <View className="ov-tabs">
      {props.options.map(([v, label]) => (
        <Text
          key={String(v)}
          className={`ov-tab${props.value === v ? ' ov-tab--on' : ''}`}
          onClick={() => props.onPick(v)}
        >
          {label}
        </Text>
      ))}
    </View>
  );
}
