import { useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Popup, SearchBar } from '@nutui/nutui-react-taro';
import type { UnitSummary } from '@shared/org/units';
import { UNSURE_UNIT } from '@shared/messages/schemas';
import { groupUnits } from './units-filter';

// The 收信单位 field: a tappable row that opens a searchable list grouped by kind of unit, with
// “不确定” first: the county government office then passes the message to the right unit.

export const UNSURE_CHOICE: UnitSummary = {
  _id: UNSURE_UNIT,
  name: '不确定（由县政府办公室转交）',
  shortNames: [],
  kind: 'department',
};

export type UnitsState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; units: UnitSummary[] };

interface Props {
  units: UnitsState;
  selectedName: string;
  onSelect: (unit: UnitSummary) => void;
  onRetry: () => void;
}

export function UnitPicker({ units, selectedName, onSelect, onRetry }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => (units.status === 'ready' ? groupUnits(units.units, query) : []), [units, query]);

  const openPicker = () => {
    if (units.status === 'error') onRetry();
    setOpen(true);
  };

  return (
    <View>
      <View className="compose-select" onClick={openPicker}>
        <Text className={selectedName ? 'compose-select__value' : 'compose-select__placeholder'}>
          {selectedName || '请选择收信单位'}
        </Text>
        <Text className="compose-select__arrow">›</Text>
      </View>
      {units.status === 'error' && !open ? (
        <Text className="compose-hint compose-hint--warn" onClick={onRetry}>
          单位列表加载失败，点此重试
        </Text>
      ) : null}

      <Popup
        visible={open}
        position="bottom"
        round
        closeable
        title="选择收信单位"
        onClose={() => setOpen(false)}
        style={{ height: '75vh' }}
      >
        <View className="unit-picker">
          <SearchBar value={query} placeholder="搜索单位名称" onChange={(v: string) => setQuery(v)} />
          <ScrollView scrollY className="unit-picker__list">
            {units.status === 'loading' ? <Text className="unit-picker__note">正在加载单位列表…</Text> : null}
            {units.status === 'error' ? (
              <Text className="unit-picker__note" onClick={onRetry}>
                {units.message}，点此重试
              </Text>
            ) : null}
            {units.status === 'ready' && groups.length === 0 ? (
              <Text className="unit-picker__note">没有找到匹配的单位</Text>
            ) : null}
            {units.status === 'ready' && !query.trim() ? (
              <View
                className={`unit-picker__item unit-picker__item--unsure${UNSURE_CHOICE.name === selectedName ? ' unit-picker__item--active' : ''}`}
                onClick={() => {
                  onSelect(UNSURE_CHOICE);
                  setOpen(false);
                }}
              >
                <Text>不确定该找哪个单位</Text>
                <Text className="unit-picker__hint">由县政府办公室转交负责的单位办理</Text>
              </View>
            ) : null}
            {groups.map((g) => (
              <View key={g.kind} className="unit-picker__group">
                <Text className="unit-picker__group-label">{g.label}</Text>
                {g.units.map((u) => (
                  <View
                    key={u._id}
                    className={`unit-picker__item${u.name === selectedName ? ' unit-picker__item--active' : ''}`}
                    onClick={() => {
                      onSelect(u);
                      setOpen(false);
                      setQuery('');
                    }}
                  >
                    <Text>{u.name}</Text>
                  </View>
                ))}
              </View>
            ))}
          </ScrollView>
        </View>
      </Popup>
    </View>
  );
}
