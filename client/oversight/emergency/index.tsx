import { useCallback, useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { getEvent, type EmergencyEventView } from '../../services/oversight';
import { getMe } from '../../services/me';
import { unitsPage } from '../../services/units';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { DeclareForm } from './DeclareForm';
import { EventDetail } from './EventDetail';
import { EventList } from './EventList';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// 突发事件 (emergency mode): the events the county government office has declared, each with its
// 5/24/48-hour clocks and which units have spoken (paged, EventList); the office declares new
// ones here; `?id=` shows one event.

export default function EmergencyPage() {
  const id = queryParam(useRouter().params.id);
  const [one, setOne] = useState<EmergencyEventView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  // Whether this person heads the county government office, who alone declare events.
  const [office, setOffice] = useState(false);
  const [declaring, setDeclaring] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    if (id) {
      const res = await getEvent(id);
      if (!res.ok) return setError(res);
      return setOne(res.data);
    }
    const [me, offices] = await Promise.all([getMe(), unitsPage({ role: 'countyOffice', pageSize: 1 })]);
    if (me.ok && offices.ok) {
      const officeId = offices.data.items[0]?._id;
      setOffice(
        (me.data.staff?.roles ?? []).some(
          (r) => r.unitId === officeId && (r.role === 'leader' || r.role === 'unitAdmin'),
        ),
      );
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    if (id) void load().finally(() => Taro.stopPullDownRefresh());
  });

  const body = () => {
    if (error) return <ErrorView message={error.message} code={error.code} onRetry={() => void load()} />;
    if (id) return one ? <EventDetail e={one} onChange={setOne} /> : <LoadingView />;
    return (
      <View>
        {office ? (
          declaring ? (
            <DeclareForm />
          ) : (
            <Button block type="danger" onClick={() => setDeclaring(true)}>
              宣布突发事件
            </Button>
          )
        ) : null}
        <EventList />
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
