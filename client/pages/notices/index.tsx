import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { DELIVERY_LABELS } from '@shared/messages/notices';
import { listNotices, markAllRead, markRead, type NoticeView } from '../../services/notices';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { formatChinaTime } from '../../lib/time';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import './index.scss';

// 通知: everything the app has told this person, newest first; tapping one marks it read and
// opens the page where they act. Each says whether a WeChat message went out too (locally: no).

const load = (cursor: string | null) => listNotices({ cursor });

export default function NoticesPage() {
  const list = usePagedList<NoticeView>(load);

  useDidShow(() => {
    void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  const open = async (n: NoticeView) => {
    if (!n.readAt) await markRead([n._id]);
    try {
      await Taro.navigateTo({ url: n.page });
    } catch {
      void list.refresh();
    }
  };

  const readAll = async () => {
    const res = await markAllRead();
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    void list.refresh();
  };

  const unread = list.items.some((n) => !n.readAt);

  return (
    <View className="notices">
      <PageHeader title="通知" />
      {list.status === 'ready' && unread ? (
        <View className="notices-bar">
          <Text className="notices-bar__action" onClick={() => void readAll()}>
            全部标为已读
          </Text>
        </View>
      ) : null}
      <PagedView
        list={list}
        className="notices-list"
        empty={<EmptyView title="暂无通知" description="留言受理、转办、答复时会在这里告诉您" />}
      >
        {(items) =>
          items.map((n) => (
            <View
              key={n._id}
              className={`zw-card notice-card${n.readAt ? '' : ' notice-card--unread'}${n.urgent ? ' notice-card--urgent' : ''}`}
              onClick={() => void open(n)}
            >
              <View className="notice-card__top">
                <Text className="notice-card__title">
                  {n.readAt ? '' : '● '}
                  {n.title}
                </Text>
                {n.urgent ? <Text className="zw-tag zw-tag--todo">紧急</Text> : null}
              </View>
              <Text className="notice-card__body">{n.body}</Text>
              <View className="notice-card__foot">
                <Text>{formatChinaTime(n.createdAt)}</Text>
                {n.delivery ? <Text className="notice-card__delivery">{DELIVERY_LABELS[n.delivery]}</Text> : null}
              </View>
            </View>
          ))
        }
      </PagedView>
    </View>
  );
}
