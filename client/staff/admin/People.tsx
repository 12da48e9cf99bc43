import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UnitDeviceView, UnitStaffView } from '../../services/identity';
import { roleLabel } from '../../lib/roles';
import { DEVICE_STATUS_LABELS, DEVICE_STATUS_TONE, deviceHistory, deviceName } from '../../lib/devices';

// 人员: everyone with a role here; 停用 (with a reason), 解除锁定 after too many wrong PINs,
// and 挂失 for each of their working phones (the server lists them with the person).

const STATUS: Record<string, { text: string; tone: string }> = {
  active: { text: '在用', tone: 'zw-tag--done' },
  pending: { text: '待审批', tone: 'zw-tag--doing' },
  disabled: { text: '已停用', tone: 'zw-tag--todo' },
};

export function People(props: {
  items: UnitStaffView[];
  meId: string;
  busyId: string | null;
  onDisable(s: UnitStaffView): void;
  onUnlock(s: UnitStaffView): void;
  onReportLost(d: UnitDeviceView): void;
}) {
  return (
    <View>
      {props.items.map((s) => {
        const st = STATUS[s.status] ?? { text: s.status, tone: '' };
        const phones: UnitDeviceView[] = s.devices.map((d) => ({ ...d, holder: `${s.name}（${s.title}）` }));
        const busy = props.busyId !== null;
        return (
          <View key={s._id} className="zw-card admin-item">
            <View className="admin-item__head">
              <Text className="admin-item__name">{s.name}</Text>
              <Text className="admin-item__sub">{s.title}</Text>
              {s._id === props.meId ? <Text className="zw-tag">我</Text> : null}
              <Text className={`zw-tag ${st.tone}`}>{st.text}</Text>
              {s.pinLocked ? <Text className="zw-tag zw-tag--todo">PIN 已锁定</Text> : null}
            </View>
            <Text className="zw-muted">
              {s.roles.map((g) => roleLabel(g.role)).join('、') || '（无角色）'} · {s.mobile}
              {s.status !== 'disabled' && !s.pinSet ? ' · 未设置 PIN' : ''}
            </Text>
            {phones.map((d) => (
              <View key={d._id} className="admin-phone">
                <View className="admin-phone__main">
                  <View className="admin-phone__head">
                    <Text className="admin-phone__name">{deviceName(d.info)}</Text>
                    <Text className={`zw-tag ${DEVICE_STATUS_TONE[d.status] ?? ''}`}>
                      {DEVICE_STATUS_LABELS[d.status] ?? d.status}
                    </Text>
                  </View>
                  <Text className="zw-muted">{deviceHistory(d)}</Text>
                </View>
                <Button
                  className="admin-phone__btn"
                  size="mini"
                  type="danger"
                  fill="outline"
                  disabled={busy}
                  onClick={() => props.onReportLost(d)}
                >
                  挂失
                </Button>
              </View>
            ))}
            {s.status !== 'disabled' && s._id !== props.meId ? (
              <View className="zw-actions">
                {s.pinLocked ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={props.busyId === s._id}
                    disabled={busy}
                    onClick={() => props.onUnlock(s)}
                  >
                    解除锁定
                  </Button>
                ) : null}
                <Button size="small" type="danger" fill="outline" disabled={busy} onClick={() => props.onDisable(s)}>
                  停用
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
