import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  generateBulletin,
  listBulletins,
  unitBulletins,
  type BulletinListItem,
  type BulletinView,
} from '../../services/oversight';
import { usePagedList } from '../../hooks/usePagedList';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { day } from '../common/format';
import { quickPeriods } from './periods';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// 通报: the supervision office's list (generate a month's or a quarter's draft here); a unit's
// view lists the issued bulletins that name it, with its own acknowledgement and correction.

function Card({ b, onTap, unitLine }: { b: BulletinListItem; onTap: () => void; unitLine?: string }) {
  return (
    <View className={`ov-card ov-card--tap${b.status === 'draft' ? ' ov-card--warn' : ''}`} onClick={onTap}>
      <View className="ov-row">
        <Text className="ov-card__title">{b.title}</Text>
        <Text className={`ov-tag ${b.status === 'draft' ? 'ov-tag--warn' : 'ov-tag--ok'}`}>
          {b.status === 'draft' ? '草稿' : '已印发'}
        </Text>
      </View>
      <Text className="ov-card__sub">
        {b.docNo} · {b.periodLabel} · 整改期限 {b.deadline}
      </Text>
      <Text className="ov-card__sub">
        {unitLine ?? `点名 ${b.named} 个单位 · 已签收 ${b.acknowledged} · 已报送整改 ${b.corrected}`}
        {b.issuedAt ? ` · 印发于 ${day(b.issuedAt)}` : ''}
      </Text>
    </View>
  );
}

function UnitList({ unitId }: { unitId: string }) {
  const [items, setItems] = useState<BulletinView[] | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const load = useCallback(async () => {
    setError(null);
    const res = await unitBulletins(unitId);
    if (!res.ok) return setError(res);
    setItems(res.data.items);
  }, [unitId]);
  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (items) void load();
  });
  if (error) return <ErrorView message={error.message} code={error.code} onRetry={() => void load()} />;
  if (!items) return <LoadingView />;
  if (!items.length)
    return <EmptyView title="本单位没有被通报的事项" description="县政府督查室印发的通报点名本单位时会出现在这里" />;
  return (
    <View>
      {items.map((b) => {
        const mine = b.units.find((u) => u.unitId === unitId);
        const line = !mine?.acknowledgedAt
          ? '待签收'
          : mine.correction
            ? '已报送整改情况'
            : mine.overdue
              ? '整改已逾期，请尽快报送'
              : '已签收，待报送整改情况';
        return (
          <Card
            key={b._id}
            b={b}
            unitLine={line}
            onTap={() => void Taro.navigateTo({ url: `/oversight/bulletin/index?id=${b._id}&unitId=${unitId}` })}
          />
        );
      })}
    </View>
  );
}

function CountyList() {
  const list = usePagedList(useCallback((cursor: string | null) => listBulletins(cursor), []));
  const { refresh } = list;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Refused because the numbers are not computed yet: the dashboard is where to ask for them.
  const [toDashboard, setToDashboard] = useState(false);
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));

  const generate = async (label: string, period: Parameters<typeof generateBulletin>[0]) => {
    setBusy(label);
    setError(null);
    setToDashboard(false);
    const res = await generateBulletin(period);
    setBusy(null);
    if (!res.ok) {
      setToDashboard(res.details?.notComputed === true);
      return setError(res.message);
    }
    void Taro.navigateTo({ url: `/oversight/bulletin/index?id=${res.data._id}` });
  };

  return (
    <View>
      <Text className="ov-section">生成通报草稿</Text>
      <Text className="ov-muted">按当前督查数据生成，生成后可修改再印发。</Text>
      <View className="ov-actions">
        {quickPeriods(Date.now()).map((p) => (
          <Button
            key={p.label}
            size="small"
            type="primary"
            fill="outline"
            loading={busy === p.label}
            disabled={busy !== null}
            onClick={() => void generate(p.label, p.period)}
          >
            生成{p.label}通报
          </Button>
        ))}
      </View>
      {error ? <Text className="ov-banner ov-banner--red">{error}</Text> : null}
      {toDashboard ? (
        <View className="ov-actions">
          <Button size="small" onClick={() => void Taro.navigateTo({ url: '/oversight/dashboard/index' })}>
            去督查看板
          </Button>
        </View>
      ) : null}
      <Text className="ov-section">全部通报</Text>
      <PagedView list={list} empty={<EmptyView title="还没有通报" description="点上方按钮生成第一份通报草稿" />}>
        {(items) =>
          items.map((b) => (
            <Card
              key={b._id}
              b={b}
              onTap={() => void Taro.navigateTo({ url: `/oversight/bulletin/index?id=${b._id}` })}
            />
          ))
        }
      </PagedView>
    </View>
  );
}

export default function Bulletins() {
  const router = useRouter();
  const unitId = queryParam(router.params.unitId);
  return (
    <View className="ov-page">
      <PageHeader title={unitId ? '通报与整改' : '通报'} />
      <View className="ov-body">{unitId ? <UnitList unitId={unitId} /> : <CountyList />}</View>
    </View>
  );
}
