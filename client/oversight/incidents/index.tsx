import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { IMPORTANCE_LABELS, INCIDENT_STATE_LABELS, INCIDENT_TYPE_LABELS } from '@shared/oversight/incidents';
import { listIncidents } from '../../services/oversight';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { when } from '../common/format';
import { RecordForm } from './RecordForm';
import '../common/oversight.scss';

// 舆情台账 (第十八条(二)): hot topics by importance, type and responsible unit; a unit sees its own,
// the county offices see all. Anyone on staff records a new one here.

export default function Incidents() {
  const router = useRouter();
  const unitId = queryParam(router.params.unitId) || undefined;
  const [recording, setRecording] = useState(queryParam(router.params.new) === '1');
  const list = usePagedList(useCallback((cursor: string | null) => listIncidents({ unitId, cursor }), [unitId]));
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useLoadMoreAtBottom(list);

  return (
    <View className="ov-page">
      <PageHeader title="舆情台账" />
      <View className="ov-body">
        {recording ? (
          <RecordForm defaultUnitId={unitId} onCancel={() => setRecording(false)} />
        ) : (
          <Button block type="primary" onClick={() => setRecording(true)}>
            登记舆情
          </Button>
        )}
        <PagedView
          list={list}
          empty={<EmptyView title="暂无舆情记录" description="发现热点、谣言或负面评论时请及时登记" />}
        >
          {(items) =>
            items.map((i) => (
              <View
                key={i._id}
                className={`ov-card ov-card--tap${i.importance === 'major' ? ' ov-card--red' : i.importance === 'serious' ? ' ov-card--warn' : ''}`}
                onClick={() => void Taro.navigateTo({ url: `/oversight/incident/index?id=${i._id}` })}
              >
                <View className="ov-row">
                  <Text className="ov-card__title">
                    {i.unitName} · {INCIDENT_TYPE_LABELS[i.type]}
                  </Text>
                  <View>
                    <Text
                      className={`ov-tag ${i.importance === 'major' ? 'ov-tag--red' : i.importance === 'serious' ? 'ov-tag--warn' : 'ov-tag--grey'}`}
                    >
                      {IMPORTANCE_LABELS[i.importance]}
                    </Text>
                    <Text className={`ov-tag ${i.state === 'handled' ? 'ov-tag--ok' : 'ov-tag--remind'}`}>
                      {INCIDENT_STATE_LABELS[i.state]}
                    </Text>
                  </View>
                </View>
                <Text className="ov-card__sub">{i.summary}</Text>
                <Text className="ov-card__sub">
                  {i.platform} · {i.recordedByName} 登记于 {when(i.createdAt)}
                </Text>
              </View>
            ))
          }
        </PagedView>
      </View>
    </View>
  );
}
