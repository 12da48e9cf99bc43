import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { PagedList } from '../hooks/usePagedList';
import { PagedFooter } from './LoadMore';
import { ErrorView, LoadingView } from './StateViews';

// The states of a cursor-paged list on a screen: loading, failed (why, and a retry unless it was
// a refusal), empty, or the rows with the "加载更多" footer.

export function PagedView<T>(props: {
  list: PagedList<T>;
  /** What an empty list says (an EmptyView). */
  empty: ReactNode;
  className?: string;
  children: (items: T[]) => ReactNode;
}) {
  const { list } = props;
  if (list.status === 'idle' || list.status === 'loading') return <LoadingView />;
  if (list.status === 'error')
    return <ErrorView message={list.error ?? '加载失败'} code={list.errorCode} onRetry={() => void list.refresh()} />;
  if (!list.items.length) return <>{props.empty}</>;
  return (
    <View className={props.className}>
      {props.children(list.items)}
      <PagedFooter list={list} />
    </View>
  );
}
