import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { listMine } from '../../../services/messages';
import { usePagedList } from '../../../hooks/usePagedList';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StateViews';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { MessageCard } from './MessageCard';
import './index.scss';

// 我的留言: newest first, cursor pages, pull down to refresh.

const loadMine = (cursor: string | null) => listMine({ cursor });

export default function MinePage() {
  const list = usePagedList(loadMine);

  useDidShow(() => {
    void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });

  const body = (() => {
    if (list.status === 'idle' || list.status === 'loading') return <LoadingView />;
    if (list.status === 'error') {
      return <ErrorView message={list.error ?? '加载失败'} onRetry={() => void list.refresh()} />;
    }
    if (list.items.length === 0) {
      return (
        <EmptyView
          title="还没有留言"
          description="有咨询、投诉或建议，可以直接写给相关单位"
          actionText="写留言"
          onAction={() => void Taro.navigateTo({ url: '/pages/messages/compose/index' })}
        />
      );
    }
    return (
      <View className="mine-list">
        {list.items.map((item) => (
          <MessageCard key={item._id} item={item} />
        ))}
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loadingMore}
          error={list.moreError}
          count={list.items.length}
          onLoadMore={() => void list.loadMore()}
        />
      </View>
    );
  })();

  return (
    <View className="mine">
      <PageHeader title="我的留言" />
      {body}
    </View>
  );
}
