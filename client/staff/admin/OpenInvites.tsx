import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { cancelInvite, listOpenInvites, type OpenInviteView } from '../../services/identity';
import { usePagedList } from '../../hooks/usePagedList';
import { PagedView } from '../../components/PagedView';
import { EmptyView } from '../../components/StateViews';
import { roleLabel } from '../../lib/roles';
import { formatChinaTime } from '../../lib/time';

// 未使用的邀请码: what the unit has handed out and nobody has redeemed yet. A code sent to the
// wrong person, or no longer needed, is cancelled here and stops working at once.

export function OpenInvites(props: { unitId: string; /** Changes when a new invite is made. */ latest?: string }) {
  const { unitId, latest } = props;
  const list = usePagedList(useCallback((cursor: string | null) => listOpenInvites({ unitId, cursor }), [unitId]));
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh, latest]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const cancel = async (inv: OpenInviteView) => {
    const { confirm } = await Taro.showModal({
      title: '作废邀请码',
      content: `作废后邀请码 ${inv.code}（${roleLabel(inv.role)}）立即失效，不能恢复。`,
      confirmText: '作废',
    });
    if (!confirm) return;
    setBusy(inv.code);
    setError(null);
    const res = await cancelInvite(inv.code);
    setBusy(null);
    if (!res.ok) return setError(res.message);
    void Taro.showToast({ title: '邀请码已作废', icon: 'none' });
    void refresh();
  };

  return (
    <View className="zw-card">
      <Text className="admin-label">未使用的邀请码</Text>
      {error ? <Text className="zw-notice zw-notice--error">{error}</Text> : null}
      <PagedView
        list={list}
        empty={<EmptyView title="没有未使用的邀请码" description="生成的邀请码在使用或过期前会列在这里" />}
      >
        {(items) =>
          items.map((inv) => (
            <View key={inv.code} className="admin-phone">
              <View className="admin-phone__main">
                <View className="admin-phone__head">
                  <Text className="admin-phone__name">{inv.code}</Text>
                  <Text className="zw-tag">{roleLabel(inv.role)}</Text>
                </View>
                <Text className="zw-muted">
                  {inv.createdByName ? `${inv.createdByName} ` : ''}生成于 {formatChinaTime(inv.createdAt)}，
                  {formatChinaTime(inv.expiresAt)} 前有效
                </Text>
              </View>
              <Button
                className="admin-phone__btn"
                size="mini"
                type="danger"
                fill="outline"
                loading={busy === inv.code}
                disabled={busy !== null}
                onClick={() => void cancel(inv)}
              >
                作废
              </Button>
            </View>
          ))
        }
      </PagedView>
    </View>
  );
}
