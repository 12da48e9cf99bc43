import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { createInvite, type InviteView } from '../../services/identity';
import { IS_WEAPP } from '../../services/env';
import { roleLabel } from '../../lib/roles';
import { formatChinaTime } from '../../lib/time';
import { OpenInvites } from './OpenInvites';
import { copyText } from '../../lib/clipboard';

// 邀请码: choose the role, get a one-time code (72 hours). The new colleague opens the mini
// program at pages/join/index?code=… (shared card on weapp) or types the code under 我的.

const TTL_HOURS = Math.round(SECURITY_POLICY.inviteTtlMs / 3600_000);

export function Invites(props: {
  unitId: string;
  unitName: string;
  roles: string[];
  onCreated(invite: InviteView): void;
  last: InviteView | null;
}) {
  const [role, setRole] = useState(props.roles[0] ?? 'publisher');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    const res = await createInvite({ unitId: props.unitId, role });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    props.onCreated(res.data);
  };

  const inv = props.last;
  return (
    <View>
      <View className="zw-card">
        <Text className="admin-label">邀请加入：{props.unitName}</Text>
        <Text className="admin-label">选择角色</Text>
        <View className="admin-roles">
          {props.roles.map((r) => (
            <View
              key={r}
              className={`admin-roles__item${r === role ? ' admin-roles__item--active' : ''}`}
              onClick={() => setRole(r)}
            >
              <Text>{roleLabel(r)}</Text>
            </View>
          ))}
        </View>
        <Text className="zw-muted">
          邀请码只能使用一次，{TTL_HOURS} 小时内有效。对方登记后，还需您批准其登记和手机。
        </Text>
        {error ? <Text className="zw-notice zw-notice--error">{error}</Text> : null}
        <View className="zw-actions">
          <Button type="primary" loading={busy} disabled={busy} onClick={() => void create()}>
            生成邀请码
          </Button>
        </View>
      </View>

      {inv ? (
        <View className="zw-card admin-invite">
          <Text className="admin-invite__label">
            {inv.unitName} · {roleLabel(inv.role)}
          </Text>
          <Text className="admin-invite__code" userSelect>
            {inv.code}
          </Text>
          <Text className="zw-muted">有效期至 {formatChinaTime(inv.expiresAt)}（北京时间）</Text>
          {inv.image ? (
            <View className="admin-invite__qr">
              <Image
                className="admin-invite__qr-image"
                src={inv.image.dataUrl}
                mode="scaleToFill"
                showMenuByLongpress
              />
              <Text className="zw-muted">{inv.image.note}</Text>
            </View>
          ) : null}
          <Text className="zw-muted">小程序页面路径（可放进公众号菜单或文章的小程序链接）：</Text>
          <Text className="admin-invite__path" userSelect>
            {inv.path}
          </Text>
          <Text className="zw-muted">新同事在小程序“我的 → 使用邀请码”中输入，或打开上面的小程序路径。</Text>
          <View className="zw-actions">
            <Button size="small" type="primary" fill="outline" onClick={() => copyText(inv.code, '邀请码')}>
              复制邀请码
            </Button>
            <Button size="small" fill="outline" onClick={() => copyText(inv.path, '路径')}>
              复制路径
            </Button>
            {IS_WEAPP ? (
              <Button size="small" type="primary" openType="share">
                发送给同事
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      <OpenInvites unitId={props.unitId} latest={inv?.code} />
    </View>
  );
}
