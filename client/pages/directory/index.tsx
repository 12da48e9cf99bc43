import { useCallback, useEffect, useState } from 'react';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { PLATFORMS, PLATFORM_LABELS, type Platform } from '@shared/accounts/contract';
import { directory, imageSrc, type DirectoryEntry } from '../../services/accounts';
import { getMe } from '../../services/me';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { UnitField } from '../../components/UnitPicker';
import { groupByUnit } from './group';
import './index.scss';

// 政务账号名录 (第二十三条): every active official account of the county, by unit and platform,
// with its QR code. Citizens see no staff names or phones here.

function Chips<T extends string>(props: {
  items: Array<{ id: T | ''; label: string }>;
  value: T | '';
  onPick(v: T | ''): void;
}) {
  return (
    <ScrollView scrollX className="dir-chips">
      {props.items.map((c) => (
        <View
          key={c.id || 'all'}
          className={`dir-chip${c.id === props.value ? ' dir-chip--active' : ''}`}
          onClick={() => props.onPick(c.id)}
        >
          <Text>{c.label}</Text>
        </View>
      ))}
    </ScrollView>
  );
}

function AccountRow({ entry }: { entry: DirectoryEntry }) {
  const qr = imageSrc(entry.qrUrl);
  return (
    <View className="dir-account">
      <View className="dir-account__body">
        <Text className="dir-account__name">{entry.name}</Text>
        <View className="dir-account__tags">
          <Text className="zw-tag zw-tag--todo">{entry.platformLabel}</Text>
          <Text className="zw-tag">{entry.typeLabel}</Text>
        </View>
        {entry.platformAccountId ? <Text className="dir-account__meta">账号：{entry.platformAccountId}</Text> : null}
        {entry.managingUnitName !== entry.unitName ? (
          <Text className="dir-account__meta">管理：{entry.managingUnitName}</Text>
        ) : null}
        {entry.openedOn ? <Text className="dir-account__meta">开通于 {entry.openedOn}</Text> : null}
      </View>
      {qr ? (
        <Image
          className="dir-account__qr"
          src={qr}
          mode="aspectFit"
          onClick={() => void Taro.previewImage({ urls: [qr], current: qr })}
        />
      ) : (
        <View className="dir-account__qr dir-account__qr--none">
          <Text>暂无二维码</Text>
        </View>
      )}
    </View>
  );
}

export default function DirectoryPage() {
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const unitId = unit?.id ?? '';
  const [staff, setStaff] = useState(false);

  useEffect(() => {
    void getMe().then((r) => setStaff(Boolean(r.ok && r.data.staff && r.data.staff.status === 'active')));
  }, []);

  const load = useCallback(
    (cursor: string | null) => directory({ unitId: unitId || undefined, platform: platform || undefined, cursor }),
    [unitId, platform],
  );
  const list = usePagedList(load);
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useLoadMoreAtBottom(list);

  const platformChips = [
    { id: '' as const, label: '全部平台' },
    ...PLATFORMS.map((p) => ({ id: p, label: PLATFORM_LABELS[p] })),
  ];

  return (
    <View className="dir">
      <PageHeader title="政务账号名录" />
      <View className="dir-head">
        <Text className="dir-head__title">盐池县政务新媒体账号名录</Text>
        <Text className="dir-head__desc">全县各单位已备案的政务微博、微信等账号；有二维码的，点开后长按即可关注</Text>
      </View>
      <Chips items={platformChips} value={platform} onPick={(v) => setPlatform(v as Platform | '')} />
      <View className="dir-unit-filter">
        <UnitField title="按单位查看" placeholder="全部单位" anyLabel="全部单位" value={unit} onChange={setUnit} />
      </View>

      <PagedView
        list={list}
        className="dir-list"
        empty={
          <EmptyView
            title="暂无账号"
            description={platform || unitId ? '换个平台或单位看看' : '各单位的政务账号完成备案后会显示在这里'}
          />
        }
      >
        {(items) =>
          groupByUnit(items).map((g) => (
            <View key={g.unitId} className="zw-card dir-unit">
              <Text className="dir-unit__name">{g.unitName}</Text>
              {g.accounts.map((a) => (
                <AccountRow key={a.id} entry={a} />
              ))}
            </View>
          ))
        }
      </PagedView>

      {staff ? (
        <View className="dir-staff" onClick={() => void Taro.navigateTo({ url: '/accounts/index/index' })}>
          <Text>工作人员：账号开设、备案与注销 ›</Text>
        </View>
      ) : null}
    </View>
  );
}
