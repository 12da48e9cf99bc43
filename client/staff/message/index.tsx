import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { stepUpFor, TRANSITIONS, type MessageAction } from '@shared/messages/transitions';
import { act, getForStaff, type StaffMessageView } from '../../services/messages';
import { queryParam } from '../../lib/params';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { ReasonDialog } from '../../components/ReasonDialog';
import { StepUpPrompt } from '../../components/StepUpPrompt';
import { needsStepUp, requestStepUp } from '../../services/stepup';
import { Timeline } from '../../pages/messages/detail/Timeline';
import { MessageHead, ProgressCards } from './Sections';
import { ActionSheet, type SheetKind, type Values } from './Sheets';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// 留言办理: the whole message, its timeline, and only the actions the server's transition table
// allows this person now (the `allowed` list). Each refusal is shown with the server's words.

type State = { status: 'loading' } | Failed | { status: 'ready'; m: StaffMessageView };

/** One tap, no form. */
const DIRECT: MessageAction[] = ['accept', 'acceptTransfer'];
/** A short written reason in the shared dialog. */
const REASON: Partial<Record<MessageAction, { title: string; required: boolean; field: string; placeholder: string }>> =
  {
    returnTransfer: { title: '退回转办', required: true, field: 'reason', placeholder: '说明为什么不属于本单位' },
    returnReply: { title: '退回修改', required: true, field: 'reason', placeholder: '说明需要怎样修改' },
    acknowledgeUrge: { title: '签收催办', required: false, field: 'note', placeholder: '选填：办理安排' },
  };
const PRIMARY: MessageAction[] = [
  'accept',
  'acceptTransfer',
  'approveReply',
  'draftReply',
  'acknowledgeUrge',
  'decideExtension',
  'urge',
  'route',
];

export default function MessagePage() {
  const id = queryParam(useRouter().params.id);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [now, setNow] = useState(() => Date.now());
  const [sheet, setSheet] = useState<SheetKind | null>(null);
  const [reason, setReason] = useState<MessageAction | null>(null);
  const [values, setValues] = useState<Record<string, Values>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const load = useCallback(async () => {
    if (!id) return setState({ status: 'error', message: '缺少留言编号', code: 'InvalidParameter' });
    const res = await getForStaff(id);
    setNow(Date.now());
    setState(res.ok ? { status: 'ready', m: res.data } : failed(res));
  }, [id]);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const run = async (action: MessageAction, data: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    // Approving a reply or an extension takes a fresh PIN (the server says which, shared table).
    const purpose = stepUpFor(action, data);
    if (purpose) {
      const ticket = await requestStepUp(purpose);
      if (!ticket) return setBusy(false);
      data = { ...data, stepUpId: ticket };
    }
    const res = await act(action, { id, ...data });
    setBusy(false);
    if (!res.ok) {
      const fields = res.fieldErrors ?? {};
      // A field's own error shows under it; the line at the bottom then only points there.
      const onFields = Object.keys(fields).length > 0;
      setError(needsStepUp(res) ? `${res.message}，请重试` : onFields ? '请按提示修改后再提交' : res.message);
      setFieldErrors(fields);
      if (!sheet && !reason) void Taro.showModal({ title: '未能完成', content: res.message, showCancel: false });
      return;
    }
    setSheet(null);
    setReason(null);
    setValues((v) => ({ ...v, [action]: {} }));
    void Taro.showToast({ title: `已${TRANSITIONS[action].label}`, icon: 'success' });
    await load();
  };

  const open = (action: MessageAction) => {
    setError(null);
    setFieldErrors({});
    if (DIRECT.includes(action)) return void run(action, {});
    if (REASON[action]) return setReason(action);
    if ((action === 'draftReply' || action === 'draftRedirect') && state.status === 'ready' && !values[action]?.text) {
      // Revising a returned draft starts from its text.
      const d = state.m.replyDraft;
      if (d && (d.kind === 'answer') === (action === 'draftReply'))
        setValues((v) => ({ ...v, [action]: { text: d.text, ...(d.channel ? { channel: d.channel } : {}) } }));
    }
    setSheet(action as SheetKind);
  };

  if (state.status !== 'ready') {
    return (
      <View className="msg">
        <PageHeader title="留言办理" />
        {state.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={state.message} code={state.code} onRetry={() => void load()} />
        )}
      </View>
    );
  }

  const m = state.m;
  const reasonCfg = reason ? REASON[reason] : null;
  return (
    <View className="msg">
      <PageHeader title="留言办理" />
      <View className="msg-body">
        <MessageHead m={m} now={now} />
        <ProgressCards m={m} />

        {m.allowed.length ? (
          <View className="msg-actions">
            {m.allowed.map((a) => (
              <Button
                key={a}
                className="msg-actions__btn"
                type={PRIMARY.includes(a) ? 'primary' : 'default'}
                fill={PRIMARY.includes(a) ? 'solid' : 'outline'}
                disabled={busy}
                onClick={() => open(a)}
              >
                {TRANSITIONS[a].label}
              </Button>
            ))}
          </View>
        ) : (
          <Text className="msg-none">{m.state === 'closed' ? '本件已办结。' : '当前没有需要您办理的操作。'}</Text>
        )}

        <Text className="zw-section-title">办理记录</Text>
        <View className="zw-card">
          <Timeline items={m.timeline} />
        </View>
      </View>

      {sheet ? (
        <ActionSheet
          kind={sheet}
          m={m}
          values={values[sheet] ?? {}}
          setValue={(k, x) => setValues((v) => ({ ...v, [sheet]: { ...(v[sheet] ?? {}), [k]: x } }))}
          busy={busy}
          error={error}
          fieldErrors={fieldErrors}
          onSubmit={(data) => void run(sheet, data)}
          onClose={() => setSheet(null)}
        />
      ) : null}
      <ReasonDialog
        visible={reasonCfg !== null}
        title={reasonCfg?.title ?? ''}
        placeholder={reasonCfg?.placeholder}
        required={reasonCfg?.required}
        confirmText="确定"
        busy={busy}
        error={error}
        onCancel={() => setReason(null)}
        onConfirm={(text) => reason && void run(reason, text ? { [reasonCfg!.field]: text } : {})}
      />
      <StepUpPrompt />
    </View>
  );
}
