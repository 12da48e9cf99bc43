import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { IS_WEAPP } from '../services/env';
import './PinPad.scss';

// A 6-digit PIN pad for one hand: six dots and large keys, the delete key under the thumb.
// On H5 the physical keyboard types too (desktop demo, end-to-end tests).

export const PIN_LENGTH = 6;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'del'] as const;

interface Props {
  value: string;
  onChange(next: string): void;
  /** Called once when the sixth digit is entered. */
  onComplete?(pin: string): void;
  disabled?: boolean;
  /** Listen to the physical keyboard (H5); only the pad on screen should. */
  keyboard?: boolean;
}

export function PinPad({ value, onChange, onComplete, disabled, keyboard = true }: Props) {
  // The keyboard listener sees the latest props without re-subscribing on every digit.
  const latest = useRef({ value, onChange, onComplete, disabled });
  latest.current = { value, onChange, onComplete, disabled };

  const press = (key: string) => {
    const { value: v, onChange: change, onComplete: complete, disabled: off } = latest.current;
    if (off) return;
    if (key === 'del') return change(v.slice(0, -1));
    if (!/^\d$/.test(key) || v.length >= PIN_LENGTH) return;
    const next = v + key;
    change(next);
    if (next.length === PIN_LENGTH) complete?.(next);
  };

  useEffect(() => {
    if (IS_WEAPP || !keyboard || typeof document === 'undefined') return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') press('del');
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyboard]);

  return (
    <View className={`zw-pinpad${disabled ? ' zw-pinpad--disabled' : ''}`}>
      <View className="zw-pinpad__dots" aria-label={`已输入 ${value.length} 位`}>
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <View key={i} className={`zw-pinpad__dot${i < value.length ? ' zw-pinpad__dot--filled' : ''}`} />
        ))}
      </View>
      <View className="zw-pinpad__keys">
        {KEYS.map((k, i) =>
          k === '' ? (
            <View key={i} className="zw-pinpad__key zw-pinpad__key--blank" />
          ) : (
            <View
              key={i}
              className={`zw-pinpad__key${k === 'del' ? ' zw-pinpad__key--del' : ''}`}
              hoverClass="zw-pinpad__key--pressed"
              data-key={k}
              onClick={() => press(k)}
            >
              <Text>{k === 'del' ? '删除' : k}</Text>
            </View>
          ),
        )}
      </View>
    </View>
  );
}
