import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

// Footer of a cursor-paged list.

export function LoadMore(props: {
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  count: number;
  onLoadMore: () => void;
}) {
  if (props.error) {
    return (
      <View className="zw-loadmore">
        <Text className="zw-loadmore__error">{props.error}</Text>
        <Button size="small" fill="outline" onClick={props.onLoadMore}>
          重新加载
        </Button>
      </View>
    );
  }
  if (props.hasMore) {
    return (
      <View className="zw-loadmore">
        <Button size="small" fill="outline" loading={props.loading} disabled={props.loading} onClick={props.onLoadMore}>
          {props.loading ? '加载中…' : '加载更多'}
        </Button>
      </View>
    );
  }
  return (
    <View className="zw-loadmore">
      <Text className="zw-loadmore__end">{props.count > 0 ? `共 ${props.count} 条，没有更多了` : ''}</Text>
    </View>
  );
}

/** The footer of a list fed by usePagedList, from the list's own state. */
export function PagedFooter(props: {
  list: {
    hasMore: boolean;
    loadingMore: boolean;
    moreError: string | null;
    items: unknown[];
    loadMore(): Promise<void>;
  };
}) {
  const { list } = props;
  return (
    <LoadMore
      hasMore={list.hasMore}
      loading={list.loadingMore}
      error={list.moreError}
      count={list.items.length}
      onLoadMore={() => void list.loadMore()}
    />
  );
}
