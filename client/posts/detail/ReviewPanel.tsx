import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { Envelope, FieldErrors } from '@shared/core/envelope';
import { REVIEW_CHECKLIST, type ReviewPostInput } from '@shared/posts/schemas';
import type { PostDetailView } from '@shared/posts/views';
import { FieldError } from '../../components/FieldError';
import { CheckResults } from '../components/CheckResults';

// The reviewer's part (审核, 保密审查): each checklist item ticked, a reason for each
// personal-data hit let through, an optional opinion, then signed. What was ticked and typed
// stays on screen if the server refuses.

interface Props {
  post: PostDetailView;
  busy: boolean;
  onSign(input: Omit<ReviewPostInput, 'id' | 'rev'>): Promise<Envelope<unknown> | null>;
}

export function ReviewPanel({ post, busy, onSign }: Props) {
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [overrideErrors, setOverrideErrors] = useState<Record<string, string>>({});
  const report = post.checks;
  const open = report?.hits.filter((h) => h.severity === 'blocking' && h.overridable) ?? [];

  const sign = async () => {
    const missing = REVIEW_CHECKLIST.filter((c) => !ticked[c.key]);
    const overrideErr: Record<string, string> = {};
    for (const h of open)
      if ((reasons[h.key] ?? '').trim().length < 5) overrideErr[h.key] = '请写明放行理由（至少 5 个字），或退回修改';
    setOverrideErrors(overrideErr);
    setErrors(
      missing.length ? { checklist: `还有 ${missing.length} 项未核对：${missing.map((m) => m.label).join('、')}` } : {},
    );
    if (missing.length || Object.keys(overrideErr).length) return;
    const res = await onSign({
      checklist: { politics: true, law: true, policy: true, secrecy: true, wording: true },
      note: note.trim(),
      overrides: open.map((h) => ({ key: h.key, reason: reasons[h.key].trim() })),
    });
    if (res && !res.ok && res.fieldErrors) setErrors(res.fieldErrors);
  };

  return (
    <View className="zw-card">
      {report ? (
        <>
          <Text className="posts-section">自动检查结果</Text>
          <CheckResults
            report={report}
            overrides={reasons}
            overrideErrors={overrideErrors}
            onOverride={(key, reason) => setReasons((r) => ({ ...r, [key]: reason }))}
          />
        </>
      ) : null}
      <Text className="posts-section pd-gap">保密审查清单（逐项核对后勾选）</Text>
      {REVIEW_CHECKLIST.map((c) => (
        <View
          key={c.key}
          className={`pd-check${ticked[c.key] ? ' pd-check--on' : ''}`}
          onClick={() => setTicked((t) => ({ ...t, [c.key]: !t[c.key] }))}
        >
          <View className="pd-check__box">{ticked[c.key] ? '✓' : ''}</View>
          <View className="pd-check__text">
            <Text className="pd-check__label">{c.label}</Text>
            <Text className="pd-check__hint">{c.hint}</Text>
          </View>
        </View>
      ))}
      <FieldError message={errors.checklist ?? Object.entries(errors).find(([k]) => k.startsWith('checklist'))?.[1]} />
      <TextArea
        className="pd-note"
        value={note}
        placeholder="审核意见（选填）"
        maxLength={500}
        rows={2}
        autoSize={false}
        onChange={(v: string) => setNote(v)}
      />
      <FieldError message={errors.note ?? errors.overrides} />
      <Button block type="primary" size="large" loading={busy} disabled={busy} onClick={() => void sign()}>
        签署审核意见
      </Button>
    </View>
  );
}
