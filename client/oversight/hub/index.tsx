import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { roleLabels } from '../../lib/roles';
import { Gate } from '../common/Gate';
import { useStaff } from '../common/useStaff';
import '../common/oversight.scss';

// 督查与值班: the way in. The supervision office and the information center get the county's
// screens; unit staff get their unit's numbers, roster, incidents and bulletins.

function Entry(props: { title: string; desc: string; url: string }) {
  return (
    <View className="ov-card ov-card--tap" onClick={() => void Taro.navigateTo({ url: props.url })}>
      <View className="ov-row">
        <Text className="ov-card__title">{props.title}</Text>
        <Text className="ov-link">›</Text>
      </View>
      <Text className="ov-card__sub">{props.desc}</Text>
    </View>
  );
}

export default function Hub() {
  const { who, load } = useStaff();
  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (who.status === 'error') void load();
  });

  return (
    <View className="ov-page">
      <PageHeader title="督查与值班" />
      <View className="ov-body">
        <Gate who={who} retry={() => void load()}>
          {(me) => (
            <View>
              {me.county ? (
                <View className="ov-cards">
                  <Entry title="督查看板" desc="各单位更新、留言办理、预警与红黑榜" url="/oversight/dashboard/index" />
                  <Entry
                    title="通报"
                    desc="生成、修改、印发月度/季度通报，跟踪签收整改"
                    url="/oversight/bulletins/index"
                  />
                  <Entry title="舆情台账" desc="全县登记的舆情及处置情况" url="/oversight/incidents/index" />
                  <Entry
                    title="值班表"
                    desc="选择单位，查看现在的值班人、每周安排和交接班记录"
                    url="/oversight/duty/index"
                  />
                  <Entry
                    title="突发事件"
                    desc="应急状态下的 5/24/48 小时时限与各单位发声情况"
                    url="/oversight/emergency/index"
                  />
                  <Entry
                    title="督查规则"
                    desc={me.infoCenter ? '查看和修改各项时限（留痕、可追溯）' : '各项时限及其依据'}
                    url="/oversight/rules/index"
                  />
                </View>
              ) : null}
              {me.units.map((u) => (
                <View key={u.unitId}>
                  <Text className="ov-section">
                    {u.unitName} · {roleLabels(u.roles)}
                  </Text>
                  <View className="ov-cards">
                    <Entry
                      title="本单位督查情况"
                      desc="账号更新、留言办理、预警及依据"
                      url={`/oversight/unit/index?unitId=${u.unitId}`}
                    />
                    <Entry
                      title="通报与整改"
                      desc="本单位被通报的事项，签收并报送整改"
                      url={`/oversight/bulletins/index?unitId=${u.unitId}`}
                    />
                    <Entry
                      title="值班表"
                      desc="本周值班安排、当前值班人、交接班记录"
                      url={`/oversight/duty/index?unitId=${u.unitId}`}
                    />
                    <Entry
                      title="舆情台账"
                      desc="登记舆情、指派处置、上报监测报告"
                      url={`/oversight/incidents/index?unitId=${u.unitId}`}
                    />
                    <Entry title="突发事件" desc="县政府办公室宣布的事件与发布时限" url="/oversight/emergency/index" />
                  </View>
                </View>
              ))}
            </View>
          )}
        </Gate>
      </View>
    </View>
  );
}
