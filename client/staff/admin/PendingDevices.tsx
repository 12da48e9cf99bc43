import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UnitDeviceView } from '../../services/identity';
import { deviceName, deviceSystem } from '../../lib/devices';
import { formatChinaTime } from '../../lib/time';

// 待批准设备: phones staff asked to bind; approving one needs the admin's fresh PIN (step-up).

export function PendingDevices(props: {
  items: UnitDeviceView[];
  busyId: string | null;
  onApprove(d: UnitDeviceView): void;
}) {
  return (
    <View>
      <Text className="zw-notice">批准前请与本人核对手机型号。批准设备需要输入您的 PIN。</Text>
      {props.items.map((d) => (
        <View key={d._id} className="zw-card admin-item">
          <View className="admin-item__head">
            <Text className="admin-item__name">{d.holder || '（未知人员）'}</Text>
          </View>
          <Text className="admin-item__device">{deviceName(d.info)}</Text>
          <Text className="zw-muted">{deviceSystem(d.info)}</Text>
          <Text className="zw-muted">申请时间 {formatChinaTime(d.createdAt)}</Text>
          <View className="zw-actions">
            <Button
              type="primary"
              size="small"
              loading={props.busyId === d._id}
              disabled={props.busyId !== null}
              onClick={() => props.onApprove(d)}
            >
              批准设备
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
