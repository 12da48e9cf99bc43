import { useState } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { chinaDateKey } from '@shared/core/china-time';
import { FieldError } from '../../components/FieldError';
import { issueBulletin, updateBulletin, type BulletinView } from '../../services/oversight';

// Editing a draft: title, number, the two texts, the deadline and a remark per named unit. What
// was typed stays on the screen when the server refuses; the refusal shows beside the field.

/** Today in China as 2026-11-28, the earliest deadline the picker offers. */
const today = () => chinaDateKey(Date.now()).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

export function Editor({ b, onSaved }: { b: BulletinView; onSaved: (next: BulletinView) => void }) {
  const c = b.content;
  const [form, setForm] = useState({
    title: c.title,
    docNo: c.docNo,
    overviewText: c.overviewText,
    requirementsText: c.requirementsText,
    deadline: c.deadline,
    remarks: Object.fromEntries(c.problems.map((p) => [p.unitId, p.remark])) as Record<string, string>,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'issue' | null>(null);
  const set = (k: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.detail.value }));

  const save = async (): Promise<BulletinView | null> => {
    setErrors({});
    setMessage(null);
    const res = await updateBulletin({ id: b._id, rev: b.rev, ...form });
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage(res.message);
      return null;
    }
    onSaved(res.data);
    setMessage('已保存');
    return res.data;
  };

  const saveOnly = async () => {
    setBusy('save');
    await save();
    setBusy(null);
  };

  const issue = async () => {
    const answer = await Taro.showModal({
      title: '印发通报',
      content: `印发后将通知 ${b.units.length} 个被点名单位签收整改，且不能再修改。确定印发？`,
      confirmText: '印发',
      cancelText: '再看看',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    setBusy('issue');
    const saved = await save();
    if (!saved) return setBusy(null);
    const res = await issueBulletin(saved._id, saved.rev);
    setBusy(null);
    if (!res.ok) return setMessage(res.message);
    onSaved(res.data);
  };

  return (
    <View className="ov-card">
      <Text className="ov-section">修改草稿</Text>
      <Text className="ov-field">标题</Text>
      <Input className="ov-input" value={form.title} onInput={set('title')} placeholder="通报标题" />
      <FieldError message={errors.title} />
      <Text className="ov-field">文号</Text>
      <Input className="ov-input" value={form.docNo} onInput={set('docNo')} placeholder="文号" />
      <FieldError message={errors.docNo} />
      <Text className="ov-field">总体情况</Text>
      <Textarea
        className="ov-textarea"
        value={form.overviewText}
        onInput={set('overviewText')}
        maxlength={3000}
        placeholder="总体情况"
      />
      <FieldError message={errors.overviewText} />
      <Text className="ov-field">工作要求</Text>
      <Textarea
        className="ov-textarea"
        value={form.requirementsText}
        onInput={set('requirementsText')}
        maxlength={3000}
        placeholder="工作要求"
      />
      <FieldError message={errors.requirementsText} />
      <Text className="ov-field">整改期限</Text>
      {/* The phone's own date wheel: no typed format to get wrong, and no date before today. */}
      <Picker mode="date" value={form.deadline} start={today()} onChange={set('deadline')}>
        <View className="ov-input">{form.deadline || '选择日期'}</View>
      </Picker>
      <FieldError message={errors.deadline} />
      {c.problems.map((p) => (
        <View key={p.unitId}>
          <Text className="ov-field">对{p.unitName}的说明（选填）</Text>
          <Textarea
            className="ov-textarea"
            value={form.remarks[p.unitId] ?? ''}
            maxlength={500}
            placeholder={`对${p.unitName}的说明`}
            onInput={(e) => setForm((f) => ({ ...f, remarks: { ...f.remarks, [p.unitId]: e.detail.value } }))}
          />
        </View>
      ))}
      <FieldError message={errors.remarks} />
      {message ? (
        <Text className={`ov-banner ${message === '已保存' ? 'ov-banner--info' : 'ov-banner--red'}`}>{message}</Text>
      ) : null}
      <View className="ov-actions">
        <Button
          fill="outline"
          type="primary"
          loading={busy === 'save'}
          disabled={busy !== null}
          onClick={() => void saveOnly()}
        >
          保存草稿
        </Button>
        <Button type="primary" loading={busy === 'issue'} disabled={busy !== null} onClick={() => void issue()}>
          印发通报
        </Button>
      </View>
    </View>
  );
}
