import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { UnitSummary } from '@shared/org/units';
import { UNSURE_UNIT } from '@shared/messages/schemas';
import { UnitPicker as UnitSheet } from '../../../components/UnitPicker';

// The 收信单位 field: a tappable row that opens the county's units (searched on the server, more
// at the bottom), with “不确定” first: the county government office then passes the message to
// the right unit. Typing 不确定/不知道 finds it too.

export const UNSURE_CHOICE: UnitSummary = {
  _id: UNSURE_UNIT,
  name: '不确定（由县政府办公室转交）',
  shortNames: [],
  kind: 'department',
};

const unsureWanted = (q: string) => !q || /不确定|不知道|不清楚|不晓得/.test(q);

interface Props {
  selectedName: string;
  onSelect: (unit: UnitSummary) => void;
}

export function UnitPicker({ selectedName, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const choose = (u: UnitSummary) => {
    onSelect(u);
    setOpen(false);
  };

  return (
    <View>
      <View className="compose-select" onClick={() => setOpen(true)}>
        <Text className={selectedName ? 'compose-select__value' : 'compose-select__placeholder'}>
          {selectedName || '请选择收信单位'}
        </Text>
        <Text className="compose-select__arrow">›</Text>
      </View>
      <UnitSheet
        visible={open}
        title="选择收信单位"
        selectedId={undefined}
        onPick={choose}
        onClose={() => setOpen(false)}
        header={(q) =>
          unsureWanted(q) ? (
            <View
              className={`unit-picker__item unit-picker__item--unsure${UNSURE_CHOICE.name === selectedName ? ' unit-picker__item--active' : ''}`}
              onClick={() => choose(UNSURE_CHOICE)}
            >
              <Text>不确定该找哪个单位</Text>
              <Text className="unit-picker__hint">由县政府办公室转交负责的单位办理</Text>
            </View>
          ) : null
        }
      />
    </View>
  );
}
