import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { UnitField } from '../../components/UnitPicker';
import { queryParam } from '../../lib/params';
import { useStaff } from '../common/useStaff';
import { RosterPanel } from './Roster';
import { CountyDutyNow } from './CountyDutyNow';
import '../common/oversight.scss';

// 值班表. A unit's staff arrive with their unit (the hub links each unit's roster); the county
// offices (督查室、信息中心) hold no unit of their own here: they see 各单位当前值班 (whom to call
// now in every unit; a row opens that unit's roster) and may choose a unit to look at. No roster
// is asked for until there is a unit: an empty id is no question to ask the server.

export default function DutyPage() {
  const routeUnit = queryParam(useRouter().params.unitId);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [unitName, setUnitName] = useState<string | null>(null);
  const unitId = routeUnit || chosen?.id || '';
  const onName = useCallback((name: string) => setUnitName(name), []);
  const { who, load } = useStaff();
  useEffect(() => {
    if (!routeUnit) void load();
  }, [routeUnit, load]);
  const county = who.status === 'ready' && who.county;

  return (
    <View className="ov-page">
      <PageHeader title={unitId && unitName ? `${unitName}值班表` : '值班表'} />
      {routeUnit ? null : (
        <View className="ov-body">
          <View className="ov-card">
            <Text className="ov-field">查看哪个单位的值班表</Text>
            <UnitField
              title="选择单位"
              placeholder="请选择单位"
              value={chosen}
              onChange={(u) => {
                setUnitName(null);
                setChosen(u);
              }}
            />
            {!chosen ? <Text className="ov-muted">选择单位后显示现在的值班人、每周值班安排和交接班记录。</Text> : null}
          </View>
          {county && !chosen ? <CountyDutyNow /> : null}
        </View>
      )}
      {unitId ? <RosterPanel key={unitId} unitId={unitId} onName={onName} /> : null}
    </View>
  );
}
