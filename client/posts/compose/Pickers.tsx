import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { POST_KINDS, POST_KIND_LABELS, type PostKind } from '@shared/posts/kinds';
import type { PagedList } from '../../hooks/usePagedList';
import { PagedFooter } from '../../components/LoadMore';
import {
  emergencyEventsFor,
  postFeed,
  type EmergencyEventOptionView,
  type FeedItemView,
  type PostableAccountView,
} from '../../services/posts';
import { formatChinaTime } from '../../lib/time';
import { FailedNote } from '../../components/FailedNote';

// The compose page's choosers: account, kind, when an emergency happened, the declared event an
// emergency post answers, which post a correction corrects. Chips, not dropdowns: one tap each
// on a phone.

export function AccountPicker(props: {
  list: PagedList<PostableAccountView>;
  value: string;
  locked: boolean;
  onPick: (id: string) => void;
}) {
  const { list } = props;
  if (list.status === 'idle' || list.status === 'loading')
    return <Text className="zw-muted">正在加载可发布的账号…</Text>;
  if (list.status === 'error')
    return (
      <FailedNote
        className="zw-field-error"
        message={list.error ?? '账号加载失败'}
        code={list.errorCode}
        onRetry={() => void list.refresh({ clear: true })}
      />
    );
  if (!list.items.length)
    return <Text className="zw-muted">本单位还没有“已启用”的账号。账号开通并备案后才能发布信息。</Text>;
  return (
    <View>
      <View className="posts-chips">
        {list.items.map((a) => (
          <Text
            key={a._id}
            className={`posts-chips__item${a._id === props.value ? ' posts-chips__item--on' : ''}`}
            onClick={props.locked ? undefined : () => props.onPick(a._id)}
          >
            {a.name}（{PLATFORM_LABELS[a.platform]}）
          </Text>
        ))}
      </View>
      {list.hasMore || list.moreError ? <PagedFooter list={list} /> : null}
    </View>
  );
}

/**
 * The active emergency events that concern the account's unit: the post should answer one of
 * them (oversight then counts the unit as having spoken). One event is chosen for the publisher
 * until they choose “不关联”.
 */
export function EventPicker(props: { accountId: string; value: string; onPick: (id: string) => void }) {
  const [events, setEvents] = useState<EmergencyEventOptionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);
  const { accountId, value, onPick } = props;
  useEffect(() => {
    let live = true;
    setEvents(null);
    setError(null);
    void emergencyEventsFor(accountId).then((res) => {
      if (!live) return;
      if (res.ok) setEvents(res.data.items);
      else setError(res.message);
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  useEffect(() => {
    if (events?.length === 1 && !value && !declined) onPick(events[0]._id);
  }, [events, value, declined, onPick]);
  if (error) return <Text className="zw-field-error">{error}</Text>;
  if (!events) return <Text className="zw-muted">正在加载本单位须回应的突发事件…</Text>;
  // A linked event that has since ended still shows (the link stays valid).
  const known = !value || events.some((e) => e._id === value);
  if (!events.length && !value) return <Text className="zw-muted">县政府办公室目前没有宣布涉及本单位的突发事件</Text>;
  return (
    <View>
      <View className="posts-chips">
        {events.map((e) => (
          <Text
            key={e._id}
            className={`posts-chips__item${e._id === value ? ' posts-chips__item--on' : ''}`}
            onClick={() => onPick(e._id)}
          >
            【{e.levelLabel}】{e.title}
          </Text>
        ))}
        {known ? null : <Text className="posts-chips__item posts-chips__item--on">已关联的事件</Text>}
        <Text
          className={`posts-chips__item${value ? '' : ' posts-chips__item--on'}`}
          onClick={() => {
            setDeclined(true);
            onPick('');
          }}
        >
          不关联
        </Text>
      </View>
      <Text className="zw-muted">关联后，本单位在该事件中的首次发布时间计入应急处置情况</Text>
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
