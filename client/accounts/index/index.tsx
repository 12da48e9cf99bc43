import { useCallback, useEffect, useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { getMe, type MeStaffView } from '../../services/me';
import { unitsPage } from '../../services/units';
import { exportRegistry, listAccounts, officeQueue } from '../../services/accounts';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { GuardedPage, type Guard } from '../../components/GuardedPage';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { AccountCard } from '../common/AccountCard';
import { saveDocument } from '../common/files';
import { canApply, tabsFor, type Tab } from './tabs';
import { failed } from '../../lib/load-state';
import '../common/accounts.scss';

// 政务账号管理: the unit's accounts with filing badges, and the approval lists of the unit's
// leader, the county office and the information center.

type Who = Guard | { status: 'ready'; me: MeStaffView; tabs: Tab[] };

export default function AccountsHome() {
  const [who, setWho] = useState<Who>({ status: 'loading' });
  const [tabKey, setTabKey] = useState('');
  const [exporting, setExporting] = useState(false);

  const loadWho = useCallback(async () => {
    const [me, office] = await Promise.all([getMe(), unitsPage({ role: 'countyOffice', pageSize: 1 })]);
    if (!me.ok) return setWho(failed(me));
    if (!office.ok) return setWho(failed(office));
    const staff = me.data.staff;
    if (!staff || staff.status !== 'active') return setWho({ status: 'denied' });
    const tabs = tabsFor(staff.roles, office.data.items[0]?._id ?? null);
    if (!tabs.length) return setWho({ status: 'denied' });
    setWho({ status: 'ready', me: staff, tabs });
    setTabKey((k) => (tabs.some((t) => t.key === k) ? k : tabs[0].key));
  }, []);

  useEffect(() => {
    void loadWho();
  }, [loadWho]);

  const tab = useMemo(
    () => (who.status === 'ready' ? who.tabs.find((t) => t.key === tabKey) : undefined),
    [who, tabKey],
  );
  const loadPage = useCallback(
    (cursor: string | null) => {
      if (!tab) return Promise.resolve({ ok: true as const, data: { items: [], nextCursor: null } });
      if (tab.kind === 'office') return officeQueue({ cursor });
      if (tab.kind === 'unit') return listAccounts({ unitId: tab.unitId, view: tab.view, cursor });
      return listAccounts({ view: tab.view, cursor });
    },
    [tab],
  );
  const list = usePagedList(loadPage);
  const { refresh } = list;
  useEffect(() => {
    if (tab) void refresh({ clear: true });
  }, [tab, refresh]);
  // Coming back from a detail page where a step was taken: show the new state.
  useDidShow(() => {
    if (tab) void refresh();
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useLoadMoreAtBottom(list);

  if (who.status !== 'ready') {
    return (
      <GuardedPage
        title="政务账号管理"
        className="acc-page"
        guard={who}
        onRetry={() => void loadWho()}
        denied={{
          message: '政务账号管理仅限在册工作人员使用。',
          actionText: '查看账号名录',
          onAction: () => void Taro.redirectTo({ url: '/pages/directory/index' }),
        }}
      />
    );
  }

  const county = who.me.roles.some((r) => r.role === 'infoCenter' || r.role === 'supervisor');
  const infoCenter = who.me.roles.some((r) => r.role === 'infoCenter');
  const doExport = async () => {
    setExporting(true);
    const res = await exportRegistry();
    setExporting(false);
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    try {
      await saveDocument(res.data);
    } catch {
      void Taro.showToast({ title: '文件保存失败，请重试', icon: 'none' });
    }
  };

  return (
    <View className="acc-page">
      <PageHeader title="政务账号管理" />
      <ScrollView scrollX className="acc-tabs">
        {who.tabs.map((t) => (
          <View
            key={t.key}
            className={`acc-tab${t.key === tabKey ? ' acc-tab--active' : ''}`}
            onClick={() => setTabKey(t.key)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </ScrollView>
      <View className="acc-body">
        <View className="acc-actions">
          {canApply(who.me.roles) ? (
            <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: '/accounts/apply/index' })}>
              申请开设账号
            </Button>
          ) : null}
          {county ? (
            <Button
              size="small"
              fill="outline"
              loading={exporting}
              disabled={exporting}
              onClick={() => void doExport()}
            >
              导出名录 Excel
            </Button>
          ) : null}
          {infoCenter ? (
            <Button
              size="small"
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: '/accounts/exceptions/index' })}
            >
              例外登记
            </Button>
          ) : null}
        </View>

        <PagedView
          list={list}
          empty={
            <EmptyView
              title="暂无账号"
              description={tab?.kind === 'unit' && tab.view === 'all' ? '点“申请开设账号”开始' : '没有需要处理的账号'}
            />
          }
        >
          {(items) => items.map((item) => <AccountCard key={item._id} item={item} showUnit={tab?.kind !== 'unit'} />)}
        </PagedView>
      </View>
    </View>
  );
}
