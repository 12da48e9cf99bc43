import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { listMine } from '../../../services/messages';
import { unreadCount } from '../../../services/notices';
import { usePagedList, useLoadMoreAtBottom } from '../../../hooks/usePagedList';
import { EmptyView } from '../../../components/StateViews';
import { PagedView } from '../../../components/PagedView';
import { PageHeader } from '../../../components/PageHeader';
import { MessageCard } from './MessageCard';
import './index.scss';

// 我的留言: newest first, cursor pages, pull down to refresh; a card opens its timeline.

const loadMine = (cursor: string | null) => listMine({ cursor });
const go = (url: string) => void Taro.navigateTo({ url });

export default function MinePage() {
  const list = usePagedList(loadMine);
  const [unread, setUnread] = useState<number | null>(null);

  useDidShow(() => {
    void list.refresh();
    void unreadCount().then(setUnread);
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  return (
    <View className="mine">
      <PageHeader title="我的留言" />
      <View className="mine-links">
        <View className="mine-links__item" onClick={() => go('/pages/notices/index')}>
          <Text>通知</Text>
          {unread ? <Text className="mine-links__badge">{unread > 99 ? '99+' : unread}</Text> : null}
        </View>
        <View className="mine-links__item" onClick={() => go('/pages/board/index')}>
          <Text>公开答复</Text>
        </View>
      </View>
      <PagedView
        list={list}
        className="mine-list"
        empty={
          <EmptyView
            title="还没有留言"
            description="有咨询、投诉或建议，可以直接写给相关单位"
            actionText="写留言"
            onAction={() => go('/pages/messages/compose/index')}
          />
        }
      >
        {(items) =>
          items.map((item) => (
            <MessageCard key={item._id} item={item} onTap={() => go(`/pages/messages/detail/index?id=${item._id}`)} />
          ))
        }
      </PagedView>
    </View>
  );
}
