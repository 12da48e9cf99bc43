import { Text, View } from '@tarojs/components';

// A light bar chart drawn with plain Views (no chart library in the package): works the same in
// the mini program and on H5, costs a few hundred bytes, and each bar is a tappable element.

export interface Bar {
  label: string;
  value: number | null;
  /** Shown above the bar; defaults to the value. */
  text?: string;
  tone?: 'red' | 'blue' | 'green' | 'grey';
}

export function Bars(props: { title: string; bars: Bar[]; max?: number; unit?: string }) {
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  return (
    <View className="ov-chart">
      <Text className="ov-chart__title">{props.title}</Text>
      <View className="ov-chart__plot">
        {props.bars.map((b) => (
          <View key={b.label} className="ov-chart__col">
            <Text className="ov-chart__value">
              {b.text ?? (b.value === null ? '—' : `${b.value}${props.unit ?? ''}`)}
            </Text>
            <View className="ov-chart__track">
              <View
                className={`ov-chart__bar ov-chart__bar--${b.tone ?? 'blue'}`}
                style={{ height: `${Math.round(((b.value ?? 0) / max) * 100)}%` }}
              />
            </View>
            <Text className="ov-chart__label">{b.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
