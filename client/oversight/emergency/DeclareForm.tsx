import { useState } from 'react';
import { Input, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EVENT_LEVELS, EVENT_LEVEL_LABELS, type EventLevel } from '@shared/oversight/emergency';
import { UnitsField } from '../../components/UnitPicker';
import type { UnitSummary } from '../../services/units';
import { declareEvent } from '../../services/oversight';
import { Chips } from '../common/Chips';
import { FormCard, FormField, useFormSubmit } from '../common/Form';

// 宣布突发事件 (县政府办公室): what happened, how serious, when, which units must speak (searched
// among the county's units; none chosen means every unit).
const levels = EVENT_LEVELS.map((l) => [l, EVENT_LEVEL_LABELS[l]] as const);
const agoOptions = [
  [0, '刚刚'],
  [1, '1 小时前'],
  [2, '2 小时前'],
  [3, '3 小时前'],
  [4, '4 小时前'],
] as const;

/** The information center and the supervision office oversee; they are not asked to speak. */
const notSpeaking = (u: UnitSummary) => u.role === 'infoCenter' || u.role === 'supervision';

export function DeclareForm() {
  const [form, setForm] = useState({ title: '', description: '', level: 'general' as EventLevel, ago: 0 as number });
  const [units, setUnits] = useState<Array<{ id: string; name: string }>>([]);
  const send = useFormSubmit(
    () =>
      declareEvent({
        title: form.title,
        description: form.description,
        level: form.level,
        occurredAt: Date.now() - form.ago * 3600_000,
        unitIds: units.map((u) => u.id),
      }),
    (data) => void Taro.redirectTo({ url: `/oversight/emergency/index?id=${data._id}` }),
  );
  const { errors } = send;

  return (
    <FormCard title="宣布突发事件" red form={send} submitText="宣布并通知各单位">
      <FormField label="事件名称" error={errors.title}>
        <Input
          className="ov-input"
          value={form.title}
          placeholder="如：强降雨引发局部内涝"
          onInput={(e) => setForm({ ...form, title: e.detail.value })}
        />
      </FormField>
      <FormField label="事件概况" error={errors.description}>
        <Textarea
          className="ov-textarea"
          value={form.description}
          maxlength={2000}
          placeholder="时间、地点、影响范围、已采取措施"
          onInput={(e) => setForm({ ...form, description: e.detail.value })}
        />
      </FormField>
      <FormField label="事件级别">
        <Chips options={levels} value={form.level} onPick={(level) => setForm({ ...form, level })} />
      </FormField>
      <FormField label="发生时间" error={errors.occurredAt}>
        <Chips options={agoOptions} value={form.ago} onPick={(ago) => setForm({ ...form, ago })} />
      </FormField>
      <FormField label="需发声的单位（不选即全部单位）" error={errors.unitIds}>
        <UnitsField
          title="选择需发声的单位"
          placeholder="全部单位（点此选择具体单位）"
          value={units}
          hide={notSpeaking}
          onChange={setUnits}
        />
      </FormField>
    </FormCard>
  );
}
