import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { getMe } from '../../services/me';
import { myPosts, postQueue, type MyPostItemView, type QueueItemView } from '../../services/posts';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { MyPostCard, QueueCard } from '../components/PostCards';
import { initialTab, TAB_LABELS, tabsFor, type PostsTab } from '../lib/tabs';
import { type Failed, failed } from '../../lib/load-state';
import '../components/posts.scss';

// 信息发布: one screen with the lists a person works from — drafts, review queue, approvals,
// posts waiting to be published. Emergencies sit at the top of every queue.

type Who = { status: 'loading' } | Failed | { status: 'ready'; tabs: PostsTab[]; name: string; infoCenter: boolean };
type Item = ({ from: 'mine' } & MyPostItemView) | ({ from: 'queue' } & QueueItemView);

const EMPTY: Record<PostsTab, { title: string; desc: string }> = {
  mine: { title: '还没有稿件', desc: '点“写信息”起草一条，保存后会出现在这里' },
  review: { title: '没有待审核的信息', desc: '本单位发布人员提交的信息会出现在这里' },
  approve: { title: '没有待审批的信息', desc: '审核通过、需要您审批的信息会出现在这里' },
  publish: { title: '没有待发布的信息', desc: '审批通过的信息在这里登记发布链接' },
};

export default function PostsHome() {
  const router = useRouter();
  const [who, setWho] = useState<Who>({ status: 'loading' });
  const [tab, setTab] = useState<PostsTab | null>(null);

  const loadWho = useCallback(async () => {
    const res = await getMe();
    if (!res.ok) return setWho(failed(res));
    const staff = res.data.staff;
    const tabs = staff && staff.status === 'active' ? tabsFor(staff.roles.map((r) => r.role)) : [];
    const infoCenter = Boolean(staff && staff.status === 'active' && staff.roles.some((r) => r.role === 'infoCenter'));
    setWho({ status: 'ready', tabs, name: staff?.name ?? '', infoCenter });
    setTab((cur) => cur ?? initialTab(tabs, router.params.tab));
  }, [router.params.tab]);

  const load = useCallback(
    async (cursor: string | null) => {
      if (tab === 'mine') {
        const res = await myPosts({ cursor });
        return res.ok
          ? { ...res, data: { ...res.data, items: res.data.items.map((i): Item => ({ from: 'mine', ...i })) } }
          : res;
      }
      const res = await postQueue(tab ?? 'review', cursor);
      return res.ok
        ? { ...res, data: { ...res.data, items: res.data.items.map((i): Item => ({ from: 'queue', ...i })) } }
        : res;
    },
    [tab],
  );
  const list = usePagedList<Item>(load);
  const { refresh } = list;

  useEffect(() => {
    void loadWho();
  }, [loadWho]);
  useEffect(() => {
    if (tab) void refresh({ clear: true });
  }, [tab, refresh]);
  useDidShow(() => {
    if (tab) void refresh();
  });
  usePullDownRefresh(() => {
    void Promise.all([loadWho(), tab ? refresh() : null]).finally(() => Taro.stopPullDownRefresh());
  });
  useLoadMoreAtBottom(list);

  const open = (id: string) => void Taro.navigateTo({ url: `/posts/detail/index?id=${id}` });

  const rulesLink =
    who.status === 'ready' && who.infoCenter ? (
      <View className="zw-card" onClick={() => void Taro.navigateTo({ url: '/posts/rules/index' })}>
        <Text className="posts-section">信息检查词表 ›</Text>
        <Text className="zw-muted">维护涉密词语、敏感词和门户网站域名（县政府信息中心）</Text>
      </View>
    ) : null;

  if (who.status === 'ready' && !tab && who.infoCenter) {
    return (
      <View className="posts-page">
        <PageHeader title="信息发布" />
        <View className="posts-body">
          {rulesLink}
          <Text className="zw-muted">
            各单位的信息由本单位发布人员撰写、审核人员审核、分管领导审批后发布；信息中心维护上面的检查词表，不参与单位的审批。已发布的信息可在门户网站的公开信息流中查看。
          </Text>
        </View>
      </View>
    );
  }

  if (who.status !== 'ready' || !tab) {
    return (
      <View className="posts-page">
        <PageHeader title="信息发布" />
        {who.status === 'loading' ? <LoadingView /> : null}
        {who.status === 'error' ? (
          <ErrorView message={who.message} code={who.code} onRetry={() => void loadWho()} />
        ) : null}
        {who.status === 'ready' && !tab ? (
          <ErrorView
            message="信息发布只对本单位的发布、审核人员和分管领导开放。"
            retryText="返回首页"
            onRetry={() => void Taro.reLaunch({ url: '/pages/home/index' })}
          />
        ) : null}
      </View>
    );
  }

  return (
    <View className="posts-page">
      <PageHeader title="信息发布" />
      <View className="posts-body">
        {rulesLink}
        {who.tabs.includes('mine') ? (
          <Button
            block
            type="primary"
            size="large"
            onClick={() => void Taro.navigateTo({ url: '/posts/compose/index' })}
          >
            写信息
          </Button>
        ) : null}
        {who.tabs.length > 1 ? (
          <View className="posts-chips posts-home__tabs">
            {who.tabs.map((t) => (
              <Text
                key={t}
                className={`posts-chips__item${t === tab ? ' posts-chips__item--on' : ''}`}
                onClick={() => setTab(t)}
              >
                {TAB_LABELS[t]}
              </Text>
            ))}
          </View>
        ) : (
          <Text className="posts-section posts-home__single">{TAB_LABELS[tab]}</Text>
        )}

        <PagedView list={list} empty={<EmptyView title={EMPTY[tab].title} description={EMPTY[tab].desc} />}>
          {(items) =>
            items.map((item) =>
              item.from === 'mine' ? (
                <MyPostCard key={item._id} item={item} onOpen={() => open(item._id)} />
              ) : (
                <QueueCard key={item._id} item={item} onOpen={() => open(item._id)} />
              ),
            )
          }
        </PagedView>
      </View>
    </View>
  );
}
