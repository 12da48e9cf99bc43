import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '../../components/FieldError';
import { acknowledgeBulletin, reportCorrection, type BulletinView } from '../../services/oversight';

// What a named unit does with a bulletin: sign for it (签收), then report its correction (整改情况).
export function UnitActions({
  b,
  unitId,
  onDone,
}: {
  b: BulletinView;
  unitId: string;
  onDone: (next: BulletinView) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!b.canAcknowledge && !b.canReportCorrection) return null;

  const ack = async () => {
    setBusy(true);
    setError(null);
    const res = await acknowledgeBulletin(b._id, unitId);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    onDone(res.data);
  };
  const report = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    const res = await reportCorrection(b._id, unitId, text);
    setBusy(false);
    if (!res.ok) {
      setFieldError(res.fieldErrors?.text ?? null);
      return setError(res.message);
    }
    setText('');
    onDone(res.data);
  };

  return (
    <View className="ov-card ov-card--warn">
      {b.canAcknowledge ? (
        <View>
          <Text className="ov-card__title">本单位被通报，请签收</Text>
          <Text className="ov-card__sub">签收后请于 {b.deadline} 前报送整改情况。</Text>
          <View className="ov-actions">
            <Button type="primary" loading={busy} disabled={busy} onClick={() => void ack()}>
              签收通报
            </Button>
          </View>
        </View>
      ) : (
        <View>
          <Text className="ov-card__title">报送整改情况</Text>
          <Textarea
            className="ov-textarea"
            value={text}
            maxlength={2000}
            placeholder="逐项说明整改措施和结果"
            onInput={(e) => setText(e.detail.value)}
          />
          <FieldError message={fieldError} />
          <View className="ov-actions">
            <Button type="primary" loading={busy} disabled={busy} onClick={() => void report()}>
              报送整改情况
            </Button>
          </View>
        </View>
      )}
      {error ? <Text className="ov-banner ov-banner--red">{error}</Text> : null}
    </View>
  );
}
