import { useCallback, useEffect, useState } from 'react';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RULE_GROUPS, RULE_GROUP_LABELS, RULE_UNIT_LABELS, type RuleKey } from '@shared/oversight/rules';
import { getRules, ruleHistory, updateRules, type RulesView, type RuleVersionView } from '../../services/oversight';
import { getMe } from '../../services/me';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { when } from '../common/format';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// 督查规则: every time limit with the document and clause it comes from. The information center
// edits them; each save is a new version with its reason, and a binding national figure stays
// the ceiling (the stricter value applies).

type Draft = Record<RuleKey, { value: string; enabled: boolean }>;

export default function RulesPage() {
  const [rules, setRules] = useState<RulesView | null>(null);
  const [history, setHistory] = useState<RuleVersionView[]>([]);
  const [error, setError] = useState<Fail | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    const [res, me] = await Promise.all([getRules(), getMe()]);
    if (!res.ok) return setError(res);
    setRules(res.data);
    const info = Boolean(me.ok && me.data.staff?.roles.some((r) => r.role === 'infoCenter'));
    const county = Boolean(
      me.ok && me.data.staff?.roles.some((r) => r.role === 'infoCenter' || r.role === 'supervisor'),
    );
    setCanEdit(info);
    if (county) {
      const h = await ruleHistory();
      if (h.ok) setHistory(h.data.items);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const startEdit = () =>
    rules &&
    setDraft(
      Object.fromEntries(rules.rules.map((r) => [r.key, { value: String(r.configured), enabled: r.enabled }])) as Draft,
    );

  const save = async () => {
    if (!rules || !draft) return;
    setBusy(true);
    setErrors({});
    setMessage(null);
    const settings = Object.fromEntries(
      Object.entries(draft).map(([k, v]) => [k, { value: Number(v.value), enabled: v.enabled }]),
    );
    const res = await updateRules({ baseVersion: rules.version, settings: settings as never, reason });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage({ text: res.message, ok: false });
    }
    setRules(res.data);
    setDraft(null);
    setReason('');
    setMessage({ text: `已保存为第 ${res.data.version} 版`, ok: true });
    const h = await ruleHistory();
    if (h.ok) setHistory(h.data.items);
  };

  if (!rules)
    return (
      <View className="ov-page">
        <PageHeader title="督查规则" />
        {error ? <ErrorView message={error.message} code={error.code} onRetry={() => void load()} /> : <LoadingView />}
      </View>
    );
  return (
    <View className="ov-page">
      <PageHeader title="督查规则" />
      <View className="ov-body">
        <Text className="ov-banner ov-banner--info">
          {rules.editedByName
            ? `第 ${rules.version} 版 · ${rules.editedByName} 修改于 ${when(rules.editedAt)}：${rules.reason}`
            : '内置默认规则（尚未修改）'}
        </Text>
        {message?.ok ? <Text className="ov-banner ov-banner--info">{message.text}</Text> : null}
        {RULE_GROUPS.map((g) => (
          <View key={g}>
            <Text className="ov-section">{RULE_GROUP_LABELS[g]}</Text>
            {rules.rules
              .filter((r) => r.group === g)
              .map((r) => (
                <View key={r.key} className={`ov-card${r.enabled ? '' : ' ov-card--warn'}`}>
                  <View className="ov-row">
                    <Text className="ov-card__title">{r.label}</Text>
                    <Text
                      className={`ov-tag ${r.level === 'red' ? 'ov-tag--red' : r.level === 'warn' ? 'ov-tag--warn' : 'ov-tag--remind'}`}
                    >
                      {r.enabled ? r.text : '已停用'}
                    </Text>
                  </View>
                  <Text className="ov-card__sub">
                    依据：{r.source.doc}，{r.source.clause}
                  </Text>
                  {r.ceiling ? (
                    <Text className="ov-card__sub">
                      上限：{r.ceiling.value} {RULE_UNIT_LABELS[r.unit]}（{r.ceiling.source.doc}）
                      {r.cappedByCeiling ? `，设置的 ${r.configured} 超过上限，按更严者执行` : ''}
                    </Text>
                  ) : null}
                  {draft ? (
                    <View className="ov-row">
                      <Input
                        className="ov-input"
                        type="number"
                        value={draft[r.key].value}
                        placeholder={`${r.min}–${r.max}`}
                        onInput={(e) => setDraft({ ...draft, [r.key]: { ...draft[r.key], value: e.detail.value } })}
                      />
                      <Text>{RULE_UNIT_LABELS[r.unit]}</Text>
                      <Switch
                        checked={draft[r.key].enabled}
                        onChange={(e) => setDraft({ ...draft, [r.key]: { ...draft[r.key], enabled: e.detail.value } })}
                      />
                    </View>
                  ) : null}
                  <FieldError message={errors[`settings.${r.key}.value`]} />
                </View>
              ))}
          </View>
        ))}
        {canEdit && !draft ? (
          <Button block type="primary" onClick={startEdit}>
            修改规则
          </Button>
        ) : null}
        {draft ? (
          <View className="ov-card">
            <Text className="ov-field">修改理由</Text>
            <Textarea
              className="ov-textarea"
              value={reason}
              maxlength={200}
              placeholder="为什么调整（将记入修改记录）"
              onInput={(e) => setReason(e.detail.value)}
            />
            <FieldError message={errors.reason} />
            {message && !message.ok ? <Text className="ov-banner ov-banner--red">{message.text}</Text> : null}
            <View className="ov-actions">
              <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
                保存为新版本
              </Button>
              <Button fill="outline" onClick={() => setDraft(null)}>
                取消
              </Button>
            </View>
          </View>
        ) : null}
        {history.length ? <Text className="ov-section">修改记录</Text> : null}
        {history.map((h) => (
          <View key={h.version} className="ov-card">
            <Text className="ov-card__title">
              第 {h.version} 版 · {h.editedByName} · {when(h.editedAt)}
            </Text>
            <Text className="ov-card__sub">理由：{h.reason}</Text>
            {h.changes.map((c) => (
              <Text key={c.key} className="ov-card__sub">
                {c.label}：{c.from} → {c.to}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
