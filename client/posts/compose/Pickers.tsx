import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { POST_KINDS, POST_KIND_LABELS, type PostKind } from '@shared/posts/kinds';
import { postFeed, type FeedItemView, type PostableAccountView } from '../../services/posts';
import { formatChinaTime } from '../../lib/time';

// The compose page's choosers: account, kind, when an emergency happened, which post a
// correction corrects. Chips, not dropdowns: one tap each on a phone.

export type AccountsState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: PostableAccountView[] };

export function AccountPicker(props: {
  state: AccountsState;
  value: string;
  locked: boolean;
  onPick: (id: string) => void;
  onRetry: () => void;
}) {
  const { state } = props;
  if (state.status === 'loading') return <Text className="zw-muted">正在加载可发布的账号…</Text>;
  if (state.status === 'error')
    return (
      <Text className="zw-field-error" onClick={props.onRetry}>
        {state.message}（点此重试）
      </Text>
    );
  if (!state.items.length)
    return <Text className="zw-muted">本单位还没有“已启用”的账号。账号开通并备案后才能发布信息。</Text>;
  return (
    <View className="posts-chips">
      {state.items.map((a) => (
        <Text
          key={a._id}
          className={`posts-chips__item${a._id === props.value ? ' posts-chips__item--on' : ''}`}
          onClick={props.locked ? undefined : () => props.onPick(a._id)}
        >
          {a.name}（{PLATFORM_LABELS[a.platform]}）
        </Text>
      ))}
    </View>
  );
}

export function KindPicker(props: { value: PostKind; onPick: (k: PostKind) => void }) {
  return (
    <View className="posts-chips">
      {POST_KINDS.map((k) => (
        <Text
          key={k}
          className={`posts-chips__item${k === props.value ? ' posts-chips__item--on' : ''}`}
          onClick={() => props.onPick(k)}
        >
          {POST_KIND_LABELS[k]}
        </Text>
      ))}
    </View>
  );
}

const AGO = [0, 30, 60, 120, 180, 240];

export function OccurredPicker(props: { value: number | null; now: number; onPick: (ms: number) => void }) {
  return (
    <View>
      <View className="posts-chips">
        {AGO.map((m) => {
          const at = props.now - m * 60000;
          const on = props.value !== null && Math.abs(props.value - at) < 60000;
          return (
            <Text
              key={m}
              className={`posts-chips__item${on ? ' posts-chips__item--on' : ''}`}
              onClick={() => props.onPick(at)}
            >
              {m === 0 ? '刚刚' : m < 60 ? `${m} 分钟前` : `${m / 60} 小时前`}
            </Text>
          );
        })}
      </View>
      {props.value ? (
        <Text className="zw-muted">事件发生时间：{formatChinaTime(props.value)}（5 小时内须首次发布）</Text>
      ) : null}
    </View>
  );
}

/** Published posts of the chosen account, to pick the one a correction corrects. */
export function CorrectionPicker(props: {
  unitId: string;
  accountId: string;
  value: string;
  onPick: (id: string) => void;
}) {
  const [items, setItems] = useState<FeedItemView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    void postFeed({ unitId: props.unitId }).then((res) => {
      if (!live) return;
      if (res.ok) setItems(res.data.items.filter((i) => i.accountId === props.accountId && !i.correctedBy));
      else setError(res.message);
    });
    return () => {
      live = false;
    };
  }, [props.unitId, props.accountId]);
  if (error) return <Text className="zw-field-error">{error}</Text>;
  if (!items) return <Text className="zw-muted">正在加载本账号已发布的信息…</Text>;
  if (!items.length) return <Text className="zw-muted">本账号还没有可更正的已发布信息</Text>;
  return (
    <View className="posts-chips">
      {items.slice(0, 20).map((i) => (
        <Text
          key={i.id}
          className={`posts-chips__item${i.id === props.value ? ' posts-chips__item--on' : ''}`}
          onClick={() => props.onPick(i.id)}
        >
          {i.title}（{formatChinaTime(i.publishedAt)}）
        </Text>
      ))}
    </View>
  );
}
