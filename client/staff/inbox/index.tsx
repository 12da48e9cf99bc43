import { useCallback, useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { INBOX_FILTERS, INBOX_FILTER_LABELS, type InboxFilter } from '@shared/messages/schemas';
import { getMe } from '../../services/me';
import { inbox } from '../../services/messages';
import { unreadCount } from '../../services/notices';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { roleLabels } from '../../lib/roles';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { InboxCard } from './InboxCard';
import { staffUnits, type StaffUnit } from './units';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// 留言收件箱: messages held by the staff member's unit, one unit at a time, with filters
// (全部, 我承办的, 待审核, 已超期, 今日到期); a card opens the message page. County roles also
// reach the supervision office's county-wide list.

type Who =
  | { status: 'loading' }
  | Failed
  | { status: 'notStaff' }
  | { status: 'pendingStaff' }
  | { status: 'staff'; name: string; units: StaffUnit[]; county: boolean };

function FilterTabs(props: { current: InboxFilter; onPick: (f: InboxFilter) => void }) {
  return (
    <ScrollView scrollX className="inbox-filters">
      {INBOX_FILTERS.map((f) => (
        <View
          key={f}
          className={`inbox-filters__item${f === props.current ? ' inbox-filters__item--active' : ''}`}
          onClick={() => props.onPick(f)}
        >
          <Text>{INBOX_FILTER_LABELS[f]}</Text>
        </View>
      ))}
    </ScrollView>
  );
}

function UnitSwitcher(props: { units: StaffUnit[]; current: string; onPick: (id: string) => void }) {
  return (
    <ScrollView scrollX className="inbox-units">
      {props.units.map((u) => (
        <View
          key={u.unitId}
          className={`inbox-units__item${u.unitId === props.current ? ' inbox-units__item--active' : ''}`}
          onClick={() => props.onPick(u.unitId)}
        >
          <Text>{u.unitName}</Text>
        </View>
      ))}
    </ScrollView>
  );
}

const go = (url: string) => void Taro.navigateTo({ url });

export default function InboxPage() {
  const [who, setWho] = useState<Who>({ status: 'loading' });
  const [unitId, setUnitId] = useState('');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [unread, setUnread] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const loadWho = useCallback(async () => {
    setWho({ status: 'loading' });
    const res = await getMe();
    if (!res.ok) return setWho(failed(res));
    const units = res.data.staff ? staffUnits(res.data.staff.roles) : [];
    if (res.data.staff && res.data.staff.status !== 'disabled' && units.length === 0)
      return setWho({ status: 'pendingStaff' });
    if (!res.data.staff || units.length === 0) return setWho({ status: 'notStaff' });
    const county = res.data.staff.roles.some((r) => r.role === 'supervisor' || r.role === 'infoCenter');
    setWho({ status: 'staff', name: res.data.staff.name, units, county });
    setUnitId((cur) => (units.some((u) => u.unitId === cur) ? cur : units[0].unitId));
  }, []);

  const loadPage = useCallback(
    (cursor: string | null) => {
      setNow(Date.now());
      return inbox({ unitId, filter, cursor });
    },
    [unitId, filter],
  );
  const list = usePagedList(loadPage);
  const { refresh } = list;

  useEffect(() => {
    void loadWho();
  }, [loadWho]);
  // Back from the lock screen or PIN setup the security guard opened: try again.
  useDidShow(() => {
    if (list.status === 'error' || list.status === 'ready') void list.refresh();
    void unreadCount().then(setUnread);
  });
  useEffect(() => {
    if (unitId) void refresh({ clear: true });
  }, [unitId, refresh]);

  usePullDownRefresh(() => {
    const done = () => Taro.stopPullDownRefresh();
    if (unitId) void list.refresh().finally(done);
    else void loadWho().finally(done);
  });
  useLoadMoreAtBottom(list);

  if (who.status !== 'staff') {
    return (
      <View className="inbox">
        <PageHeader title="留言收件箱" />
        {who.status === 'loading' ? <LoadingView /> : null}
        {who.status === 'error' ? (
          <ErrorView message={who.message} code={who.code} onRetry={() => void loadWho()} />
        ) : null}
        {who.status === 'pendingStaff' ? (
          <ErrorView
            message="您的登记还在等待单位管理员批准，批准后即可查看本单位的留言。"
            retryText="查看我的"
            onRetry={() => void Taro.redirectTo({ url: '/pages/me/index' })}
          />
        ) : null}
        {who.status === 'notStaff' ? (
          <ErrorView
            message="您不是单位工作人员，不能查看留言收件箱。如需办理业务，请联系本单位管理员开通。"
            retryText="返回首页"
            onRetry={() => void Taro.reLaunch({ url: '/pages/home/index' })}
          />
        ) : null}
      </View>
    );
  }

  const current = who.units.find((u) => u.unitId === unitId) ?? who.units[0];

  return (
    <View className="inbox">
      <PageHeader title="留言收件箱" />
      <View className="inbox-head">
        <Text className="inbox-head__unit">{current.unitName}</Text>
        <Text className="inbox-head__who">
          {who.name} · {roleLabels(current.roles)}
        </Text>
        <View className="inbox-head__links">
          <Text className="inbox-head__link" onClick={() => go('/pages/notices/index')}>
            通知{unread ? `（${unread > 99 ? '99+' : unread}）` : ''}
          </Text>
          {who.county ? (
            <Text className="inbox-head__link" onClick={() => go('/staff/overdue/index')}>
              全县督办
            </Text>
          ) : null}
        </View>
      </View>
      {who.units.length > 1 ? <UnitSwitcher units={who.units} current={current.unitId} onPick={setUnitId} /> : null}
      <FilterTabs current={filter} onPick={setFilter} />

      <PagedView
        list={list}
        className="inbox-list"
        empty={
          <EmptyView
            title={filter === 'all' ? '暂无留言' : `没有「${INBOX_FILTER_LABELS[filter]}」的留言`}
            description={filter === 'all' ? '群众写给本单位的留言会显示在这里' : '换个筛选条件看看'}
          />
        }
      >
        {(items) =>
          items.map((item) => (
            <InboxCard key={item._id} item={item} now={now} onTap={() => go(`/staff/message/index?id=${item._id}`)} />
          ))
        }
      </PagedView>
    </View>
  );
}
