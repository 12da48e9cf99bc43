import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageHeader } from '../../components/PageHeader';
import { UnitField } from '../../components/UnitPicker';
import { queryParam } from '../../lib/params';
import { RosterPanel } from './Roster';
import '../common/oversight.scss';

// 值班表. A unit's staff arrive with their unit (the hub links each unit's roster); the county
// offices (督查室、信息中心) hold no unit of their own here and choose the unit to look at. No
// request is made until there is a unit: an empty id is no question to ask the server.

export default function DutyPage() {
  const routeUnit = queryParam(useRouter().params.unitId);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [unitName, setUnitName] = useState<string | null>(null);
  const unitId = routeUnit || chosen?.id || '';
  const onName = useCallback((name: string) => setUnitName(name), []);

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
        </View>
      )}
      {unitId ? <RosterPanel key={unitId} unitId={unitId} onName={onName} /> : null}
    </View>
  );
}
