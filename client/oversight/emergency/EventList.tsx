import { useCallback, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { listEvents } from '../../services/oversight';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { when } from '../common/format';

// The declared events, newest first, a page at a time (the history stays reachable however long
// it grows); an active event is red.
export function EventList() {
  const list = usePagedList(useCallback((cursor: string | null) => listEvents(cursor), []));
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useLoadMoreAtBottom(list);

  return (
    <PagedView
      list={list}
      empty={<EmptyView title="当前没有突发事件" description="县政府办公室宣布的突发事件会出现在这里" />}
    >
      {(items) =>
        items.map((e) => (
          <View
            key={e._id}
            className={`ov-card ov-card--tap${e.status === 'active' ? ' ov-card--red' : ''}`}
            onClick={() => void Taro.navigateTo({ url: `/oversight/emergency/index?id=${e._id}` })}
          >
            <View className="ov-row">
              <Text className="ov-card__title">{e.title}</Text>
              <Text className={`ov-tag ${e.status === 'active' ? 'ov-tag--red' : 'ov-tag--grey'}`}>
                {e.status === 'active' ? '应急中' : '已结束'}
              </Text>
            </View>
            <Text className="ov-card__sub">发生于 {when(e.occurredAt)}</Text>
            <Text className="ov-card__sub">{e.clocks.map((c) => `${c.label}：${c.text}`).join('；')}</Text>
            <Text className="ov-card__sub">
              已发声 {e.units.filter((u) => u.firstPostAt !== null).length}/{e.units.length} 个单位
            </Text>
          </View>
        ))
      }
    </PagedView>
  );
}
