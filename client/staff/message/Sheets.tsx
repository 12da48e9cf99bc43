import { useCallback, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Popup, Switch, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import type { StaffMessageView } from '@shared/messages/schemas';
import { FieldError } from '../../components/FieldError';
import { SearchList } from '../../components/SearchList';
import { UnitList } from '../../components/UnitPicker';
import { unitHandlers, type HandlerOption } from '../../services/messages';

// The forms behind the message page's action buttons, each in a bottom sheet. What the person
// types lives in the page (`values`), so a refusal or a closed sheet never loses it.

export type SheetKind =
  | 'transfer'
  | 'route'
  | 'assign'
  | 'draftReply'
  | 'draftRedirect'
  | 'approveReply'
  | 'requestExtension'
  | 'decideExtension'
  | 'urge';

export type Values = Record<string, string | number | boolean>;

export interface SheetProps {
  kind: SheetKind;
  m: StaffMessageView;
  values: Values;
  setValue: (key: string, value: string | number | boolean) => void;
  busy: boolean;
  error: string | null;
  fieldErrors: FieldErrors;
  onSubmit: (data: Record<string, unknown>) => void;
  onClose: () => void;
}

const TITLES: Record<SheetKind, string> = {
  transfer: '转办到其他单位',
  route: '分办给承办单位',
  assign: '指定承办人',
  draftReply: '起草答复',
  draftRedirect: '告知反映渠道',
  approveReply: '审核答复',
  requestExtension: '申请延期',
  decideExtension: '审批延期申请',
  urge: '催办',
};

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className="sheet-field">
      <Text className="sheet-field__label">{label}</Text>
      {children}
      <FieldError message={error} />
    </View>
  );
}

/** 承办人: the unit's publishers, reviewers and leaders, searched by name, more at the bottom. */
function HandlerList(props: { unitId: string; value: string; onPick: (id: string) => void }) {
  const { unitId } = props;
  const load = useCallback((q: string, cursor: string | null) => unitHandlers({ unitId, q, cursor }), [unitId]);
  return (
    <SearchList<HandlerOption>
      load={load}
      keyOf={(h) => h._id}
      placeholder="搜索姓名"
      notFound="没有找到这个人，换个字试试"
      empty="本单位还没有可以承办的人员（发布人员、审核人员或分管领导）"
      scrollClassName="sheet-units"
      render={(h) => (
        <View
          className={`sheet-units__item${h._id === props.value ? ' sheet-units__item--active' : ''}`}
          onClick={() => props.onPick(h._id)}
        >
          <Text>{h.name}</Text>
          <Text className="sheet-units__kind">{h.roles.join('、')}</Text>
        </View>
      )}
    />
  );
}

function Chips(props: { options: number[]; value: number; suffix: string; onPick: (n: number) => void }) {
  return (
    <View className="sheet-chips">
      {props.options.map((n) => (
        <View
          key={n}
          className={`sheet-chips__item${props.value === n ? ' sheet-chips__item--active' : ''}`}
          onClick={() => props.onPick(n)}
        >
          <Text>
            {n} {props.suffix}
          </Text>
        </View>
      ))}
    </View>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);

function Body(p: SheetProps) {
  const { values: v, setValue: set, fieldErrors: fe, m } = p;
  const text = (key: string, label: string, placeholder: string, rows = 4) => (
    <Field label={label} error={fe[key]}>
      <TextArea
        className="sheet-textarea"
        value={str(v[key])}
        placeholder={placeholder}
        maxLength={2000}
        rows={rows}
        autoSize={false}
        onChange={(x: string) => set(key, x)}
      />
    </Field>
  );
  switch (p.kind) {
    case 'transfer':
    case 'route':
      return (
        <>
          <Field label="承办单位" error={fe.toUnitId}>
            <UnitList
              exclude={m.unitId}
              selectedId={str(v.toUnitId)}
              showKind
              scrollClassName="sheet-units"
              onPick={(u) => set('toUnitId', u._id)}
            />
          </Field>
          {p.kind === 'transfer'
            ? text('reason', '转办理由', '说明为什么由该单位办理', 2)
            : text('note', '分办说明（选填）', '给承办单位的说明', 2)}
        </>
      );
    case 'assign':
      return (
        <Field label="承办人" error={fe.handlerId}>
          <HandlerList unitId={m.unitId} value={str(v.handlerId)} onPick={(id) => set('handlerId', id)} />
        </Field>
      );
    case 'draftReply':
      return text('text', '答复内容', '直接回答群众的问题：办理结果、依据、时间和联系方式', 8);
    case 'draftRedirect':
      return (
        <>
          <Field label="正确的反映渠道" error={fe.channel}>
            <Input
              className="sheet-input"
              value={str(v.channel)}
              placeholder="例如：县人社局（政务服务中心二楼 12 号窗口）"
              maxLength={100}
              onChange={(x: string) => set('channel', x)}
            />
          </Field>
          {text('text', '告知内容', '说明为什么不属于本单位、该去哪里办、需要带什么', 5)}
        </>
      );
    case 'approveReply':
      return (
        <>
          <View className="sheet-preview">
            {m.replyDraft?.channel ? (
              <Text className="sheet-preview__channel">反映渠道：{m.replyDraft.channel}</Text>
            ) : null}
            <Text className="sheet-preview__text">{m.replyDraft?.text}</Text>
            <Text className="zw-muted">起草：{m.replyDraft?.byName}</Text>
          </View>
          {m.allowPublish ? (
            <View className="sheet-switch">
              <Text>同时在“公开答复”栏目公开（隐去个人信息）</Text>
              <Switch checked={v.publish !== false} onChange={(x: boolean) => set('publish', x)} />
            </View>
          ) : (
            <Text className="zw-muted">群众未同意公开，答复只发给留言人。</Text>
          )}
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Field label="延期" error={fe.workingDays}>
            <Chips
              options={[1, 2, 3, 5, 10]}
              value={num(v.workingDays, 3)}
              suffix="个工作日"
              onPick={(n) => set('workingDays', n)}
            />
          </Field>
          {text('reason', '延期理由', '例如：需要会同其他部门现场调查', 3)}
        </>
      );
    case 'decideExtension':
      return (
        <>
          <Text className="sheet-preview__text">
            申请延期 {m.extension?.workingDays} 个工作日：{m.extension?.reason}
          </Text>
          {text('note', '审批意见（选填）', '', 2)}
        </>
      );
    case 'urge':
      return (
        <>
          <Field label="办理期限" error={fe.workingDays}>
            <Chips
              options={[1, 2, 3, 5]}
              value={num(v.workingDays, 1)}
              suffix="个工作日内"
              onPick={(n) => set('workingDays', n)}
            />
          </Field>
          {text('note', '催办要求', '例如：已超期，请于期限内答复群众并签收', 3)}
        </>
      );
  }
}

/** The data each form sends (the page adds the message id). */
export function payload(kind: SheetKind, v: Values): Record<string, unknown> {
  switch (kind) {
    case 'transfer':
      return { toUnitId: str(v.toUnitId), reason: str(v.reason) };
    case 'route':
      return { toUnitId: str(v.toUnitId), ...(str(v.note).trim() ? { note: str(v.note) } : {}) };
    case 'assign':
      return { handlerId: str(v.handlerId) };
    case 'draftReply':
      return { text: str(v.text) };
    case 'draftRedirect':
      return { channel: str(v.channel), text: str(v.text) };
    case 'approveReply':
      return { publish: v.publish !== false };
    case 'requestExtension':
      return { workingDays: num(v.workingDays, 3), reason: str(v.reason) };
    case 'decideExtension':
      return str(v.note).trim() ? { note: str(v.note) } : {};
    case 'urge':
      return { workingDays: num(v.workingDays, 1), note: str(v.note) };
  }
}

export function ActionSheet(p: SheetProps) {
  const submit = (extra: Record<string, unknown> = {}) => p.onSubmit({ ...payload(p.kind, p.values), ...extra });
  return (
    <Popup visible position="bottom" round closeable={!p.busy} title={TITLES[p.kind]} onClose={p.onClose}>
      <View className="sheet">
        <Body {...p} />
        {p.error ? <Text className="zw-field-error">{p.error}</Text> : null}
        <View className="sheet-actions">
          {p.kind === 'decideExtension' ? (
            <>
              <Button
                className="sheet-actions__btn"
                fill="outline"
                disabled={p.busy}
                onClick={() => submit({ approve: false })}
              >
                不批准
              </Button>
              <Button
                className="sheet-actions__btn"
                type="primary"
                loading={p.busy}
                disabled={p.busy}
                onClick={() => submit({ approve: true })}
              >
                批准延期
              </Button>
            </>
          ) : (
            <Button block type="primary" size="large" loading={p.busy} disabled={p.busy} onClick={() => submit()}>
              {p.kind === 'approveReply'
                ? '审核通过，答复群众'
                : p.kind === 'draftReply' || p.kind === 'draftRedirect'
                  ? '提交审核'
                  : '确定'}
            </Button>
          )}
        </View>
      </View>
    </Popup>
  );
}
