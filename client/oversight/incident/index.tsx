import { useCallback, useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { IMPORTANCE_LABELS, INCIDENT_STATE_LABELS, INCIDENT_TYPE_LABELS } from '@shared/oversight/incidents';
import type { Envelope } from '@shared/core/envelope';
import {
  assignIncident,
  escalateIncident,
  getIncident,
  handleIncident,
  linkClarification,
  unitStaff,
  type IncidentView,
  type StaffOption,
} from '../../services/oversight';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { Chips } from '../common/Chips';
import { when } from '../common/format';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// One opinion incident and the next steps the caller may take: assign, report to the county
// (重大: 监测报告), link a rumour's clarification post, record the handling.

export default function IncidentPage() {
  const id = queryParam(useRouter().params.id);
  const [v, setV] = useState<IncidentView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [staff, setStaff] = useState<StaffOption[]>([]);
  const [handler, setHandler] = useState<string | null>(null);
  const [text, setText] = useState({ note: '', report: '', postId: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const res = await getIncident(id);
    if (!res.ok) return setError(res);
    setV(res.data);
    if (res.data.allowed.includes('assign')) {
      const s = await unitStaff(res.data.unitId);
      if (s.ok) setStaff(s.data.items);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (key: string, op: () => Promise<Envelope<IncidentView>>) => {
    setBusy(key);
    setMessage(null);
    setFieldErrors({});
    const res = await op();
    setBusy(null);
    if (!res.ok) {
      setFieldErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    setV(res.data);
  };

  if (!v)
    return (
      <View className="ov-page">
        <PageHeader title="舆情详情" />
        {error ? <ErrorView message={error.message} code={error.code} onRetry={() => void load()} /> : <LoadingView />}
      </View>
    );
  const can = (a: IncidentView['allowed'][number]) => v.allowed.includes(a);
  return (
    <View className="ov-page">
      <PageHeader title="舆情详情" />
      <View className="ov-body">
        <View className={`ov-card${v.importance === 'major' ? ' ov-card--red' : ''}`}>
          <View className="ov-row">
            <Text className="ov-card__title">
              {v.unitName} · {INCIDENT_TYPE_LABELS[v.type]}
            </Text>
            <View>
              <Text className={`ov-tag ${v.importance === 'major' ? 'ov-tag--red' : 'ov-tag--warn'}`}>
                {IMPORTANCE_LABELS[v.importance]}
              </Text>
              <Text className="ov-tag ov-tag--remind">{INCIDENT_STATE_LABELS[v.state]}</Text>
            </View>
          </View>
          <Text className="ov-card__sub">{v.summary}</Text>
          <Text className="ov-card__sub">
            {v.platform}
            {v.link ? ` · ${v.link}` : ''}
          </Text>
          <Text className="ov-card__sub">
            {v.recordedByName} 登记于 {when(v.createdAt)} · 首先通知：{v.notifiedNames.join('、') || '—'}
          </Text>
          {v.handlerName ? <Text className="ov-card__sub">处置人：{v.handlerName}</Text> : null}
          {v.escalation ? (
            <Text className="ov-card__sub">
              监测报告（{v.escalation.byName}，{when(v.escalation.at)} 上报县政府）：{v.escalation.report}
            </Text>
          ) : null}
          {v.clarification ? (
            <Text className="ov-card__sub">澄清信息：{v.clarification.title ?? v.clarification.postId}</Text>
          ) : null}
          {v.handling ? (
            <Text className="ov-card__sub">
              处置结果（{v.handling.byName}，{when(v.handling.at)}）：{v.handling.note}
            </Text>
          ) : null}
        </View>

        {v.state !== 'handled' && v.importance === 'major' && !v.escalation ? (
          <Text className="ov-banner ov-banner--warn">重大舆情须形成监测报告上报县政府后才能办结。</Text>
        ) : null}
        {v.state !== 'handled' && v.type === 'rumour' && !v.clarification ? (
          <Text className="ov-banner ov-banner--warn">谣言须关联已发布的澄清信息后才能办结。</Text>
        ) : null}

        {can('assign') ? (
          <View className="ov-card">
            <Text className="ov-section">指派处置人</Text>
            <Chips options={staff.map((s) => [s.staffId, s.name] as const)} value={handler} onPick={setHandler} />
            <FieldError message={fieldErrors.handlerId} />
            <Button
              type="primary"
              disabled={!handler || busy !== null}
              loading={busy === 'assign'}
              onClick={() => void run('assign', () => assignIncident(v._id, handler!))}
            >
              指派
            </Button>
          </View>
        ) : null}
        {can('escalate') ? (
          <View className="ov-card">
            <Text className="ov-section">上报县政府（监测报告）</Text>
            <Textarea
              className="ov-textarea"
              value={text.report}
              maxlength={5000}
              placeholder="传播范围、网民关注点、研判意见、拟采取措施"
              onInput={(e) => setText({ ...text, report: e.detail.value })}
            />
            <FieldError message={fieldErrors.report} />
            <Button
              type="primary"
              loading={busy === 'escalate'}
              disabled={busy !== null}
              onClick={() => void run('escalate', () => escalateIncident(v._id, text.report))}
            >
              上报监测报告
            </Button>
          </View>
        ) : null}
        {can('linkClarification') ? (
          <View className="ov-card">
            <Text className="ov-section">关联澄清信息</Text>
            <Input
              className="ov-input"
              value={text.postId}
              placeholder="已发布的澄清信息编号"
              onInput={(e) => setText({ ...text, postId: e.detail.value })}
            />
            <FieldError message={fieldErrors.postId} />
            <Button
              fill="outline"
              type="primary"
              loading={busy === 'link'}
              disabled={busy !== null}
              onClick={() => void run('link', () => linkClarification(v._id, text.postId.trim()))}
            >
              关联
            </Button>
          </View>
        ) : null}
        {can('handle') ? (
          <View className="ov-card">
            <Text className="ov-section">登记处置结果</Text>
            <Textarea
              className="ov-textarea"
              value={text.note}
              maxlength={2000}
              placeholder="采取了哪些措施，舆情走势如何"
              onInput={(e) => setText({ ...text, note: e.detail.value })}
            />
            <FieldError message={fieldErrors.note} />
            <Button
              type="primary"
              loading={busy === 'handle'}
              disabled={busy !== null}
              onClick={() => void run('handle', () => handleIncident(v._id, text.note))}
            >
              办结
            </Button>
          </View>
        ) : null}
        {message ? <Text className="ov-banner ov-banner--red">{message}</Text> : null}
      </View>
    </View>
  );
}
