import { useCallback, useEffect, type ReactNode } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { Envelope } from '@shared/core/envelope';
import type { Page } from '@shared/messages/schemas';
import { usePagedList } from '../hooks/usePagedList';
import { useSearchText } from '../hooks/useSearchText';
import { PagedFooter } from './LoadMore';
import { FailedNote } from './FailedNote';
import './SearchList.scss';

// A searchable list fed by cursor pages: what every picker over a big list is (one unit among
// 300, one person among a unit's hundred). The server searches; scrolling to the bottom loads
// the next page; a failure says why and offers a retry, and the search text is kept.

export interface SearchListProps<T> {
  /** One page for a search text ('' = everything) from a cursor. */
  load: (q: string, cursor: string | null) => Promise<Envelope<Page<T>>>;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  placeholder: string;
  /** Said when nothing matches the search. */
  notFound: string;
  /** Said when there is nothing at all (no search). */
  empty?: string;
  /** Rows to leave out (e.g. the unit a message is already at). */
  hide?: (item: T) => boolean;
  /** Above the rows, given the search text (e.g. “不确定”). */
  header?: (q: string) => ReactNode;
  /** The scrolling area's class (its height). */
  scrollClassName?: string;
}

export function SearchList<T>(props: SearchListProps<T>) {
  const { load } = props;
  const { text, setText, q } = useSearchText();

  const loadPage = useCallback((cursor: string | null) => load(q, cursor), [load, q]);
  const list = usePagedList(loadPage);
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);

  const rows = props.hide ? list.items.filter((i) => !props.hide!(i)) : list.items;
  const more = () => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  };

  return (
    <View className="zw-search">
      <SearchBar value={text} placeholder={props.placeholder} onChange={(v: string) => setText(v)} />
      <ScrollView scrollY className={props.scrollClassName ?? 'zw-search__list'} onScrollToLower={more}>
        {props.header?.(q)}
        {list.status === 'idle' || list.status === 'loading' ? (
          <Text className="zw-search__note">正在加载…</Text>
        ) : null}
        {list.status === 'error' ? (
          <FailedNote
            className="zw-search__note zw-search__note--error"
            message={list.error ?? '加载失败'}
            code={list.errorCode}
            onRetry={() => void list.refresh()}
          />
        ) : null}
        {list.status === 'ready' && rows.length === 0 && !list.hasMore ? (
          <Text className="zw-search__note">{q || !props.empty ? props.notFound : props.empty}</Text>
        ) : null}
        {rows.map((item) => (
          <View key={props.keyOf(item)}>{props.render(item)}</View>
        ))}
        {list.status === 'ready' && (list.hasMore || list.moreError) ? <PagedFooter list={list} /> : null}
      </ScrollView>
    </View>
  );
}
