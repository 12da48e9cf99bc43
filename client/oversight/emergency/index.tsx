import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { getEvent, listEvents, type EmergencyEventView } from '../../services/oversight';
import { getMe } from '../../services/me';
import { listUnits, type UnitSummary } from '../../services/units';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { when } from '../common/format';
import { DeclareForm } from './DeclareForm';
import { EventDetail } from './EventDetail';
import '../common/oversight.scss';

// 突发事件 (emergency mode): the events the county government office has declared, each with its
// 5/24/48-hour clocks and which units have spoken; the office declares new ones here.

export default function EmergencyPage() {
  const id = queryParam(useRouter().params.id);
  const [events, setEvents] = useState<EmergencyEventView[] | null>(null);
  const [one, setOne] = useState<EmergencyEventView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [office, setOffice] = useState<UnitSummary[] | null>(null);
  const [declaring, setDeclaring] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    if (id) {
      const res = await getEvent(id);
      if (!res.ok) return setError(res.message);
      return setOne(res.data);
    }
    const [res, me, units] = await Promise.all([listEvents(), getMe(), listUnits()]);
    if (!res.ok) return setError(res.message);
    setEvents(res.data.items);
    if (me.ok && units.ok) {
      const officeId = units.data.items.find((u) => u.role === 'countyOffice')?._id;
      const heads = (me.data.staff?.roles ?? []).some(
        (r) => r.unitId === officeId && (r.role === 'leader' || r.role === 'unitAdmin'),
      );
      setOffice(heads ? units.data.items.filter((u) => u.role !== 'infoCenter' && u.role !== 'supervision') : null);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const body = () => {
    if (error) return <ErrorView message={error} onRetry={() => void load()} />;
    if (id) return one ? <EventDetail e={one} onChange={setOne} /> : <LoadingView />;
    if (!events) return <LoadingView />;
    return (
      <View>
        {office ? (
          declaring ? (
            <DeclareForm units={office} />
          ) : (
            <Button block type="danger" onClick={() => setDeclaring(true)}>
              宣布突发事件
            </Button>
          )
        ) : null}
        {!events.length ? (
          <EmptyView title="当前没有突发事件" description="县政府办公室宣布的突发事件会出现在这里" />
        ) : null}
        {events.map((e) => (
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
        ))}
      </View>
    );
  };

  return (
    <View className="ov-page">
      <PageHeader title="突发事件" />
      <View className="ov-body">{body()}</View>
    </View>
  );
}
