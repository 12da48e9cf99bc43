import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  IMPORTANCE_LABELS,
  INCIDENT_IMPORTANCE,
  INCIDENT_TYPES,
  INCIDENT_TYPE_LABELS,
  type IncidentImportance,
  type IncidentType,
} from '@shared/oversight/incidents';
import { FieldError } from '../../components/FieldError';
import { listUnits, type UnitSummary } from '../../services/units';
import { recordIncident } from '../../services/oversight';
import { Chips } from '../common/Chips';

// 登记舆情: any staff member records what they saw — platform, link, summary, importance, type and
// the responsible unit. The person on duty there is told first. Typed text survives a refusal.

const importance = INCIDENT_IMPORTANCE.map((k) => [k, IMPORTANCE_LABELS[k]] as const);
const types = INCIDENT_TYPES.map((k) => [k, INCIDENT_TYPE_LABELS[k]] as const);

export function RecordForm(props: { defaultUnitId?: string; onCancel: () => void }) {
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [form, setForm] = useState({
    platform: '微博',
    link: '',
    summary: '',
    importance: 'normal' as IncidentImportance,
    type: 'complaint' as IncidentType,
    unitId: props.defaultUnitId ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void listUnits().then((r) => {
      if (r.ok) setUnits(r.data.items);
    });
  }, []);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const res = await recordIncident({ ...form, screenshots: [] });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    void Taro.redirectTo({ url: `/oversight/incident/index?id=${res.data._id}` });
  };

  return (
    <View className="ov-card">
      <Text className="ov-section">登记舆情</Text>
      <Text className="ov-field">平台</Text>
      <Input
        className="ov-input"
        value={form.platform}
        placeholder="平台，如微博、抖音"
        onInput={(e) => setForm({ ...form, platform: e.detail.value })}
      />
      <FieldError message={errors.platform} />
      <Text className="ov-field">链接（选填）</Text>
      <Input
        className="ov-input"
        value={form.link}
        placeholder="https://"
        onInput={(e) => setForm({ ...form, link: e.detail.value })}
      />
      <FieldError message={errors.link} />
      <Text className="ov-field">舆情摘要</Text>
      <Textarea
        className="ov-textarea"
        value={form.summary}
        maxlength={1000}
        placeholder="网民关注什么、传播情况、评论倾向"
        onInput={(e) => setForm({ ...form, summary: e.detail.value })}
      />
      <FieldError message={errors.summary} />
      <Text className="ov-field">重要程度</Text>
      <Chips options={importance} value={form.importance} onPick={(v) => setForm({ ...form, importance: v })} />
      <Text className="ov-field">类型</Text>
      <Chips options={types} value={form.type} onPick={(v) => setForm({ ...form, type: v })} />
      <Text className="ov-field">责任单位</Text>
      {units.length ? (
        <Chips
          options={units.map((u) => [u._id, u.name] as const)}
          value={form.unitId || null}
          onPick={(v) => setForm({ ...form, unitId: v })}
        />
      ) : (
        <Text className="ov-muted">正在加载单位…</Text>
      )}
      <FieldError message={errors.unitId} />
      {message ? <Text className="ov-banner ov-banner--red">{message}</Text> : null}
      <View className="ov-actions">
        <Button type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
          提交登记
        </Button>
        <Button fill="outline" onClick={props.onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
