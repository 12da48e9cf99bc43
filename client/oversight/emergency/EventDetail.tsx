import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EVENT_LEVEL_LABELS, type EmergencyMilestone } from '@shared/oversight/emergency';
import type { Envelope } from '@shared/core/envelope';
import { endEvent, recordMilestone, type EmergencyEventView } from '../../services/oversight';
import { when } from '../common/format';

// One event: the three clocks with their source, which units have spoken, and for the county
// government office the milestones to record and the end of the emergency.
export function EventDetail({ e, onChange }: { e: EmergencyEventView; onChange: (next: EmergencyEventView) => void }) {
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (key: string, op: () => Promise<Envelope<EmergencyEventView>>) => {
    setBusy(key);
    setMessage(null);
    const res = await op();
    setBusy(null);
    if (!res.ok) return setMessage(res.message);
    setNote('');
    onChange(res.data);
  };
  const milestone = (m: EmergencyMilestone) => act(m, () => recordMilestone(e._id, m, note || '已完成'));

  return (
    <View>
      <View className="ov-card ov-card--red">
        <View className="ov-row">
          <Text className="ov-card__title">{e.title}</Text>
          <Text className={`ov-tag ${e.status === 'active' ? 'ov-tag--red' : 'ov-tag--grey'}`}>
            {EVENT_LEVEL_LABELS[e.level]} · {e.status === 'active' ? '应急中' : '已结束'}
          </Text>
        </View>
        <Text className="ov-card__sub">{e.description}</Text>
        <Text className="ov-card__sub">
          发生于 {when(e.occurredAt)} · {e.declaredByName} 于 {when(e.declaredAt)} 宣布
        </Text>
      </View>
      <View className="ov-cards">
        {e.clocks.map((c) => (
          <View key={c.ruleKey} className={`ov-card${c.overdue ? ' ov-card--red' : ''}`}>
            <Text className="ov-card__title">
              {c.hours} 小时 · {c.label}
            </Text>
            <Text className="ov-card__sub">{c.text}</Text>
            <Text className="ov-card__sub">
              依据：{c.source.doc}，{c.source.clause}
            </Text>
          </View>
        ))}
      </View>
      <Text className="ov-section">
        各单位发声情况（{e.units.filter((u) => u.firstPostAt !== null).length}/{e.units.length}）
      </Text>
      {e.units.map((u) => (
        <View key={u.unitId} className={`ov-card${u.onTime === false ? ' ov-card--red' : ''}`}>
          <View className="ov-row">
            <Text className="ov-card__title">{u.unitName}</Text>
            <Text
              className={`ov-tag ${u.firstPostAt ? (u.onTime ? 'ov-tag--ok' : 'ov-tag--warn') : u.onTime === false ? 'ov-tag--red' : 'ov-tag--grey'}`}
            >
              {u.firstPostAt
                ? `${when(u.firstPostAt).slice(11)} 已发声${u.onTime ? '' : '（超时）'}`
                : u.onTime === false
                  ? '超时未发声'
                  : '尚未发声'}
            </Text>
          </View>
        </View>
      ))}
      {e.milestones.length ? <Text className="ov-section">处置节点</Text> : null}
      {e.milestones.map((m, i) => (
        <Text key={i} className="ov-card__sub">
          {when(m.at)} {m.label}：{m.note}（{m.byName}）
        </Text>
      ))}
      {e.canManage && e.status === 'active' ? (
        <View className="ov-card">
          <Text className="ov-section">登记处置节点</Text>
          <Textarea
            className="ov-textarea"
            value={note}
            maxlength={500}
            placeholder="说明（如发布会地点、回应渠道）"
            onInput={(ev) => setNote(ev.detail.value)}
          />
          <View className="ov-actions">
            {e.clocks[1].metAt === null && !e.clocks[1].notRequired ? (
              <Button
                size="small"
                type="primary"
                fill="outline"
                loading={busy === 'pressConference'}
                disabled={busy !== null}
                onClick={() => void milestone('pressConference')}
              >
                已举行新闻发布会
              </Button>
            ) : null}
            {e.clocks[2].metAt === null ? (
              <Button
                size="small"
                type="primary"
                fill="outline"
                loading={busy === 'response'}
                disabled={busy !== null}
                onClick={() => void milestone('response')}
              >
                已回应社会关切
              </Button>
            ) : null}
            <Button
              size="small"
              type="danger"
              loading={busy === 'end'}
              disabled={busy !== null}
              onClick={() => void act('end', () => endEvent(e._id, note || '应急处置结束'))}
            >
              结束应急状态
            </Button>
          </View>
        </View>
      ) : null}
      {message ? <Text className="ov-banner ov-banner--red">{message}</Text> : null}
    </View>
  );
}
