import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { FieldError } from '../../components/FieldError';

// A bottom sheet for a written reason (退回理由, 撤回说明, 发布失败原因). The text is held by the
// page, so closing the sheet for the PIN prompt, or a refusal, never loses what was typed.

interface Props {
  visible: boolean;
  title: string;
  description?: string;
  placeholder: string;
  /** 0: optional. */
  minLength: number;
  maxLength: number;
  confirmText: string;
  danger?: boolean;
  value: string;
  error?: string | null;
  onChange(v: string): void;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function ReasonSheet(props: Props) {
  const [local, setLocal] = useState<string | null>(null);
  const confirm = () => {
    const r = props.value.trim();
    if (props.minLength > 0 && r.length < props.minLength)
      return setLocal(`请填写理由（至少 ${props.minLength} 个字）`);
    if (r.length > props.maxLength) return setLocal(`不超过 ${props.maxLength} 个字`);
    setLocal(null);
    props.onConfirm(r);
  };
  return (
    <Popup visible={props.visible} position="bottom" round title={props.title} onClose={props.onCancel}>
      <View className="posts-reason">
        {props.description ? <Text className="zw-muted">{props.description}</Text> : null}
        <TextArea
          className="posts-reason__input"
          value={props.value}
          placeholder={props.placeholder}
          maxLength={props.maxLength + 50}
          rows={4}
          autoSize={false}
          onChange={(v: string) => {
            props.onChange(v);
            setLocal(null);
          }}
        />
        <FieldError message={local ?? props.error ?? null} />
        <View className="pd-row">
          <Button className="pd-row__btn" fill="outline" onClick={props.onCancel}>
            取消
          </Button>
          <Button className="pd-row__btn" type={props.danger ? 'danger' : 'primary'} onClick={confirm}>
            {props.confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
