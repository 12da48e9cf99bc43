import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { queryParam } from '../../lib/params';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import {
  approvePost,
  publishPost,
  reportDeliveryFailure,
  returnPost,
  reviewPost,
  submitPost,
  withdrawPost,
} from '../../services/posts';
import { CheckResults } from '../components/CheckResults';
import { Countdowns } from '../components/Countdowns';
import { DiffView } from '../components/DiffView';
import { ReasonSheet } from '../components/ReasonSheet';
import { Timeline } from '../components/Timeline';
import { PostHeader, PostContentCard, Signatures } from './Sections';
import { PublishPanel } from './PublishPanel';
import { ReviewPanel } from './ReviewPanel';
import { useDetail } from './useDetail';
import '../components/posts.scss';
import './index.scss';

// One post for everyone in its chain: the reviewer reviews and signs the checklist, the leader
// approves or returns it with one hand (PIN), the publisher records the link, the author edits,
// submits or withdraws. What changed since you last looked is shown first; the timeline last.

type Sheet = null | 'return' | 'withdraw' | 'failed';
const SHEETS = {
  return: {
    title: '退回修改',
    placeholder: '请写明需要修改的地方（至少 5 个字），撰稿人会看到',
    min: 5,
    max: 500,
    confirm: '退回',
    danger: true,
  },
  withdraw: { title: '撤回信息', placeholder: '撤回说明（选填）', min: 0, max: 200, confirm: '撤回', danger: true },
  failed: {
    title: '登记发布失败',
    placeholder: '失败原因，如“公众号群发失败”',
    min: 2,
    max: 200,
    confirm: '登记',
    danger: false,
  },
} as const;

export default function PostDetailPage() {
  const id = queryParam(useRouter().params.id);
  const d = useDetail(id);
  const [sheet, setSheet] = useState<Sheet>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [sheetError, setSheetError] = useState<string | null>(null);
  useCaptureGuard('信息审核');

  const { reload } = d;
  useEffect(() => {
    void reload();
  }, [reload]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  if (d.load.status !== 'ready') {
    return (
      <View className="posts-page">
        <PageHeader title="信息详情" />
        {d.load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={d.load.message} code={d.load.code} onRetry={() => void reload()} />
        )}
        <StepUpPrompt />
      </View>
    );
  }

  const post = d.load.post;
  const can = (a: string) => post.allowedActions.includes(a as never);
  const ref = { id: post._id, rev: post.rev };

  const confirmSheet = async (reason: string) => {
    const which = sheet;
    setSheet(null);
    setSheetError(null);
    const res =
      which === 'return'
        ? await d.act('return', (stepUpId) => returnPost({ ...ref, reason, stepUpId }), 'post.reject', '已退回')
        : which === 'withdraw'
          ? await d.act('withdraw', () => withdrawPost(post._id, post.rev, reason), undefined, '已撤回')
          : await d.act('failed', () => reportDeliveryFailure({ ...ref, reason }), undefined, '已登记');
    if (res && !res.ok && res.fieldErrors) {
      setSheetError(res.fieldErrors.reason ?? res.message);
      setSheet(which);
    } else if (res?.ok && which) setTexts((t) => ({ ...t, [which]: '' }));
  };

  const refusals = Object.values(post.refusals);
  const bar: Array<{ key: string; text: string; primary?: boolean; run: () => void }> = [];
  if (can('return')) bar.push({ key: 'return', text: '退回', run: () => setSheet('return') });
  if (can('approve'))
    bar.push({
      key: 'approve',
      text: '审批通过',
      primary: true,
      run: () => void d.act('approve', (stepUpId) => approvePost({ ...ref, stepUpId }), 'post.approve', '已审批'),
    });
  if (can('edit'))
    bar.push({
      key: 'edit',
      text: '修改',
      run: () => void Taro.navigateTo({ url: `/posts/compose/index?id=${post._id}` }),
    });
  if (can('withdraw')) bar.push({ key: 'withdraw', text: '撤回', run: () => setSheet('withdraw') });
  if (can('submit'))
    bar.push({
      key: 'submit',
      text: '提交审核',
      primary: true,
      run: () => void d.act('submit', () => submitPost(post._id, post.rev), undefined, '已提交审核'),
    });

  return (
    <View className="posts-page">
      <PageHeader title="信息详情" />
      <View className="posts-body">
        <PostHeader post={post} />
        {post.emergency ? (
          <Countdowns occurredAt={post.emergency.occurredAt} countdowns={post.emergency.countdowns} />
        ) : null}
        {d.notice ? <Text className={`posts-banner posts-banner--${d.notice.tone}`}>{d.notice.text}</Text> : null}
        {post.state === 'returned' && post.returned ? (
          <Text className="posts-banner posts-banner--error">
            {post.returned.byName}退回：{post.returned.reason}
          </Text>
        ) : null}
        {refusals.length ? <Text className="posts-banner posts-banner--warn">{refusals.join('；')}</Text> : null}
        {post.diff ? (
          <View className="zw-card">
            <DiffView diff={post.diff} postId={post._id} />
          </View>
        ) : null}
        <PostContentCard post={post} />
        {can('review') ? (
          <ReviewPanel
            post={post}
            busy={d.busy === 'review'}
            onSign={(input) => d.act('review', () => reviewPost({ ...ref, ...input }), undefined, '已签署审核意见')}
          />
        ) : post.checks ? (
          <View className="zw-card">
            <Text className="posts-section">自动检查结果</Text>
            <CheckResults report={post.checks} given={post.overrides} />
          </View>
        ) : null}
        <Signatures post={post} />
        {can('publish') ? (
          <PublishPanel
            post={post}
            busy={d.busy === 'publish'}
            onPublish={(url) =>
              d.act('publish', (stepUpId) => publishPost({ ...ref, url, stepUpId }), 'post.publish', '已登记发布')
            }
            onFailed={() => setSheet('failed')}
          />
        ) : null}
        <View className="zw-card">
          <Text className="posts-section">处理记录</Text>
          <Timeline entries={post.timeline} />
        </View>
      </View>

      {bar.length ? (
        <View className="posts-actionbar">
          {bar.map((b) => (
            <Button
              key={b.key}
              className="posts-actionbar__btn"
              size="large"
              type={b.primary ? 'primary' : 'default'}
              fill={b.primary ? 'solid' : 'outline'}
              loading={d.busy === b.key}
              disabled={d.busy !== null}
              onClick={b.run}
            >
              {b.text}
            </Button>
          ))}
        </View>
      ) : null}

      {sheet ? (
        <ReasonSheet
          visible
          title={SHEETS[sheet].title}
          placeholder={SHEETS[sheet].placeholder}
          minLength={SHEETS[sheet].min}
          maxLength={SHEETS[sheet].max}
          confirmText={SHEETS[sheet].confirm}
          danger={SHEETS[sheet].danger}
          value={texts[sheet] ?? ''}
          error={sheetError}
          onChange={(v) => setTexts((t) => ({ ...t, [sheet]: v }))}
          onConfirm={(r) => void confirmSheet(r)}
          onCancel={() => setSheet(null)}
        />
      ) : null}
      <StepUpPrompt />
    </View>
  );
}
