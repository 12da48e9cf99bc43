import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeviceView } from '../../services/identity';
import { DEVICE_STATUS_LABELS, DEVICE_STATUS_TONE, deviceHistory, deviceName, deviceSystem } from '../../lib/devices';

// 我的设备: every phone bound to me, with its status and a 挂失 button while it is not lost.

export function DeviceList(props: { devices: DeviceView[]; localId: string; onReportLost(d: DeviceView): void }) {
  if (!props.devices.length) return <Text className="zw-muted">还没有绑定设备</Text>;
  return (
    <View>
      {props.devices.map((d) => (
        <View key={d._id} className="me-device">
          <View className="me-device__main">
            <View className="me-device__head">
              <Text className="me-device__name">{deviceName(d.info)}</Text>
              {d._id === props.localId ? <Text className="zw-tag">本机</Text> : null}
              <Text className={`zw-tag ${DEVICE_STATUS_TONE[d.status] ?? ''}`}>
                {DEVICE_STATUS_LABELS[d.status] ?? d.status}
              </Text>
            </View>
            <Text className="zw-muted">{deviceSystem(d.info)}</Text>
            <Text className="zw-muted">{deviceHistory(d)}</Text>
          </View>
          {d.status !== 'revoked' ? (
            <Button size="small" type="danger" fill="outline" onClick={() => props.onReportLost(d)}>
              挂失
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
