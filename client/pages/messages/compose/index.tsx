import { useEffect, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { MESSAGE_CONTENT_MAX, MESSAGE_TITLE_MAX } from '@shared/messages/schemas';
import { FieldError } from '../../../components/FieldError';
import { PageHeader } from '../../../components/PageHeader';
import { IS_WEAPP } from '../../../services/env';
import { submitMessage } from '../../../services/messages';
import { askForWeChatNotices } from '../../../services/notices';
import { readJson, removeKey, writeJson } from '../../../services/storage';
import { checkDraft, contentLength, EMPTY_DRAFT, isBlank, restoreDraft, type Draft } from './draft';
import { CategoryPicker } from './CategoryPicker';
import { SubmitResult } from './SubmitResult';
import { UnitPicker } from './UnitPicker';
import { PhotoPicker } from './PhotoPicker';
import './index.scss';

// 写留言: the draft survives errors, reloads and closing the page until the server accepts it.

const DRAFT_KEY = 'zw.compose.draft.v1';
const FIELDS = ['unitId', 'category', 'title', 'content', 'phone', 'allowPublish', 'photos'] as const;

function Field(props: { label: string; required?: boolean; error?: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <View className="compose-field">
      <View className="compose-field__label">
        <Text>{props.label}</Text>
        {props.required ? <Text className="compose-field__req">*</Text> : null}
        {props.aside ? <View className="compose-field__aside">{props.aside}</View> : null}
      </View>
      {props.children}
      <FieldError message={props.error} />
    </View>
  );
}

/** Server field errors that match no field are shown above the submit button. */
function strayErrors(fieldErrors: FieldErrors): string | null {
  const known = FIELDS as readonly string[];
  const stray = Object.entries(fieldErrors)
    .filter(([k]) => !known.includes(k))
    .map(([, v]) => v);
  return stray.length ? stray.join('；') : null;
}

export default function ComposePage() {
  const [draft, setDraft] = useState<Draft>(() => restoreDraft(readJson(DRAFT_KEY)));
  const [restored] = useState(() => !isBlank(draft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<{ trackingNo: string; unitName: string; unsure: boolean } | null>(null);
  // Keep the stored draft in step with the form until the server has the message.
  useEffect(() => {
    if (result) return;
    if (isBlank(draft)) removeKey(DRAFT_KEY);
    else writeJson(DRAFT_KEY, draft);
  }, [draft, result]);

  const update = (patch: Partial<Draft>) => {
    setDraft((prev) => ({ ...prev, ...patch }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const submit = async () => {
    if (submitting) return;
    askForWeChatNotices(); // in the tap itself, before anything async: WeChat's rule for its consent sheet
    setFormError(null);
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.fieldErrors);
      setFormError(strayErrors(check.fieldErrors));
      void Taro.showToast({ title: '请按提示修改后再提交', icon: 'none' });
      return;
    }
    setSubmitting(true);
    const res = await submitMessage(check.input);
    setSubmitting(false);
    if (res.ok) {
      removeKey(DRAFT_KEY);
      setResult({
        trackingNo: res.data.trackingNo,
        unitName: res.data.unitName ?? draft.unitName,
        unsure: Boolean(res.data.unsure),
      });
      setDraft({ ...EMPTY_DRAFT });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    if (res.code === 'RateLimited') {
      // Too many, or the same text again: the server says when; what was typed stays here.
      setFormError(`${res.message}。您填写的内容已保留。`);
      return;
    }
    if (res.fieldErrors && Object.keys(res.fieldErrors).length) {
      setErrors(res.fieldErrors);
      setFormError(strayErrors(res.fieldErrors) ?? (res.message || '请按提示修改后再提交'));
    } else {
      setFormError(res.message);
    }
  };

  const clearDraft = () => {
    setDraft({ ...EMPTY_DRAFT });
    setErrors({});
    setFormError(null);
  };

  if (result) {
    return (
      <View className="compose">
        <PageHeader title="写留言" />
        <SubmitResult trackingNo={result.trackingNo} unitName={result.unitName} unsure={result.unsure} />
      </View>
    );
  }

  const length = contentLength(draft);

  return (
    <View className="compose">
      <PageHeader title="写留言" />
      <View className="compose-body">
        {restored && !isBlank(draft) ? (
          <View className="compose-restored">
            <Text>已恢复上次未提交的内容</Text>
            <Text className="compose-restored__clear" onClick={clearDraft}>
              清空重写
            </Text>
          </View>
        ) : null}

        <View className="zw-card">
          <Field label="收信单位" required error={errors.unitId}>
            <UnitPicker selectedName={draft.unitName} onSelect={(u) => update({ unitId: u._id, unitName: u.name })} />
          </Field>

          <Field label="留言类型" required error={errors.category}>
            <CategoryPicker value={draft.category} onChange={(category) => update({ category })} />
          </Field>

          <Field label="标题" required error={errors.title}>
            <Input
              className="compose-input"
              value={draft.title}
              placeholder={`请用一句话概括（2～${MESSAGE_TITLE_MAX} 字）`}
              maxLength={MESSAGE_TITLE_MAX + 20}
              onChange={(title: string) => update({ title })}
            />
          </Field>

          <Field
            label="留言内容"
            required
            error={errors.content}
            aside={
              <Text className={`compose-counter${length > MESSAGE_CONTENT_MAX ? ' compose-counter--over' : ''}`}>
                {length}/{MESSAGE_CONTENT_MAX}
              </Text>
            }
          >
            <TextArea
              className="compose-textarea"
              value={draft.content}
              placeholder="请写明事情经过、地点、时间和您的诉求，不要填写身份证号等敏感信息"
              maxLength={-1}
              rows={8}
              autoSize={false}
              onChange={(content: string) => update({ content })}
            />
          </Field>

          <Field label="图片" error={errors.photos}>
            <PhotoPicker photos={draft.photos} onChange={(photos) => update({ photos })} />
          </Field>

          <Field label="手机号码" error={errors.phone}>
            <Input
              className="compose-input"
              type={IS_WEAPP ? 'number' : 'tel'}
              value={draft.phone}
              placeholder="选填，方便工作人员回电"
              maxLength={11}
              onChange={(phone: string) => update({ phone })}
            />
            <Text className="compose-hint">号码只给办理单位看，不会公开</Text>
          </Field>

          <Field label="同意公开答复" error={errors.allowPublish}>
            <View className="compose-switch">
              <Text className="compose-hint">同意后，隐去个人信息的留言和答复可以在平台公开</Text>
              <Switch checked={draft.allowPublish} onChange={(allowPublish: boolean) => update({ allowPublish })} />
            </View>
          </Field>
        </View>

        {formError ? <Text className="compose-form-error">{formError}</Text> : null}

        <View className="compose-submit">
          <Button
            block
            type="primary"
            size="large"
            loading={submitting}
            disabled={submitting}
            onClick={() => void submit()}
          >
            {submitting ? '正在提交…' : '提交留言'}
          </Button>
          <Text className="compose-hint compose-hint--center">提交后会得到查询编号，凭编号查看办理进度</Text>
        </View>
      </View>
    </View>
  );
}
