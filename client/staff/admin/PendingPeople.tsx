import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UnitStaffView } from '../../services/identity';
import { roleLabel } from '../../lib/roles';

// 待审批人员: people who redeemed an invite to this unit; approve, or refuse with a reason.

export function PendingPeople(props: {
  items: UnitStaffView[];
  busyId: string | null;
  onApprove(s: UnitStaffView): void;
  onRefuse(s: UnitStaffView): void;
}) {
  return (
    <View>
      {props.items.map((s) => (
        <View key={s._id} className="zw-card admin-item">
          <View className="admin-item__head">
            <Text className="admin-item__name">{s.name}</Text>
            <Text className="admin-item__sub">{s.title}</Text>
          </View>
          <Text className="zw-muted">手机号码 {s.mobile}</Text>
          <View className="admin-item__tags">
            <Text className="zw-muted">申请角色：</Text>
            {s.pendingRoles.map((g) => (
              <Text key={g.role} className="zw-tag zw-tag--doing">
                {roleLabel(g.role)}
              </Text>
            ))}
          </View>
          <View className="zw-actions">
            <Button
              type="primary"
              size="small"
              loading={props.busyId === s._id}
              disabled={props.busyId !== null}
              onClick={() => props.onApprove(s)}
            >
              批准
            </Button>
            <Button size="small" fill="outline" disabled={props.busyId !== null} onClick={() => props.onRefuse(s)}>
              不予批准
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
