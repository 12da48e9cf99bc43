import { useCallback, useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { PLATFORM_RULES } from '@shared/posts/platform';
import { POST_BODY_MAX, POST_TITLE_MAX } from '@shared/posts/schemas';
import { charCount } from '@shared/posts/checks/normalize';
import { postableAccounts } from '../../services/posts';
import { askForWeChatNotices } from '../../services/notices';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { usePagedList } from '../../hooks/usePagedList';
import { queryParam } from '../../lib/params';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { CheckResults } from '../components/CheckResults';
import { HighlightedText } from '../components/HighlightedText';
import { hitsFor } from '../lib/highlight';
import { ImagesField } from './ImagesField';
import { AccountPicker, CorrectionPicker, EventPicker, KindPicker, OccurredPicker } from './Pickers';
import { useComposer } from './useComposer';
import '../components/posts.scss';
import './index.scss';

// 写信息: a publisher drafts a post for an active account, with images and, for an emergency,
// the declared event it answers. Saving runs the automatic checks and highlights what to fix;
// submitting sends it to review. The typed text (and the uploaded images) survive errors.

function Field(props: { label: string; required?: boolean; error?: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <View className="pc-field">
      <View className="pc-field__label">
        <Text>{props.label}</Text>
        {props.required ? <Text className="pc-field__req">*</Text> : null}
        {props.aside ? <View className="pc-field__aside">{props.aside}</View> : null}
      </View>
      {props.children}
      <FieldError message={props.error} />
    </View>
  );
}

export default function ComposePostPage() {
  const router = useRouter();
  const id = queryParam(router.params.id) || null;
  const c = useComposer(id);
  const accounts = usePagedList(useCallback((cursor: string | null) => postableAccounts(cursor), []));
  useCaptureGuard('写信息');

  const { refresh } = accounts;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);

  // One account only: choose it for the publisher.
  const { form, update } = c;
  useEffect(() => {
    if (accounts.status === 'ready' && accounts.items.length === 1 && !accounts.hasMore && !form.accountId)
      update({ accountId: accounts.items[0]._id });
  }, [accounts.status, accounts.items, accounts.hasMore, form.accountId, update]);
  const pickEvent = useCallback((emergencyEventId: string) => update({ emergencyEventId }), [update]);

  if (c.load.status !== 'ready') {
    return (
      <View className="posts-page">
        <PageHeader title="写信息" />
        {c.load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={c.load.message} code={c.load.code} onRetry={() => id && void c.reload(id, true)} />
        )}
      </View>
    );
  }

  const account =
    accounts.items.find((a) => a._id === form.accountId) ??
    (c.saved?.account?._id === form.accountId ? c.saved.account : undefined);
  const limits = account ? PLATFORM_RULES[account.platform] : { titleMax: POST_TITLE_MAX, bodyMax: POST_BODY_MAX };
  const bodyCount = charCount(form.body);
  const hits = c.checks?.hits ?? [];
  const editable = !c.saved || c.saved.canEdit;
  const marked = hits.some((h) => h.end > h.start && (h.field === 'title' || h.field === 'body'));

  const submit = async () => {
    askForWeChatNotices(); // in the tap itself (WeChat's rule): the reviewer's verdict can then reach WeChat
    const postId = await c.onSubmit();
    if (!postId) return;
    void Taro.showToast({ title: '已提交审核', icon: 'success' });
    void Taro.redirectTo({ url: `/posts/detail/index?id=${postId}` });
  };

  return (
    <View className="posts-page">
      <PageHeader title={c.saved ? `修改信息（第 ${c.saved.version} 版）` : '写信息'} />
      <View className="posts-body">
        {c.saved?.returnedReason ? (
          <Text className="posts-banner posts-banner--error">已退回：{c.saved.returnedReason}</Text>
        ) : null}
        {!editable ? (
          <Text className="posts-banner posts-banner--warn">{c.saved?.editRefusal ?? '该信息现在不能修改'}</Text>
        ) : null}
        {c.restored ? (
          <View className="posts-banner posts-banner--info">
            <Text>已恢复上次未保存的内容。</Text>
            <Text className="pc-link" onClick={c.discardLocal}>
              放弃这些修改
            </Text>
          </View>
        ) : null}

        <View className="zw-card">
          <Field label="发布账号" required error={c.errors.accountId}>
            <AccountPicker
              list={accounts}
              value={form.accountId}
              locked={Boolean(c.saved)}
              onPick={(accountId) => update({ accountId })}
            />
          </Field>
          <Field label="信息类型" required error={c.errors.kind}>
            <KindPicker value={form.kind} onPick={(kind) => update({ kind })} />
          </Field>
          {form.kind === 'emergency' ? (
            <Field label="事件发生时间" required error={c.errors.occurredAt}>
              <OccurredPicker
                value={form.occurredAt}
                now={Date.now()}
                onPick={(occurredAt) => update({ occurredAt })}
              />
            </Field>
          ) : null}
          {form.kind === 'emergency' && form.accountId ? (
            <Field label="回应的突发事件" error={c.errors.emergencyEventId}>
              <EventPicker accountId={form.accountId} value={form.emergencyEventId} onPick={pickEvent} />
            </Field>
          ) : null}
          {form.kind === 'correction' && account ? (
            <Field label="更正哪一条信息" required error={c.errors.correctsPostId}>
              <CorrectionPicker
                unitId={account.unitId}
                accountId={account._id}
                value={form.correctsPostId}
                onPick={(correctsPostId) => update({ correctsPostId })}
              />
            </Field>
          ) : null}
          <Field
            label="标题"
            required
            error={c.errors.title}
            aside={
              <Text className="pc-count">
                {charCount(form.title)}/{limits.titleMax}
              </Text>
            }
          >
            <Input
              className="pc-input"
              value={form.title}
              placeholder="信息标题"
              maxLength={POST_TITLE_MAX + 20}
              onChange={(title: string) => update({ title })}
            />
          </Field>
          <Field
            label="正文"
            required
            error={c.errors.body}
            aside={
              <Text className={`pc-count${bodyCount > limits.bodyMax ? ' pc-count--over' : ''}`}>
                {bodyCount}/{limits.bodyMax}
              </Text>
            }
          >
            <TextArea
              className="pc-textarea"
              value={form.body}
              placeholder="正文：言简意赅，一条信息表达完整意思；不要写身份证号、手机号等个人信息"
              maxLength={-1}
              rows={10}
              autoSize={false}
              onChange={(body: string) => update({ body })}
            />
          </Field>
          {form.kind === 'repost' ? (
            <Field label="来源（注明出处）" required error={c.errors.sourceName}>
              <Input
                className="pc-input"
                value={form.sourceName}
                placeholder="原作者或原发布机构，如“宁夏教育厅”"
                maxLength={100}
                onChange={(sourceName: string) => update({ sourceName })}
              />
            </Field>
          ) : null}
          <Field label="图片" error={c.errors.images}>
            <ImagesField
              ids={form.images}
              onChange={(images) => update({ images })}
              postId={c.saved?.id ?? null}
              savedIds={c.savedImages}
              disabled={!editable}
            />
          </Field>
          <Field label="链接" error={c.errors.linksText}>
            <TextArea
              className="pc-textarea pc-textarea--short"
              value={form.linksText}
              placeholder="每行一个；详细内容请链接到县政府门户网站"
              maxLength={-1}
              rows={2}
              autoSize={false}
              onChange={(linksText: string) => update({ linksText })}
            />
          </Field>
          {account ? (
            <Text className="zw-muted">
              发布到：{account.name}（{PLATFORM_LABELS[account.platform]}），审核：
              {('reviewerName' in account && account.reviewerName) || '本单位审核人员'}，审批：{account.leaderName}
            </Text>
          ) : null}
        </View>

        {c.checks ? (
          <View className="zw-card">
            <Text className="posts-section">自动检查（第 {c.saved?.version ?? 1} 版）</Text>
            {marked ? (
              <View className="pc-preview">
                <HighlightedText text={form.title} hits={hitsFor(hits, 'title')} className="pc-preview__title" />
                <HighlightedText text={form.body} hits={hitsFor(hits, 'body')} />
              </View>
            ) : null}
            <CheckResults report={c.checks} />
            {c.dirty ? <Text className="zw-muted">内容已修改，保存后重新检查</Text> : null}
          </View>
        ) : null}

        {c.message ? <Text className={`posts-banner posts-banner--${c.message.tone}`}>{c.message.text}</Text> : null}
      </View>

      {editable ? (
        <View className="posts-actionbar">
          <Button
            className="posts-actionbar__btn"
            fill="outline"
            size="large"
            loading={c.busy === 'save'}
            disabled={c.busy !== null}
            onClick={() => void c.onSave()}
          >
            保存并检查
          </Button>
          <Button
            className="posts-actionbar__btn"
            type="primary"
            size="large"
            loading={c.busy === 'submit'}
            disabled={c.busy !== null}
            onClick={() => void submit()}
          >
            提交审核
          </Button>
        </View>
      ) : null}
    </View>
  );
}
