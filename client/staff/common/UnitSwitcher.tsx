import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { UnitSummary } from '@shared/org/units';
import { UnitPicker } from '../../components/UnitPicker';
import './UnitSwitcher.scss';

// A row of unit chips for people who administer several units. The information center may
// manage any of the county's units: its row ends in “其他单位…”, which searches them all.

export interface UnitOption {
  id: string;
  name: string;
}

export function UnitSwitcher(props: {
  units: UnitOption[];
  current: string;
  onPick(id: string): void;
  /** Offer every unit of the county; a unit found there is passed here before it is picked. */
  onFound?(unit: UnitSummary): void;
}) {
  const [searching, setSearching] = useState(false);
  const { onFound, onPick } = props;
  if (props.units.length < 2 && !onFound) return null;
  return (
    <View>
      <ScrollView scrollX className="zw-units">
        {props.units.map((u) => (
          <View
            key={u.id || 'all'}
            className={`zw-units__item${u.id === props.current ? ' zw-units__item--active' : ''}`}
            onClick={() => onPick(u.id)}
          >
            <Text>{u.name}</Text>
          </View>
        ))}
        {onFound ? (
          <View className="zw-units__item zw-units__item--more" onClick={() => setSearching(true)}>
            <Text>其他单位…</Text>
          </View>
        ) : null}
      </ScrollView>
      {onFound ? (
        <UnitPicker
          visible={searching}
          title="选择单位"
          selectedId={props.current}
          showKind
          onClose={() => setSearching(false)}
          onPick={(u) => {
            setSearching(false);
            onFound(u);
            onPick(u._id);
          }}
        />
      ) : null}
    </View>
  );
}
