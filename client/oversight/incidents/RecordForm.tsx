import { useEffect, useState } from 'react';
import { Input, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  IMPORTANCE_LABELS,
  INCIDENT_IMPORTANCE,
  INCIDENT_TYPES,
  INCIDENT_TYPE_LABELS,
  type IncidentImportance,
  type IncidentType,
} from '@shared/oversight/incidents';
import { UnitField } from '../../components/UnitPicker';
import { unitsPage } from '../../services/units';
import { recordIncident } from '../../services/oversight';
import { Chips } from '../common/Chips';
import { FormCard, FormField, useFormSubmit } from '../common/Form';

// 登记舆情: any staff member records what they saw — platform, link, summary, importance, type and
// the responsible unit (searched among the county's units). The person on duty there is told
// first. Typed text survives a refusal.

const importance = INCIDENT_IMPORTANCE.map((k) => [k, IMPORTANCE_LABELS[k]] as const);
const types = INCIDENT_TYPES.map((k) => [k, INCIDENT_TYPE_LABELS[k]] as const);

export function RecordForm(props: { defaultUnitId?: string; onCancel: () => void }) {
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [form, setForm] = useState({
    platform: '微博',
    link: '',
    summary: '',
    importance: 'normal' as IncidentImportance,
    type: 'complaint' as IncidentType,
  });

  // Opened from a unit's page: that unit is chosen, once its name is known.
  const { defaultUnitId } = props;
  useEffect(() => {
    if (!defaultUnitId) return;
    void unitsPage({ ids: [defaultUnitId] }).then((r) => {
      const u = r.ok ? r.data.items[0] : undefined;
      if (u) setUnit((cur) => cur ?? { id: u._id, name: u.name });
    });
  }, [defaultUnitId]);

  const send = useFormSubmit(
    () => recordIncident({ ...form, unitId: unit?.id ?? '', screenshots: [] }),
    (data) => void Taro.redirectTo({ url: `/oversight/incident/index?id=${data._id}` }),
  );
  const { errors } = send;

  return (
    <FormCard title="登记舆情" form={send} submitText="提交登记" onCancel={props.onCancel}>
      <FormField label="平台" error={errors.platform}>
        <Input
          className="ov-input"
          value={form.platform}
          placeholder="平台，如微博、抖音"
          onInput={(e) => setForm({ ...form, platform: e.detail.value })}
        />
      </FormField>
      <FormField label="链接（选填）" error={errors.link}>
        <Input
          className="ov-input"
          value={form.link}
          placeholder="https://"
          onInput={(e) => setForm({ ...form, link: e.detail.value })}
        />
      </FormField>
      <FormField label="舆情摘要" error={errors.summary}>
        <Textarea
          className="ov-textarea"
          value={form.summary}
          maxlength={1000}
          placeholder="网民关注什么、传播情况、评论倾向"
          onInput={(e) => setForm({ ...form, summary: e.detail.value })}
        />
      </FormField>
      <FormField label="重要程度">
        <Chips options={importance} value={form.importance} onPick={(v) => setForm({ ...form, importance: v })} />
      </FormField>
      <FormField label="类型">
        <Chips options={types} value={form.type} onPick={(v) => setForm({ ...form, type: v })} />
      </FormField>
      <FormField label="责任单位" error={errors.unitId}>
        <UnitField title="选择责任单位" placeholder="请选择责任单位" value={unit} onChange={setUnit} />
      </FormField>
    </FormCard>
  );
}
