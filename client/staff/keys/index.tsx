import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { CHANNEL_LABELS } from '@shared/messages/schemas';
import { PageHeader } from '../../components/PageHeader';
import { GuardedPage, type Guard } from '../../components/GuardedPage';
import { PagedView } from '../../components/PagedView';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyView } from '../../components/StateViews';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { useLoadMoreAtBottom, usePagedList } from '../../hooks/usePagedList';
import { getMe } from '../../services/me';
import { listImportKeys, revokeImportKey, type CreatedImportKey, type ImportKeyView } from '../../services/portal';
import { routeForRefusal } from '../../services/guard-core';
import { isInfoCenter } from '../../lib/staff-units';
import { CreateKey, CreatedKey } from './CreateKey';
import { KeyRow } from './KeyRow';
import { failed } from '../../lib/load-state';
import './index.scss';

// 留言导入接口 (information center): the import keys with which the portal's mailbox and the
// 12345 platform file their messages over the signed machine path (issue 6 §6, 第二十五条).
// Make one (fresh PIN; the secret is shown this once), see them all, 停用 one with a reason.

const TITLE = '留言导入接口';

export default function ImportKeysPage() {
  useCaptureGuard(TITLE);
  const [guard, setGuard] = useState<Guard | { status: 'ready' }>({ status: 'loading' });
  const [created, setCreated] = useState<CreatedImportKey | null>(null);
  const [revoking, setRevoking] = useState<ImportKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const list = usePagedList(useCallback((cursor: string | null) => listImportKeys({ cursor }), []));
  const { refresh } = list;
  useLoadMoreAtBottom(list);

  const check = useCallback(async () => {
    setGuard((g) => (g.status === 'ready' ? g : { status: 'loading' }));
    const res = await getMe();
    if (!res.ok) return setGuard(failed(res));
    const me = res.data.staff;
    setGuard(me?.status === 'active' && isInfoCenter(me.roles) ? { status: 'ready' } : { status: 'denied' });
  }, []);

  useDidShow(() => {
    void check();
  });
  const ready = guard.status === 'ready';
  useEffect(() => {
    if (ready) void refresh();
  }, [ready, refresh]);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const onCreated = (c: CreatedImportKey) => {
    setCreated(c);
    void refresh();
  };

  const confirmRevoke = async (reason: string) => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    const res = await revokeImportKey(revoking.keyId, reason);
    setBusy(false);
    if (!res.ok) {
      // The dialog stays open with the reason as typed; the server's words say why.
      if (routeForRefusal(res)) setRevoking(null);
      else setRevokeError(res.message);
      return;
    }
    setRevoking(null);
    if (created?.key.keyId === res.data.keyId) setCreated(null);
    void Taro.showToast({ title: '已停用，该密钥立即失效', icon: 'none' });
    void refresh();
  };

  if (guard.status !== 'ready') {
    return (
      <GuardedPage
        title={TITLE}
        className="keys"
        guard={guard}
        onRetry={() => void check()}
        denied={{
          message: '留言导入接口只对县政府信息中心开放',
          actionText: '返回首页',
          onAction: () => void Taro.reLaunch({ url: '/pages/home/index' }),
        }}
      />
    );
  }

  return (
    <View className="keys">
      <PageHeader title={TITLE} />
      <View className="keys-body">
        <Text className="zw-notice">
          门户网站信箱、12345
          热线工单凭导入密钥自动导入为留言，与小程序留言统一分办、办理和答复。每个对接系统一把密钥，导入记录以密钥名称署名。
        </Text>

        <Text className="zw-section-title">生成密钥</Text>
        {created ? <CreatedKey created={created} onDone={() => setCreated(null)} /> : null}
        <CreateKey onCreated={onCreated} />

        <Text className="zw-section-title">全部密钥</Text>
        <PagedView
          list={list}
          className="zw-card"
          empty={
            <EmptyView title="还没有导入密钥" description="为门户网站信箱或 12345 热线生成一把密钥后，会列在这里" />
          }
        >
          {(items) =>
            items.map((k) => (
              <KeyRow
                key={k.keyId}
                item={k}
                busy={busy}
                onRevoke={(key) => {
                  setRevokeError(null);
                  setRevoking(key);
                }}
              />
            ))
          }
        </PagedView>
      </View>

      <ReasonDialog
        visible={revoking !== null}
        title="停用导入密钥"
        description={
          revoking
            ? `停用后「${revoking.name}」（${CHANNEL_LABELS[revoking.channel]}）的导入请求立即被拒绝，不能恢复；需要时请重新生成。`
            : ''
        }
        placeholder="请填写停用原因，例如：密钥泄露、系统下线"
        required
        confirmText="确认停用"
        danger
        busy={busy}
        error={revokeError}
        onConfirm={(r) => void confirmRevoke(r)}
        onCancel={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
      />
      <StepUpPrompt />
    </View>
  );
}
