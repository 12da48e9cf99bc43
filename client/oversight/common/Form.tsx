import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Envelope } from '@shared/core/envelope';
import { FieldError } from '../../components/FieldError';

// The layout the oversight forms share (宣布突发事件, 登记舆情): a card with its title, labelled
// fields each with the server's reason beside it, the refusal banner and the buttons. The form
// keeps what was typed when the server refuses; only a success leaves the page.

/** Sends the form once at a time; on a refusal keeps the field reasons and the message. */
export function useFormSubmit<T>(send: () => Promise<Envelope<T>>, done: (data: T) => void) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const res = await send();
    setBusy(false);
    if (!res.ok) {
      const fields = Object.values(res.fieldErrors ?? {});
      setErrors(res.fieldErrors ?? {});
      // The server's summary names the first field only; with several, the banner names them all.
      return setMessage(fields.length > 1 ? `填写有误：${fields.join('；')}` : res.message);
    }
    done(res.data);
  };
  return { busy, errors, message, submit };
}

/** A labelled field and, under it, why the server refused it. */
export function FormField(props: { label: string; error?: string; children: ReactNode }) {
  return (
    <>
      <Text className="ov-field">{props.label}</Text>
      {props.children}
      <FieldError message={props.error} />
    </>
  );
}

export function FormCard(props: {
  title: string;
  red?: boolean;
  form: { busy: boolean; message: string | null; submit(): Promise<void> };
  submitText: string;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { form } = props;
  return (
    <View className={`ov-card${props.red ? ' ov-card--red' : ''}`}>
      <Text className="ov-section">{props.title}</Text>
      {props.children}
      {form.message ? <Text className="ov-banner ov-banner--red">{form.message}</Text> : null}
      <View className="ov-actions">
        <Button type="primary" loading={form.busy} disabled={form.busy} onClick={() => void form.submit()}>
          {props.submitText}
        </Button>
        {props.onCancel ? (
          <Button fill="outline" onClick={props.onCancel}>
            取消
          </Button>
        ) : null}
      </View>
    </View>
  );
}
