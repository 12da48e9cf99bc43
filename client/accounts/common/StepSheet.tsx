import { Text, View } from '@tarojs/components';
import { Button, Checkbox, Input, Popup, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { FieldError } from '../../components/FieldError';
import { Chips } from './Chips';
import { PersonChips } from './PersonChips';

// One sheet for every lifecycle step: its fields (text, date, reason, confirmation, choices), the
// server's message beside each field, and values kept while the sheet is open and after a refusal.

export type StepField =
  | { key: string; label: string; kind: 'text' | 'date' | 'textarea'; placeholder?: string; hint?: string }
  | { key: string; label: string; kind: 'check' }
  | { key: string; label: string; kind: 'chips'; options: Array<{ id: string; label: string; hint?: string }> }
  | { key: string; label: string; kind: 'person'; unitIds: string[]; role: string; valueName?: string };

export type StepValues = Record<string, string | boolean>;

interface Props {
  visible: boolean;
  title: string;
  description?: string;
  fields: StepField[];
  values: StepValues;
  errors: FieldErrors;
  formError: string | null;
  busy: boolean;
  confirmText: string;
  danger?: boolean;
  onChange(key: string, value: string | boolean): void;
  onConfirm(): void;
  onCancel(): void;
}

export function StepSheet(props: Props) {
  return (
    <Popup visible={props.visible} position="bottom" round title={props.title} onClose={props.onCancel}>
      <View className="acc-sheet">
        {props.description ? <Text className="acc-sheet__desc">{props.description}</Text> : null}
        {props.fields.map((f) => (
          <View key={f.key} className="acc-field">
            {f.kind !== 'check' ? <Text className="acc-field__label">{f.label}</Text> : null}
            {f.kind === 'text' || f.kind === 'date' ? (
              <Input
                className="acc-input"
                value={String(props.values[f.key] ?? '')}
                placeholder={f.placeholder ?? (f.kind === 'date' ? '例如 2026-11-27' : '')}
                maxLength={f.kind === 'date' ? 10 : 300}
                onChange={(v: string) => props.onChange(f.key, v)}
              />
            ) : null}
            {f.kind === 'textarea' ? (
              <TextArea
                value={String(props.values[f.key] ?? '')}
                placeholder={f.placeholder}
                maxLength={500}
                rows={3}
                autoSize={false}
                onChange={(v: string) => props.onChange(f.key, v)}
              />
            ) : null}
            {f.kind === 'check' ? (
              <View className="acc-sheet__check" onClick={() => props.onChange(f.key, props.values[f.key] !== true)}>
                <Checkbox checked={props.values[f.key] === true} />
                <Text className="acc-sheet__check-label">{f.label}</Text>
              </View>
            ) : null}
            {f.kind === 'chips' ? (
              <Chips
                options={f.options}
                value={String(props.values[f.key] ?? '')}
                onPick={(id) => props.onChange(f.key, id)}
              />
            ) : null}
            {f.kind === 'person' ? (
              <PersonChips
                unitIds={f.unitIds}
                role={f.role}
                value={String(props.values[f.key] ?? '')}
                valueName={f.valueName}
                empty="没有可选的人员"
                onPick={(id) => props.onChange(f.key, id)}
              />
            ) : null}
            {'hint' in f && f.hint ? <Text className="acc-field__hint">{f.hint}</Text> : null}
            <FieldError message={props.errors[f.key]} />
          </View>
        ))}
        {props.formError ? <Text className="acc-form-error">{props.formError}</Text> : null}
        <View className="acc-sheet__actions">
          <Button className="acc-sheet__btn" fill="outline" disabled={props.busy} onClick={props.onCancel}>
            取消
          </Button>
          <Button
            className="acc-sheet__btn"
            type={props.danger ? 'danger' : 'primary'}
            loading={props.busy}
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
