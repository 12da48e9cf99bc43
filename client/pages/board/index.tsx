import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { MESSAGE_CATEGORY_LABELS } from '@shared/messages/schemas';
import { RATING_LABELS } from '@shared/messages/transitions';
import { listBoard, type BoardItemView } from '../../services/messages';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { formatChinaTime } from '../../lib/time';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import './index.scss';

// 公开答复: answered messages whose writers allowed publication, personal data masked by the
// server (第十条: results published on the account). Tap a card to read the whole answer.

const load = (cursor: string | null) => listBoard({ cursor });

function BoardCard({ item }: { item: BoardItemView }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="zw-card board-card" onClick={() => setOpen(!open)}>
      <View className="board-card__top">
        <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[item.category]}</Text>
        <Text className="board-card__unit">{item.unitName}</Text>
      </View>
      <Text className="board-card__title">{item.title}</Text>
      <Text className={`board-card__content${open ? '' : ' board-card__content--clamp'}`}>{item.content}</Text>
      <View className="board-card__answer">
        <Text className="board-card__label">
          {item.answerKind === 'redirect' ? '回复（请通过其他渠道反映）' : '答复'}
        </Text>
        {item.channel ? <Text className="board-card__channel">反映渠道：{item.channel}</Text> : null}
        <Text className={`board-card__text${open ? '' : ' board-card__content--clamp'}`}>{item.answer}</Text>
      </View>
      <View className="board-card__foot">
        <Text>{formatChinaTime(item.answeredAt)} 答复</Text>
        {item.rating ? <Text>群众评价：{RATING_LABELS[item.rating]}</Text> : null}
      </View>
    </View>
  );
}

export default function BoardPage() {
  const list = usePagedList<BoardItemView>(load);
  useDidShow(() => {
    if (list.status === 'idle') void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  return (
    <View className="board">
      <PageHeader title="公开答复" />
      <Text className="board-note">以下留言经留言人同意公开，已隐去姓名、电话、证件号等个人信息。</Text>
      <PagedView
        list={list}
        className="board-list"
        empty={<EmptyView title="暂无公开答复" description="留言办结并经留言人同意后会在这里公开" />}
      >
        {(items) => items.map((item) => <BoardCard key={item._id} item={item} />)}
      </PagedView>
    </View>
  );
}
