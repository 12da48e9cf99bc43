import { useCallback, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { UNIT_KIND_LABELS, type UnitSummary } from '@shared/org/units';
import { unitsPage } from '../services/units';
import { SearchList } from './SearchList';
import './UnitPicker.scss';

// Choosing one of the county's units (about 300): a sheet that searches the server by name or
// short name and loads more at the bottom. UnitField is the form row that opens it; UnitsField
// the row for several units (each chosen one a chip, tapped to remove).

export interface UnitPickerProps {
  visible: boolean;
  title: string;
  selectedId?: string;
  /** A unit not to offer (the one a message is already at). */
  exclude?: string;
  /** Units not to offer (already chosen, or of a kind the form does not take). */
  hide?: (unit: UnitSummary) => boolean;
  /** Choices above the units, given the search text (不确定, 全部单位). */
  header?: (q: string) => ReactNode;
  /** Shows each unit's kind (乡镇, 部门…) beside its name. */
  showKind?: boolean;
  onPick(unit: UnitSummary): void;
  onClose(): void;
}

/** The searchable, paged list of units, for a sheet of its own or inside another one. */
export function UnitList(props: Omit<UnitPickerProps, 'visible' | 'title' | 'onClose'> & { scrollClassName?: string }) {
  const load = useCallback((q: string, cursor: string | null) => unitsPage({ q, cursor }), []);
  const { onPick, selectedId, showKind, exclude, hide } = props;
  const hidden = exclude || hide ? (u: UnitSummary) => u._id === exclude || Boolean(hide?.(u)) : undefined;
  return (
    <SearchList<UnitSummary>
      load={load}
      keyOf={(u) => u._id}
      placeholder="搜索单位名称，如“教育”“花马池”"
      notFound="没有找到匹配的单位，换个关键词试试"
      empty="暂无单位"
      hide={hidden}
      header={props.header}
      scrollClassName={props.scrollClassName}
      render={(u) => (
        <View
          className={`unit-picker__item${u._id === selectedId ? ' unit-picker__item--active' : ''}`}
          onClick={() => onPick(u)}
        >
          <Text>{u.name}</Text>
          {showKind ? <Text className="unit-picker__kind">{UNIT_KIND_LABELS[u.kind]}</Text> : null}
        </View>
      )}
    />
  );
}

export function UnitPicker(props: UnitPickerProps) {
  const { visible, title, onClose, ...list } = props;
  return (
    <Popup
      visible={visible}
      position="bottom"
      round
      closeable
      title={title}
      onClose={onClose}
      style={{ height: '75vh' }}
    >
      {/* Mounted while open: each opening starts from the top with the latest units. */}
      {visible ? <UnitList {...list} /> : null}
    </Popup>
  );
}

/** A form row showing the chosen unit; tapping it opens the picker. */
export function UnitField(props: {
  value: { id: string; name: string } | null;
  placeholder: string;
  title: string;
  /** A first choice meaning "no particular unit" (e.g. 全部单位). */
  anyLabel?: string;
  onChange(unit: { id: string; name: string } | null): void;
}) {
  const [open, setOpen] = useState(false);
  const { onChange, anyLabel } = props;
  const pick = (u: { id: string; name: string } | null) => {
    onChange(u);
    setOpen(false);
  };
  return (
    <View>
      <View className="unit-field" onClick={() => setOpen(true)}>
        <Text className={props.value ? 'unit-field__value' : 'unit-field__placeholder'}>
          {props.value?.name ?? props.placeholder}
        </Text>
        <Text className="unit-field__arrow">›</Text>
      </View>
      <UnitPicker
        visible={open}
        title={props.title}
        selectedId={props.value?.id}
        showKind
        onPick={(u) => pick({ id: u._id, name: u.name })}
        onClose={() => setOpen(false)}
        header={
          anyLabel
            ? (q) =>
                q ? null : (
                  <View
                    className={`unit-picker__item${props.value ? '' : ' unit-picker__item--active'}`}
                    onClick={() => pick(null)}
                  >
                    <Text>{anyLabel}</Text>
                  </View>
                )
            : undefined
        }
      />
    </View>
  );
}

/** Several units for a form: the chosen ones as chips (tap to remove) and a row to add one more. */
export function UnitsField(props: {
  value: Array<{ id: string; name: string }>;
  placeholder: string;
  title: string;
  /** Units the form does not take, left out of the picker. */
  hide?: (unit: UnitSummary) => boolean;
  onChange(units: Array<{ id: string; name: string }>): void;
}) {
  const [open, setOpen] = useState(false);
  const { value, onChange, hide } = props;
  const chosen = new Set(value.map((u) => u.id));
  return (
    <View>
      {value.length ? (
        <View className="unit-chips">
          {value.map((u) => (
            <Text key={u.id} className="unit-chips__chip" onClick={() => onChange(value.filter((v) => v.id !== u.id))}>
              {u.name} ×
            </Text>
          ))}
        </View>
      ) : null}
      <View className="unit-field" onClick={() => setOpen(true)}>
        <Text className="unit-field__placeholder">{value.length ? '再添加一个单位' : props.placeholder}</Text>
        <Text className="unit-field__arrow">›</Text>
      </View>
      <UnitPicker
        visible={open}
        title={props.title}
        showKind
        hide={(u) => chosen.has(u._id) || Boolean(hide?.(u))}
        onPick={(u) => {
          onChange([...value, { id: u._id, name: u.name }]);
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  );
}
