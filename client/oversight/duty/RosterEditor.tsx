import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from '@shared/oversight/roster';
import { FieldError } from '../../components/FieldError';
import { saveRoster, unitStaff, type RosterView, type StaffOption } from '../../services/oversight';
import { Chips } from '../common/Chips';

// Editing the weekly roster: one row per shift (weekday, from, to, who). A shift ending at or
// before it starts runs past midnight. Rows stay as typed when the server refuses one.

interface Row {
  weekday: Weekday;
  start: string;
  end: string;
  staffId: string;
}

const weekdays = WEEKDAYS.map((d) => [d, WEEKDAY_LABELS[d]] as const);

export function RosterEditor({ roster, onSaved }: { roster: RosterView; onSaved: (next: RosterView) => void }) {
  const [rows, setRows] = useState<Row[]>(
    roster.shifts.map(({ weekday, start, end, staffId }) => ({ weekday, start, end, staffId })),
  );
  const [people, setPeople] = useState<StaffOption[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void unitStaff(roster.unitId).then((r) => r.ok && setPeople(r.data.items));
  }, [roster.unitId]);

  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const add = () =>
    setRows((rs) => [...rs, { weekday: 1, start: '08:30', end: '18:00', staffId: people[0]?.staffId ?? '' }]);
  const weekdaysOf = (i: number) =>
    setRows((rs) => [...rs, ...([2, 3, 4, 5] as Weekday[]).map((weekday) => ({ ...rs[i], weekday }))]);

  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const res = await saveRoster({ unitId: roster.unitId, shifts: rows });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    setMessage('值班表已保存');
    onSaved(res.data);
  };

  return (
    <View className="ov-card">
      <Text className="ov-section">编排值班表</Text>
      {rows.map((r, i) => (
        <View key={i} className="ov-card">
          <Chips options={weekdays} value={r.weekday} onPick={(weekday) => patch(i, { weekday })} />
          <FieldError message={errors[`shifts.${i}.weekday`]} />
          <View className="ov-row">
            <Input
              className="ov-input"
              value={r.start}
              placeholder="开始 08:30"
              onInput={(e) => patch(i, { start: e.detail.value })}
            />
            <Text>至</Text>
            <Input
              className="ov-input"
              value={r.end}
              placeholder="结束 18:00"
              onInput={(e) => patch(i, { end: e.detail.value })}
            />
          </View>
          <FieldError message={errors[`shifts.${i}.start`] ?? errors[`shifts.${i}.end`]} />
          <Chips
            options={people.map((p) => [p.staffId, p.name] as const)}
            value={r.staffId || null}
            onPick={(staffId) => patch(i, { staffId })}
          />
          <FieldError message={errors[`shifts.${i}.staffId`]} />
          <View className="ov-actions">
            {r.weekday === 1 ? (
              <Text className="ov-link" onClick={() => weekdaysOf(i)}>
                复制到周二至周五
              </Text>
            ) : null}
            <Text className="ov-link" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              删除此班次
            </Text>
          </View>
        </View>
      ))}
      {message ? (
        <Text className={`ov-banner ${message === '值班表已保存' ? 'ov-banner--info' : 'ov-banner--red'}`}>
          {message}
        </Text>
      ) : null}
      <View className="ov-actions">
        <Button fill="outline" onClick={add}>
          添加班次
        </Button>
        <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存值班表
        </Button>
      </View>
    </View>
  );
}
