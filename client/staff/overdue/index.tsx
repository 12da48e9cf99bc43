import { useCallback, useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { SUPERVISION_VIEWS, SUPERVISION_VIEW_LABELS, type SupervisionView } from '@shared/messages/schemas';
import { supervisionList, type SupervisionItemView } from '../../services/messages';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { InboxCard } from '../inbox/InboxCard';
import '../inbox/index.scss';

// 全县督办 (县政府督查室, 信息中心): overdue messages across every unit, most late first; messages
// reopened after a 不满意; extension requests waiting for approval; urgings not yet settled.

const EMPTY: Record<SupervisionView, string> = {
  overdue: '全县没有超期未办的留言',
  reopened: '没有不满意重办的留言',
  extension: '没有待审批的延期申请',
  urged: '没有未签收的催办',
};

export default function OverduePage() {
  const [view, setView] = useState<SupervisionView>('overdue');
  const [now, setNow] = useState(() => Date.now());
  const load = useCallback(
    (cursor: string | null) => {
      setNow(Date.now());
      return supervisionList({ view, cursor });
    },
    [view],
  );
  const list = usePagedList<SupervisionItemView>(load);

  const { refresh } = list;
  // First load and each tab switch (`load` changes with the tab); back from a message: reload.
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  useDidShow(() => {
    if (list.status === 'ready' || list.status === 'error') void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  return (
    <View className="inbox">
      <PageHeader title="全县督办" />
      <ScrollView scrollX className="inbox-filters">
        {SUPERVISION_VIEWS.map((v) => (
          <View
            key={v}
            className={`inbox-filters__item${v === view ? ' inbox-filters__item--active' : ''}`}
            onClick={() => setView(v)}
          >
            <Text>{SUPERVISION_VIEW_LABELS[v]}</Text>
          </View>
        ))}
      </ScrollView>
      <PagedView list={list} className="inbox-list" empty={<EmptyView title={EMPTY[view]} />}>
        {(items) =>
          items.map((item) => (
            <InboxCard
              key={item._id}
              item={item}
              now={now}
              showUnit
              onTap={() => void Taro.navigateTo({ url: `/staff/message/index?id=${item._id}` })}
            />
          ))
        }
      </PagedView>
    </View>
  );
}
