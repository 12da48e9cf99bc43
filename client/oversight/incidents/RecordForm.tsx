import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { IncidentView } from '@shared/oversight/views';
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
// first. Typed text survives a refusal. Recorded for a unit the reporter cannot follow (another
// unit's business), the form says who was told instead of opening a page that would refuse them.

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

  const [handedOver, setHandedOver] = useState<IncidentView | null>(null);
  const send = useFormSubmit(
    () => recordIncident({ ...form, unitId: unit?.id ?? '', screenshots: [] }),
    (data) =>
      data.canOpen ? void Taro.redirectTo({ url: `/oversight/incident/index?id=${data._id}` }) : setHandedOver(data),
  );
  const { errors } = send;

  if (handedOver) {
    const told = handedOver.notifiedNames.length ? handedOver.notifiedNames.join('、') : '该单位负责人';
    return (
      <View className="ov-card">
        <Text className="ov-section">舆情已登记</Text>
        <Text className="ov-banner">
          已转交{handedOver.unitName}处置，并已通知{told}。后续处置由该单位和县级管理部门跟进，您所在单位看不到详情。
        </Text>
        <View className="ov-actions">
          <Button type="primary" onClick={props.onCancel}>
            完成
          </Button>
        </View>
      </View>
    );
  }

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
