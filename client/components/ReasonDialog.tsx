import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { FieldError } from './FieldError';
import './ReasonDialog.scss';

// A sheet that asks for a short written reason (不予批准, 停用, 挂失) before a decision is sent.

interface Props {
  visible: boolean;
  title: string;
  /** What will happen, in one sentence. */
  description?: string;
  placeholder?: string;
  confirmText: string;
  /** Reason optional (挂失) or required (不予批准, 停用). */
  required?: boolean;
  danger?: boolean;
  busy?: boolean;
  /** A server message to show under the field (e.g. a refusal). */
  error?: string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function ReasonDialog(props: Props) {
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | null>(null);

  useEffect(() => {
    if (props.visible) {
      setText('');
      setLocal(null);
    }
  }, [props.visible]);

  const confirm = () => {
    const reason = text.trim();
    if (props.required && reason.length < 2) return setLocal('请填写理由（至少 2 个字）');
    if (!props.required && reason.length === 1) return setLocal('说明至少 2 个字，或不填');
    if (reason.length > 200) return setLocal('理由不超过 200 个字');
    props.onConfirm(reason);
  };

  return (
    <Popup visible={props.visible} position="bottom" round title={props.title} onClose={props.onCancel}>
      <View className="zw-reason">
        {props.description ? <Text className="zw-reason__desc">{props.description}</Text> : null}
        <TextArea
          className="zw-reason__input"
          value={text}
          placeholder={props.placeholder ?? (props.required ? '请填写理由' : '选填')}
          maxLength={200}
          rows={3}
          autoSize={false}
          onChange={(v: string) => {
            setText(v);
            setLocal(null);
          }}
        />
        <FieldError message={local ?? props.error ?? null} />
        <View className="zw-reason__actions">
          <Button className="zw-reason__btn" fill="outline" disabled={props.busy} onClick={props.onCancel}>
            取消
          </Button>
          <Button
            className="zw-reason__btn"
            type={props.danger ? 'danger' : 'primary'}
            loading={props.busy}
            disabled={props.busy}
            onClick={confirm}
          >
            {props.confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
