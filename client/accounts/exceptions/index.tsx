import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { PLATFORMS, PLATFORM_LABELS, type Platform } from '@shared/accounts/contract';
import { EXCEPTION_KINDS, EXCEPTION_KIND_LABELS, type ExceptionKind } from '@shared/accounts/schemas';
import { grantException, listExceptions, revokeException, type AccountExceptionView } from '../../services/accounts';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { UnitField } from '../../components/UnitPicker';
import { usePagedList, useLoadMoreAtBottom } from '../../hooks/usePagedList';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { ReasonDialog } from '../../components/ReasonDialog';
import { formatChinaTime } from '../../lib/time';
import { Chips } from '../common/Chips';
import '../common/accounts.scss';

// 例外登记 (县政府信息中心): a name not containing the unit's name (第五条), or a second
// institutional account on one platform (国办发〔2018〕123号 "原则上"), each with a reason.
// The unit's next application that needs it uses it up.

interface Form {
  unitId: string;
  unitName: string;
  kind: ExceptionKind | '';
  platform: Platform | '';
  name: string;
  reason: string;
}
const EMPTY: Form = { unitId: '', unitName: '', kind: '', platform: '', name: '', reason: '' };

export default function ExceptionsPage() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);

  const list = usePagedList<AccountExceptionView>(useCallback((cursor) => listExceptions({ cursor }), []));
  const { refresh } = list;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()));
  useLoadMoreAtBottom(list);

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };

  const submit = async () => {
    setBusy(true);
    setFormError(null);
    const res = await grantException({
      unitId: form.unitId,
      kind: form.kind,
      platform: form.platform,
      ...(form.kind === 'name' ? { name: form.name } : {}),
      reason: form.reason,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setFormError(res.message);
    }
    setForm(EMPTY);
    void Taro.showToast({ title: '已登记', icon: 'success' });
    await refresh();
  };

  return (
    <View className="acc-page">
      <PageHeader title="账号开设例外" />
      <View className="acc-body">
        <View className="zw-card">
          <Text className="zw-section-title">登记新的例外</Text>
          <View className="acc-field">
            <Text className="acc-field__label">单位</Text>
            <UnitField
              title="选择单位"
              placeholder="请选择单位（可搜索）"
              value={form.unitId ? { id: form.unitId, name: form.unitName } : null}
              onChange={(u) => update({ unitId: u?.id ?? '', unitName: u?.name ?? '' })}
            />
            <FieldError message={errors.unitId} />
          </View>
          <View className="acc-field">
            <Text className="acc-field__label">例外类型</Text>
            <Chips
              options={EXCEPTION_KINDS.map((k) => ({ id: k, label: EXCEPTION_KIND_LABELS[k] }))}
              value={form.kind}
              onPick={(kind: ExceptionKind) => update({ kind })}
            />
            <FieldError message={errors.kind} />
          </View>
          <View className="acc-field">
            <Text className="acc-field__label">平台</Text>
            <Chips
              options={PLATFORMS.map((p) => ({ id: p, label: PLATFORM_LABELS[p] }))}
              value={form.platform}
              onPick={(platform: Platform) => update({ platform })}
            />
            <FieldError message={errors.platform} />
          </View>
          {form.kind === 'name' ? (
            <View className="acc-field">
              <Text className="acc-field__label">允许使用的账号名称</Text>
              <Input
                className="acc-input"
                value={form.name}
                maxLength={40}
                onChange={(name: string) => update({ name })}
              />
              <FieldError message={errors.name} />
            </View>
          ) : null}
          <View className="acc-field">
            <Text className="acc-field__label">理由</Text>
            <TextArea
              value={form.reason}
              maxLength={220}
              rows={3}
              autoSize={false}
              onChange={(reason: string) => update({ reason })}
            />
            <FieldError message={errors.reason} />
          </View>
          {formError ? <Text className="acc-form-error">{formError}</Text> : null}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
            登记例外
          </Button>
        </View>

        <Text className="zw-section-title">已登记的例外</Text>
        <PagedView list={list} empty={<EmptyView title="暂无例外" />}>
          {(items) =>
            items.map((e) => (
              <View key={e._id} className="zw-card">
                <View className="acc-card__top">
                  <Text className="acc-card__name">
                    {e.unitName} · {PLATFORM_LABELS[e.platform]}
                  </Text>
                  <Text className="zw-tag">{e.revokedAt ? '已撤销' : e.usedByAccountId ? '已使用' : '可使用'}</Text>
                </View>
                <Text className="zw-muted">
                  {EXCEPTION_KIND_LABELS[e.kind]}
                  {e.name ? `「${e.name}」` : ''}：{e.reason}
                </Text>
                <Text className="zw-muted">
                  {e.grantedByName} 登记于 {formatChinaTime(e.grantedAt)}
                </Text>
                {!e.revokedAt && !e.usedByAccountId ? (
                  <Button size="small" fill="outline" onClick={() => setRevoking(e._id)}>
                    撤销
                  </Button>
                ) : null}
              </View>
            ))
          }
        </PagedView>
      </View>
      <ReasonDialog
        visible={revoking !== null}
        title="撤销例外"
        confirmText="撤销"
        required
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={(reason) => {
          const id = revoking!;
          void revokeException(id, reason).then(async (r) => {
            if (!r.ok) return void Taro.showToast({ title: r.message, icon: 'none' });
            setRevoking(null);
            await refresh();
          });
        }}
      />
    </View>
  );
}
