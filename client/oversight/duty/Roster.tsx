import { useCallback, useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { shiftLabel } from '@shared/oversight/roster';
import { getRoster, writeHandover, type RosterView } from '../../services/oversight';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { FieldError } from '../../components/FieldError';
import { when } from '../common/format';
import { RosterEditor } from './RosterEditor';
import type { Fail } from '@shared/core/envelope';

// One unit's 值班表 (第十八条(三)): who is on duty now, the weekly roster, and the handover notes
// between shifts. The person on duty hears first of urgent messages, emergency posts and new
// incidents. Only the unit's own staff write handover notes; county offices read them.

export function RosterPanel({ unitId, onName }: { unitId: string; onName: (unitName: string) => void }) {
  const [r, setR] = useState<RosterView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    const res = await getRoster(unitId);
    if (!res.ok) return setError(res);
    setR(res.data);
    onName(res.data.unitName);
  }, [unitId, onName]);
  useEffect(() => {
    void load();
  }, [load]);

  const handover = async () => {
    setBusy(true);
    setNoteError(null);
    const res = await writeHandover(unitId, note);
    setBusy(false);
    if (!res.ok) return setNoteError(res.fieldErrors?.note ?? res.message);
    setNote('');
    setR(res.data);
  };

  if (!r)
    return error ? (
      <ErrorView message={error.message} code={error.code} onRetry={() => void load()} />
    ) : (
      <LoadingView />
    );
  return (
    <View className="ov-body">
      <View className={`ov-card${r.onDuty.length ? '' : ' ov-card--warn'}`}>
        <Text className="ov-card__title">
          现在值班：{r.onDuty.length ? r.onDuty.map((d) => `${d.name}（${d.shift}）`).join('、') : '无人值班'}
        </Text>
        {!r.onDuty.length ? <Text className="ov-card__sub">无人值班时，紧急事项通知本单位分管领导。</Text> : null}
      </View>
      {editing ? (
        <RosterEditor
          roster={r}
          onSaved={(next) => {
            setR(next);
            setEditing(false);
          }}
        />
      ) : (
        <View>
          <Text className="ov-section">每周值班安排</Text>
          {!r.shifts.length ? (
            <EmptyView
              title="还没有值班表"
              description={r.canEdit ? '点“编排值班表”开始' : '请本单位分管领导或单位管理员编排'}
            />
          ) : null}
          {r.shifts.map((s, i) => (
            <View key={i} className="ov-card">
              <Text className="ov-card__title">{shiftLabel(s)}</Text>
              <Text className="ov-card__sub">{s.staffName}</Text>
            </View>
          ))}
          {r.updatedByName ? (
            <Text className="ov-muted">
              {r.updatedByName} 更新于 {when(r.updatedAt)}
            </Text>
          ) : null}
          {r.canEdit ? (
            <View className="ov-actions">
              <Button type="primary" fill="outline" onClick={() => setEditing(true)}>
                编排值班表
              </Button>
            </View>
          ) : null}
        </View>
      )}
      <Text className="ov-section">交接班记录</Text>
      {r.canHandover ? (
        <View>
          <Textarea
            className="ov-textarea"
            value={note}
            maxlength={1000}
            placeholder="本班情况、待办事项、需关注的评论走势"
            onInput={(e) => setNote(e.detail.value)}
          />
          <FieldError message={noteError} />
          <View className="ov-actions">
            <Button type="primary" loading={busy} disabled={busy} onClick={() => void handover()}>
              提交交接记录
            </Button>
          </View>
        </View>
      ) : null}
      {!r.handovers.length ? <Text className="ov-muted">还没有交接班记录</Text> : null}
      {r.handovers.map((h) => (
        <View key={h._id} className="ov-card">
          <Text className="ov-card__sub">
            {h.byName} · {when(h.at)}
          </Text>
          <Text className="ov-card__sub">{h.note}</Text>
        </View>
      ))}
    </View>
  );
}
