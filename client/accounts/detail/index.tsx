import { useCallback, useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { ACCOUNT_TYPE_LABELS, PLATFORM_LABELS } from '@shared/accounts/contract';
import { formatChinaDate } from '@shared/accounts/deadlines';
import { EXCEPTION_KIND_LABELS } from '@shared/accounts/schemas';
import type { AccountAction } from '@shared/accounts/transitions';
import {
  filingForm,
  getAccount,
  imageSrc,
  listAccounts,
  setImage,
  takeStep,
  type AccountDetail,
} from '../../services/accounts';
import { requestStepUp, needsStepUp as refusedForStepUp } from '../../services/stepup';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import { formatChinaTime } from '../../lib/time';
import { StepSheet, type StepValues } from '../common/StepSheet';
import { saveDocument, readImage } from '../common/files';
import { statusLabel, statusTone } from '../common/labels';
import { Timeline } from './Timeline';
import { STEP_UI, stepUpPurpose } from './steps';
import { type Failed, failed } from '../../lib/load-state';
import '../common/accounts.scss';
import './index.scss';

// One account: its record, the filing badge, the steps the person may take now (from the shared
// transition table), the 备案表 PDF, its QR code, and the timeline of every step.

type Load = { status: 'loading' } | Failed | { status: 'ready'; d: AccountDetail };
type Sheet = {
  action: AccountAction;
  values: StepValues;
  errors: FieldErrors;
  formError: string | null;
  busy: boolean;
};

const today = () => formatChinaDate(Date.now());
const UNIT_STEPS: AccountAction[] = [
  'open',
  'edit',
  'submitFiling',
  'submitRefiling',
  'requestClose',
  'recordNotice',
  'informSuperior',
  'deregister',
];

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="acc-row">
      <Text className="acc-row__label">{label}</Text>
      <Text className="acc-row__value">{value || '—'}</Text>
    </View>
  );
}

export default function AccountDetailPage() {
  const id = useRouter().params.id ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [siblings, setSiblings] = useState<Array<{ id: string; label: string }>>([]);
  const [busyDoc, setBusyDoc] = useState(false);

  const refresh = useCallback(async () => {
    if (!id) return setLoad({ status: 'error', message: '缺少账号编号', code: 'InvalidParameter' });
    const res = await getAccount(id);
    setLoad(res.ok ? { status: 'ready', d: res.data } : failed(res));
  }, [id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()));

  if (load.status !== 'ready') {
    return (
      <View className="acc-page">
        <PageHeader title="政务账号" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={load.message} code={load.code} onRetry={() => void refresh()} />
        )}
      </View>
    );
  }
  const d = load.d;

  const open = async (action: AccountAction) => {
    if (action === 'resubmit') return void Taro.navigateTo({ url: `/accounts/apply/index?id=${d._id}` });
    const ui = STEP_UI[action];
    if (!ui) return;
    if (action === 'requestClose') {
      const r = await listAccounts({ unitId: d.owningUnitId, view: 'all' });
      if (r.ok)
        setSiblings(
          r.data.items
            .filter((a) => a._id !== d._id && a.status === 'active')
            .map((a) => ({ id: a._id, label: `${a.name}（${PLATFORM_LABELS[a.platform]}）` })),
        );
    }
    setSheet((s) =>
      s && s.action === action
        ? s
        : { action, values: ui.defaults(d, today()), errors: {}, formError: null, busy: false },
    );
  };

  const confirm = async () => {
    if (!sheet) return;
    const ui = STEP_UI[sheet.action]!;
    const unchecked = ui.fields(d, { siblings }).find((f) => f.kind === 'check' && sheet.values[f.key] !== true);
    if (unchecked) return setSheet({ ...sheet, errors: { [unchecked.key]: '请先勾选确认' } });
    setSheet({ ...sheet, busy: true, formError: null, errors: {} });
    let data = ui.payload(sheet.values);
    const purpose = stepUpPurpose(sheet.action);
    if (purpose) {
      const ticket = await requestStepUp(purpose);
      if (!ticket) return setSheet((s) => s && { ...s, busy: false });
      data = { ...data, stepUpId: ticket };
    }
    const res = await takeStep(sheet.action, d._id, data);
    if (res.ok) {
      setSheet(null);
      void Taro.showToast({ title: '已办理', icon: 'success' });
      await refresh();
      return;
    }
    // Keep every value typed; show the server's reason beside its field or above the buttons.
    const fe = { ...(res.fieldErrors ?? {}) };
    if (fe['responsible.leaderId']) fe.leaderId = fe['responsible.leaderId'];
    if (fe['responsible.reviewerId']) fe.reviewerId = fe['responsible.reviewerId'];
    if (fe['responsible.publisherId']) fe.publisherId = fe['responsible.publisherId'];
    setSheet(
      (s) =>
        s && {
          ...s,
          busy: false,
          errors: fe,
          formError: refusedForStepUp(res) ? `${res.message}，请重试` : res.message,
        },
    );
    if (res.code === 'InvalidTransition' || res.code === 'Conflict') void refresh();
  };

  const downloadPdf = async () => {
    setBusyDoc(true);
    const res = await filingForm(d._id);
    setBusyDoc(false);
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    await saveDocument(res.data).catch(() => Taro.showToast({ title: '文件保存失败，请重试', icon: 'none' }));
  };

  const uploadQr = async () => {
    try {
      const pick = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
      const path = pick.tempFilePaths[0];
      const type = (pick.tempFiles[0] as { type?: string } | undefined)?.type ?? '';
      const mime = /png/i.test(type) || /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
      const res = await setImage(d._id, 'qr', mime, await readImage(path));
      if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
      await refresh();
    } catch {
      // cancelled
    }
  };

  const tone = statusTone(d.status, d.refiling);
  const canUpload = d.allowed.some((a) => UNIT_STEPS.includes(a));
  const qr = imageSrc(d.images.qr);
  const ui = sheet ? STEP_UI[sheet.action] : undefined;

  return (
    <View className="acc-page">
      <PageHeader title="政务账号" />
      <View className="acc-body">
        <View className="zw-card">
          <View className="acc-card__top">
            <Text className="acc-card__name acc-detail__name">{d.name}</Text>
            <Text className={`zw-tag${tone ? ` zw-tag--${tone}` : ''}`}>{statusLabel(d.status, d.refiling)}</Text>
          </View>
          <View className="acc-card__meta">
            <Text className="zw-tag">{PLATFORM_LABELS[d.platform]}</Text>
            <Text className="zw-tag">{ACCOUNT_TYPE_LABELS[d.type]}</Text>
          </View>
          {d.flag ? (
            <Text className={`acc-badge${d.flag.daysOverdue > 0 ? ' acc-badge--overdue' : ''}`}>{d.flag.text}</Text>
          ) : null}
          {d.filing.returnedReason && d.status === 'opened' ? (
            <Text className="acc-detail__warn">备案被退回：{d.filing.returnedReason}</Text>
          ) : null}
          {d.refilingInfo ? (
            <View className="acc-detail__refiling">
              <Text className="acc-detail__warn">待重新备案的变更：{d.refilingInfo.changes.join('；')}</Text>
              {d.refilingInfo.returnedReason ? (
                <Text className="acc-detail__warn">退回理由：{d.refilingInfo.returnedReason}</Text>
              ) : null}
            </View>
          ) : null}
          <Row label="主管部门" value={d.owningUnitName} />
          <Row label="管理部门" value={d.managingUnitName} />
          {d.holder ? <Row label="账号本人" value={`${d.holder.name}（${d.holder.title}）`} /> : null}
          <Row label="功能定位" value={d.purpose} />
          <Row label="平台账号" value={d.platformAccountId} />
          <Row label="主页链接" value={d.link} />
          <Row label="开通时间" value={d.openedAt !== null ? formatChinaDate(d.openedAt) : ''} />
          <Row label="备案受理" value={d.filing.acceptedAt ? formatChinaTime(d.filing.acceptedAt) : ''} />
        </View>

        {d.allowed.length ? (
          <View className="zw-card">
            <Text className="zw-section-title">可以办理</Text>
            <View className="acc-actions">
              {d.allowed.map((a) => (
                <Button
                  key={a}
                  size="small"
                  type={STEP_UI[a]?.danger ? 'danger' : 'primary'}
                  fill={a.endsWith('Return') || a === 'withdraw' || a === 'closeRefuse' ? 'outline' : 'solid'}
                  onClick={() => void open(a)}
                >
                  {a === 'resubmit' ? '修改后重新提交' : (STEP_UI[a]?.button ?? a)}
                </Button>
              ))}
            </View>
          </View>
        ) : null}

        <View className="zw-card">
          <Text className="zw-section-title">责任人（附件1）</Text>
          {(['leader', 'reviewer', 'publisher'] as const).map((k) => (
            <Row
              key={k}
              label={{ leader: '分管领导', reviewer: '审核人员', publisher: '发布人员' }[k]}
              value={`${d.responsible[k].name}（${d.responsible[k].title}）${d.responsible[k].phone}`}
            />
          ))}
          <Row label="QQ号" value={d.qq} />
          {d.openedAt !== null ? (
            <Button size="small" fill="outline" loading={busyDoc} disabled={busyDoc} onClick={() => void downloadPdf()}>
              下载备案表 PDF
            </Button>
          ) : null}
        </View>

        {d.closure ? (
          <View className="zw-card">
            <Text className="zw-section-title">注销</Text>
            <Row label="注销理由" value={d.closure.reason} />
            {d.closure.successorName ? <Row label="引导关注" value={d.closure.successorName} /> : null}
            <Row
              label="停更公告"
              value={d.closure.noticePublishedOn ? `${d.closure.noticePublishedOn} ${d.closure.noticeText ?? ''}` : ''}
            />
            <Row
              label="抄告上级"
              value={d.closure.superiorUnit ? `${d.closure.superiorUnit}（${d.closure.informedOn}）` : ''}
            />
            <Row label="平台注销" value={d.closure.deregisteredOn ?? ''} />
          </View>
        ) : null}

        {d.exceptions.length ? (
          <View className="zw-card">
            <Text className="zw-section-title">信息中心登记的例外</Text>
            {d.exceptions.map((e, i) => (
              <Row key={i} label={EXCEPTION_KIND_LABELS[e.kind]} value={`${e.reason}（${e.grantedByName}）`} />
            ))}
          </View>
        ) : null}

        <View className="zw-card">
          <Text className="zw-section-title">二维码</Text>
          {qr ? (
            <Image className="acc-detail__qr" src={qr} mode="aspectFit" />
          ) : (
            <Text className="zw-muted">尚未上传二维码</Text>
          )}
          {canUpload ? (
            <Button size="small" fill="outline" onClick={() => void uploadQr()}>
              {qr ? '更换二维码' : '上传二维码'}
            </Button>
          ) : null}
        </View>

        <View className="zw-card">
          <Text className="zw-section-title">办理记录</Text>
          <Timeline entries={d.timeline} />
        </View>
      </View>

      {sheet && ui ? (
        <StepSheet
          visible
          title={ui.title}
          description={ui.description}
          fields={ui.fields(d, { siblings })}
          values={sheet.values}
          errors={sheet.errors}
          formError={sheet.formError}
          busy={sheet.busy}
          confirmText={ui.confirmText}
          danger={ui.danger}
          onChange={(k, v) =>
            setSheet((s) => s && { ...s, values: { ...s.values, [k]: v }, errors: { ...s.errors, [k]: '' } })
          }
          onConfirm={() => void confirm()}
          onCancel={() => setSheet((s) => (s && !s.busy ? null : s))}
        />
      ) : null}
      <StepUpPrompt />
    </View>
  );
}
