import { useCallback, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { dutyNow, type DutyNowRow } from '../../services/oversight';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { useSearchText } from '../../hooks/useSearchText';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';

// 各单位当前值班 (第十八条(三)): for the county offices, every unit's person on duty now — in an
// emergency they call that person first — or, in a warning tone, why nobody is. A row opens the
// unit's full roster. Reloaded when the page shows again: who is on duty changes with the hour.
// A search box finds one unit among the county's 300 by a word of its name.

const call = (mobile: string) => void Taro.makePhoneCall({ phoneNumber: mobile }).catch(() => undefined);

function Row({ r }: { r: DutyNowRow }) {
  const first = r.onDuty[0];
  return (
    <View
      className={`ov-card ov-card--tap${first ? '' : ' ov-card--warn'}`}
      onClick={() => void Taro.navigateTo({ url: `/oversight/duty/index?unitId=${r.unitId}` })}
    >
      <View className="ov-row">
        <Text className="ov-card__title">{r.unitName}</Text>
        {first ? null : <Text className="ov-tag ov-tag--warn">{r.why}</Text>}
      </View>
      {r.onDuty.map((d) => (
        <View key={d.staffId} className="ov-row">
          <View>
            <Text className="ov-card__sub">
              值班：{d.name}
              {d.title ? `（${d.title}）` : ''}
              {d.mobile ? ` ${d.mobile}` : ''}
            </Text>
            <Text className="ov-muted">{d.shift}</Text>
          </View>
          {d.mobile ? (
            <Button
              size="small"
              type="primary"
              onClick={(e) => {
                e.stopPropagation();
                call(d.mobile);
              }}
            >
              拨打
            </Button>
          ) : null}
        </View>
      ))}
      {first ? null : <Text className="ov-card__sub">现在无人值班，紧急事项请联系该单位分管领导。</Text>}
    </View>
  );
}

export function CountyDutyNow() {
  const { text, setText, q } = useSearchText();
  const list = usePagedList(useCallback((cursor: string | null) => dutyNow(q, cursor), [q]));
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  useLoadMoreAtBottom(list);

  return (
    <View>
      <Text className="ov-section">各单位当前值班</Text>
      <SearchBar value={text} placeholder="输入单位名称查找" onChange={(v: string) => setText(v)} />
      <PagedView
        list={list}
        empty={
          q ? (
            <EmptyView title={`没有名称含“${q}”的单位`} description="请换个字词再查，或清空搜索查看全部单位" />
          ) : (
            <EmptyView title="暂无单位" description="县里还没有在用的单位，无值班可查" />
          )
        }
      >
        {(items) => items.map((r) => <Row key={r.unitId} r={r} />)}
      </PagedView>
    </View>
  );
}
