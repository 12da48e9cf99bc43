import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { MESSAGE_CATEGORY_LABELS, PUBLIC_STATUS_LABELS } from '@shared/messages/schemas';
import { RATING_LABELS, type Rating } from '@shared/messages/transitions';
import { getMine, ownPhotoUrl, rate, type MyMessageDetail } from '../../../services/messages';
import { queryParam } from '../../../lib/params';
import { formatChinaTime } from '../../../lib/time';
import { ErrorView, LoadingView } from '../../../components/StateViews';
import { PageHeader } from '../../../components/PageHeader';
import { publicStatusTone } from '../mine/MessageCard';
import { RatingCard } from './RatingCard';
import { Timeline } from './Timeline';
import { ImageGrid } from '../../../components/ImageGrid';
import { type Failed, failed } from '../../../lib/load-state';
import './index.scss';

// 留言详情 (citizen): the message, the answer, one-tap rating, and the timeline in plain words.

type State = { status: 'loading' } | Failed | { status: 'ready'; m: MyMessageDetail };

export default function DetailPage() {
  const id = queryParam(useRouter().params.id);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<Rating | null>(null);
  const [rateError, setRateError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'error', message: '缺少留言编号', code: 'InvalidParameter' });
    const res = await getMine(id);
    setState(res.ok ? { status: 'ready', m: res.data } : failed(res));
  }, [id]);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const onRate = async (rating: Rating, comment: string) => {
    setBusy(rating);
    setRateError(null);
    const res = await rate(id, rating, comment);
    setBusy(null);
    if (!res.ok) return setRateError(res.message);
    void Taro.showToast({
      title: res.data.reopened ? '已重新交办' : '感谢您的评价',
      icon: res.data.reopened ? 'none' : 'success',
    });
    await load();
  };

  if (state.status !== 'ready') {
    return (
      <View className="detail">
        <PageHeader title="留言详情" />
        {state.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={state.message} code={state.code} onRetry={() => void load()} />
        )}
      </View>
    );
  }

  const m = state.m;
  return (
    <View className="detail">
      <PageHeader title="留言详情" />
      <View className="detail-body">
        <View className="zw-card">
          <View className="detail-top">
            <Text className="detail-top__no" userSelect selectable>
              {m.trackingNo}
            </Text>
            <Text className={`zw-tag zw-tag--${publicStatusTone(m.publicStatus)}`}>
              {PUBLIC_STATUS_LABELS[m.publicStatus]}
            </Text>
          </View>
          <Text className="detail-title">{m.title}</Text>
          <View className="detail-meta">
            <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[m.category]}</Text>
            <Text className="detail-meta__unit">{m.unitName}</Text>
          </View>
          <Text className="detail-content">{m.content}</Text>
          <ImageGrid photos={m.photos} load={ownPhotoUrl} />
          <Text className="zw-muted">提交于 {formatChinaTime(m.createdAt)}</Text>
          {m.answerDueAt ? (
            <Text className="detail-due">
              {m.unitName}将在 {formatChinaTime(m.answerDueAt)} 前答复
            </Text>
          ) : null}
        </View>

        {m.answer ? (
          <View className="zw-card detail-answer">
            <Text className="detail-answer__head">
              {m.answer.kind === 'redirect' ? `${m.answer.unitName}的回复` : `${m.answer.unitName}的答复`}
            </Text>
            {m.answer.kind === 'redirect' && m.answer.channel ? (
              <Text className="detail-answer__channel">此事不属于本单位职责，请通过「{m.answer.channel}」反映</Text>
            ) : null}
            <Text className="detail-answer__text" userSelect selectable>
              {m.answer.text}
            </Text>
            <Text className="zw-muted">{formatChinaTime(m.answer.at)}</Text>
          </View>
        ) : null}

        {m.canRate ? (
          <RatingCard canReopen={m.canReopen} busy={busy} error={rateError} onRate={(r, c) => void onRate(r, c)} />
        ) : null}
        {m.rating && !m.canRate ? (
          <View className="zw-card">
            <Text className="detail-rated">您的评价：{RATING_LABELS[m.rating.value]}</Text>
          </View>
        ) : null}

        <Text className="zw-section-title">办理进度</Text>
        <View className="zw-card">
          <Timeline items={m.timeline} />
        </View>
      </View>
    </View>
  );
}
