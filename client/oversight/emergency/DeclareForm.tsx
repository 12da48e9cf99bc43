import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EVENT_LEVELS, EVENT_LEVEL_LABELS, type EventLevel } from '@shared/oversight/emergency';
import { FieldError } from '../../components/FieldError';
import { declareEvent } from '../../services/oversight';
import type { UnitSummary } from '../../services/units';
import { Chips } from '../common/Chips';

// 宣布突发事件 (县政府办公室): what happened, how serious, when, which units must speak.
const levels = EVENT_LEVELS.map((l) => [l, EVENT_LEVEL_LABELS[l]] as const);
const agoOptions = [
  [0, '刚刚'],
  [1, '1 小时前'],
  [2, '2 小时前'],
  [3, '3 小时前'],
  [4, '4 小时前'],
] as const;

export function DeclareForm({ units }: { units: UnitSummary[] }) {
  const [form, setForm] = useState({ title: '', description: '', level: 'general' as EventLevel, ago: 0 as number });
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const res = await declareEvent({
      title: form.title,
      description: form.description,
      level: form.level,
      occurredAt: Date.now() - form.ago * 3600_000,
      unitIds: picked,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    void Taro.redirectTo({ url: `/oversight/emergency/index?id=${res.data._id}` });
  };

  return (
    <View className="ov-card ov-card--red">
      <Text className="ov-section">宣布突发事件</Text>
      <Text className="ov-field">事件名称</Text>
      <Input
        className="ov-input"
        value={form.title}
        placeholder="如：强降雨引发局部内涝"
        onInput={(e) => setForm({ ...form, title: e.detail.value })}
      />
      <FieldError message={errors.title} />
      <Text className="ov-field">事件概况</Text>
      <Textarea
        className="ov-textarea"
        value={form.description}
        maxlength={2000}
        placeholder="时间、地点、影响范围、已采取措施"
        onInput={(e) => setForm({ ...form, description: e.detail.value })}
      />
      <FieldError message={errors.description} />
      <Text className="ov-field">事件级别</Text>
      <Chips options={levels} value={form.level} onPick={(level) => setForm({ ...form, level })} />
      <Text className="ov-field">发生时间</Text>
      <Chips options={agoOptions} value={form.ago} onPick={(ago) => setForm({ ...form, ago })} />
      <FieldError message={errors.occurredAt} />
      <Text className="ov-field">需发声的单位（不选即全部单位）</Text>
      <View className="ov-tabs">
        {units.map((u) => (
          <Text
            key={u._id}
            className={`ov-tab${picked.includes(u._id) ? ' ov-tab--on' : ''}`}
            onClick={() => toggle(u._id)}
          >
            {u.name}
          </Text>
        ))}
      </View>
      <FieldError message={errors.unitIds} />
      {message ? <Text className="ov-banner ov-banner--red">{message}</Text> : null}
      <Button type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
        宣布并通知各单位
      </Button>
    </View>
  );
}
