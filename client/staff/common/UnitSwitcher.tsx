import { ScrollView, Text, View } from '@tarojs/components';
import './UnitSwitcher.scss';

// A row of unit chips for people who administer several units (or the whole county).

export interface UnitOption {
  id: string;
  name: string;
}

export function UnitSwitcher(props: { units: UnitOption[]; current: string; onPick(id: string): void }) {
  if (props.units.length < 2) return null;
  return (
    <ScrollView scrollX className="zw-units">
      {props.units.map((u) => (
        <View
          key={u.id || 'all'}
          className={`zw-units__item${u.id === props.current ? ' zw-units__item--active' : ''}`}
          onClick={() => props.onPick(u.id)}
        >
          <Text>{u.name}</Text>
        </View>
      ))}
    </ScrollView>
  );
}
