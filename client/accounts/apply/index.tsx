import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import {
  ACCOUNT_TYPES,
  ACCOUNT_TYPE_LABELS,
  PLATFORMS,
  PLATFORM_LABELS,
  type AccountType,
  type Platform,
} from '@shared/accounts/contract';
import { getMe } from '../../services/me';
import { unitsPage, type UnitSummary } from '../../services/units';
import { applyAccount, getAccount, resubmitAccount } from '../../services/accounts';
import { readJson, removeKey, writeJson } from '../../services/storage';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { Chips } from '../common/Chips';
import { PersonChips } from '../common/PersonChips';
import { check, EMPTY, restore, type Draft } from './form';
import { failed, type Failed } from '../../lib/load-state';
import '../common/accounts.scss';

// 申请开设 (第五条): platform, type, name tied to the unit, the three responsible people of 附件1.
// The draft is kept on the phone until the server accepts it; a returned application reopens here.

const DRAFT_KEY = 'zw.accounts.apply.v1';
const UNIT_ROLES = ['publisher', 'reviewer', 'leader', 'unitAdmin'];

function Field(props: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className="acc-field">
      <Text className="acc-field__label">{props.label}</Text>
      {props.children}
      {props.hint ? <Text className="acc-field__hint">{props.hint}</Text> : null}
      <FieldError message={props.error} />
    </View>
  );
}

export default function ApplyPage() {
  const resubmitId = useRouter().params.id ?? '';
  const key = resubmitId ? `${DRAFT_KEY}.${resubmitId}` : DRAFT_KEY;
  const [draft, setDraft] = useState<Draft>(() => restore(readJson(key)));
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [mine, setMine] = useState<string[]>([]);
  const [state, setState] = useState<{ status: 'loading' | 'ready' } | Failed>({
    status: 'loading',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const me = await getMe();
    if (!me.ok) return setState(failed(me));
    const ids = [
      ...new Set((me.data.staff?.roles ?? []).filter((r) => UNIT_ROLES.includes(r.role)).map((r) => r.unitId)),
    ].slice(0, 20);
    // Only the person's own units: their names and short names (the name rule's hint).
    const own = ids.length ? await unitsPage({ ids, pageSize: 20 }) : null;
    if (own && !own.ok) return setState(failed(own));
    setUnits(own?.data.items ?? []);
    setMine(ids);
    if (resubmitId && !readJson(key)) {
      const d = await getAccount(resubmitId);
      if (!d.ok) return setState(failed(d));
      const a = d.data;
      setDraft({
        owningUnitId: a.owningUnitId,
        managingUnitId: a.managingUnitId,
        platform: a.platform,
        type: a.type,
        name: a.name,
        purpose: a.purpose,
        holderStaffId: a.holder?.staffId ?? '',
        leaderId: a.responsible.leader.staffId,
        reviewerId: a.responsible.reviewer.staffId,
        publisherId: a.responsible.publisher.staffId,
        qq: a.qq,
      });
    } else {
      setDraft((d) => (d.owningUnitId || !ids.length ? d : { ...d, owningUnitId: ids[0], managingUnitId: ids[0] }));
    }
    setState({ status: 'ready' });
  }, [resubmitId, key]);

  useEffect(() => {
    void load();
  }, [load]);

  const unitIds = [...new Set([draft.owningUnitId, draft.managingUnitId].filter(Boolean))];

  useEffect(() => {
    writeJson(key, draft);
  }, [draft, key]);

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const k of Object.keys(patch)) {
        delete next[k];
        delete next[`responsible.${k}`];
      }
      return next;
    });
  };

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    const c = check(draft);
    if (!c.ok) {
      setErrors(c.fieldErrors);
      setFormError('请按提示修改后再提交');
      return;
    }
    setBusy(true);
    const res = resubmitId ? await resubmitAccount(resubmitId, c.input) : await applyAccount(c.input);
    setBusy(false);
    if (!res.ok) {
      const fe = Object.fromEntries(
        Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^application\./, ''), v]),
      );
      setErrors(fe);
      setFormError(res.message);
      return;
    }
    removeKey(key);
    setDraft({ ...EMPTY });
    void Taro.redirectTo({ url: `/accounts/detail/index?id=${res.data._id}` });
  };

  if (state.status !== 'ready') {
    return (
      <View className="acc-page">
        <PageHeader title="申请开设政务账号" />
        {state.status === 'error' ? (
          <ErrorView message={state.message} code={state.code} onRetry={() => void load()} />
        ) : (
          <LoadingView />
        )}
      </View>
    );
  }
  if (!mine.length) {
    return (
      <View className="acc-page">
        <PageHeader title="申请开设政务账号" />
        <ErrorView message="只有单位工作人员可以申请开设账号" />
      </View>
    );
  }

  const unitOptions = units.filter((u) => mine.includes(u._id)).map((u) => ({ id: u._id, label: u.name }));
  const owning = units.find((u) => u._id === draft.owningUnitId);
  // The three responsible people hold the role in the owning or managing unit (附件1).
  const person = (role: 'leaderId' | 'reviewerId' | 'publisherId', roleName: string, empty: string) =>
    unitIds.length ? (
      <PersonChips
        unitIds={unitIds}
        role={roleName}
        value={draft[role]}
        empty={empty}
        autoPick
        onPick={(id) => update({ [role]: id })}
      />
    ) : (
      <Text className="zw-muted">请先选择主管部门</Text>
    );

  return (
    <View className="acc-page">
      <PageHeader title={resubmitId ? '修改后重新提交' : '申请开设政务账号'} />
      <View className="acc-body">
        <View className="zw-card">
          <Field label="主管部门（公开认证的单位）" error={errors.owningUnitId}>
            <Chips
              options={unitOptions}
              value={draft.owningUnitId}
              onPick={(id) => update({ owningUnitId: id, managingUnitId: id })}
            />
          </Field>
          {unitOptions.length > 1 ? (
            <Field label="管理部门（负责维护，可与主管部门相同）" error={errors.managingUnitId}>
              <Chips
                options={unitOptions}
                value={draft.managingUnitId}
                onPick={(id) => update({ managingUnitId: id })}
              />
            </Field>
          ) : null}
          <Field label="平台" error={errors.platform}>
            <Chips
              options={PLATFORMS.map((p) => ({ id: p, label: PLATFORM_LABELS[p] }))}
              value={draft.platform}
              onPick={(platform: Platform) => update({ platform })}
            />
          </Field>
          <Field
            label="账号类型"
            error={errors.type}
            hint="公务人员账号、领导公务账号须经单位批准，按机构账号管理（第七条）"
          >
            <Chips
              options={ACCOUNT_TYPES.map((t) => ({ id: t, label: ACCOUNT_TYPE_LABELS[t] }))}
              value={draft.type}
              onPick={(type: AccountType) => update({ type })}
            />
          </Field>
          {draft.type && draft.type !== 'institutional' ? (
            <Field label="账号本人" error={errors.holderStaffId}>
              <PersonChips
                unitIds={[draft.owningUnitId]}
                value={draft.holderStaffId}
                empty="本单位还没有登记的工作人员"
                onPick={(id) => update({ holderStaffId: id })}
              />
            </Field>
          ) : null}
          <Field
            label="账号名称"
            error={errors.name}
            hint={owning ? `须包含「${[owning.name, ...owning.shortNames].join('」「')}」之一（第五条）` : undefined}
          >
            <Input
              className="acc-input"
              value={draft.name}
              placeholder="平台上的账号名称，例如 盐池教育发布"
              maxLength={40}
              onChange={(name: string) => update({ name })}
            />
          </Field>
          <Field label="功能定位" error={errors.purpose}>
            <TextArea
              value={draft.purpose}
              placeholder="账号发布哪些内容、服务哪些群众（4～200 字）"
              maxLength={220}
              rows={3}
              autoSize={false}
              onChange={(purpose: string) => update({ purpose })}
            />
          </Field>
        </View>

        <View className="zw-card">
          <Text className="zw-section-title">责任人（附件1 备案表）</Text>
          <Field label="分管领导" error={errors['responsible.leaderId']}>
            {person('leaderId', 'leader', '本单位还没有分管领导角色的人员')}
          </Field>
          <Field label="审核人员" error={errors['responsible.reviewerId']}>
            {person('reviewerId', 'reviewer', '本单位还没有审核人员')}
          </Field>
          <Field label="发布人员" error={errors['responsible.publisherId']}>
            {person('publisherId', 'publisher', '本单位还没有发布人员')}
          </Field>
          <Field label="QQ号（选填）" error={errors.qq}>
            <Input
              className="acc-input"
              value={draft.qq}
              placeholder="选填，5～12 位数字"
              maxLength={12}
              onChange={(qq: string) => update({ qq })}
            />
          </Field>
        </View>

        {formError ? <Text className="acc-form-error">{formError}</Text> : null}
        <Button block type="primary" size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : resubmitId ? '重新提交' : '提交申请'}
        </Button>
        <Text className="zw-muted" style={{ textAlign: 'center', marginTop: '16px' }}>
          提交后由本单位主要领导批准，再报县政府办公室审批
        </Text>
      </View>
    </View>
  );
}
