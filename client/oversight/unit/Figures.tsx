import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CaseKind, UnitDetailView } from '../../services/oversight';
import { CASE_KIND_LABELS } from '@shared/oversight/schemas';
import { Bars } from '../common/Bars';
import { LEVEL_TEXT, day, hours, pct, when } from '../common/format';
import { Cases } from './Cases';

// A unit's computed numbers for the month, its accounts, open alerts and trend; every number
// drills down to its cases. Shown only when the server says they have been computed (index.tsx).

export function Figures(props: { data: UnitDetailView; unitId: string; initialKind: CaseKind | null }) {
  const { data, unitId } = props;
  const u = data.unit;
  const [kind, setKind] = useState<CaseKind | null>(props.initialKind);
  const drill = (k: CaseKind) => () => setKind((cur) => (cur === k ? null : k));
  const Stat = (p: { k?: CaseKind; value: string | number; label: string; red?: boolean }) => (
    <View className={`ov-stat${p.k ? ' ov-stat--tap' : ''}`} onClick={p.k ? drill(p.k) : undefined}>
      <Text className={`ov-stat__value${p.red ? ' ov-stat__value--red' : ''}`}>{p.value}</Text>
      <Text className="ov-stat__label">
        {p.label}
        {p.k ? ' ›' : ''}
      </Text>
    </View>
  );

  return (
    <View>
      <View className="ov-stats">
        <Stat k="overdueMessages" value={`${u.overdueNow} 件`} label="超期未办" red={u.overdueNow > 0} />
        <Stat
          k="longUnanswered"
          value={`${u.longUnanswered} 件`}
          label="超过 3 个月未回复"
          red={u.longUnanswered > 0}
        />
        <Stat k="redAlerts" value={`${u.alerts.red} 条`} label="红色标记" red={u.alerts.red > 0} />
        <Stat k="alerts" value={`${u.alerts.red + u.alerts.warn + u.alerts.remind} 条`} label="未关闭的预警" />
        <Stat value={u.received} label="本月收到留言" />
        <Stat value={pct(u.acceptOnTimeRate)} label="按时受理率" />
        <Stat value={pct(u.answerOnTimeRate)} label="按时答复率" />
        <Stat value={hours(u.avgAnswerHours)} label="平均答复用时" />
        <Stat value={pct(u.satisfactionRate)} label="满意率" />
        <Stat value={u.filingsOverdue} label="备案逾期" red={u.filingsOverdue > 0} />
      </View>

      {kind ? (
        <View>
          <View className="ov-row">
            <Text className="ov-section">{CASE_KIND_LABELS[kind]}</Text>
            <Text className="ov-link" onClick={() => setKind(null)}>
              收起
            </Text>
          </View>
          <Cases unitId={unitId} kind={kind} />
        </View>
      ) : null}

      <Text className="ov-section">账号（{data.accounts.length}）</Text>
      {data.accounts.length === 0 ? <Text className="ov-muted">本单位尚无纳入督查的账号</Text> : null}
      {data.accounts.map((a) => (
        <View
          key={a.accountId}
          className={`ov-card${a.level === 'red' ? ' ov-card--red' : a.level === 'warn' ? ' ov-card--warn' : ''}`}
        >
          <View className="ov-row">
            <Text className="ov-card__title">
              {a.name}（{a.platformLabel}）
            </Text>
            {a.level ? <Text className={`ov-tag ov-tag--${a.level}`}>{LEVEL_TEXT[a.level]}</Text> : null}
          </View>
          <Text className="ov-card__sub">
            近14天 {a.posts14} 条 · 近30天 {a.posts30} 条 · 最近更新 {day(a.lastPostAt)}
            {a.daysSilent !== null ? ` · 已 ${a.daysSilent} 天未更新` : ''}
          </Text>
          <Text className="ov-card__sub">
            发布人员 {a.publisherName || '—'} · 分管领导 {a.leaderName || '—'}
            {a.filingOverdue ? ' · 备案逾期' : ''}
          </Text>
        </View>
      ))}

      <Text className="ov-section">预警（{data.alerts.length}）</Text>
      {data.alerts.length === 0 ? <Text className="ov-muted">没有未关闭的预警</Text> : null}
      {data.alerts.map((a) => (
        <View
          key={a._id}
          className={`ov-card${a.level === 'red' ? ' ov-card--red' : a.level === 'warn' ? ' ov-card--warn' : ''}`}
        >
          <View className="ov-row">
            <Text className="ov-card__title">{a.ruleLabel}</Text>
            <Text className={`ov-tag ov-tag--${a.level}`}>{LEVEL_TEXT[a.level]}</Text>
          </View>
          <Text className="ov-card__sub">{a.text}</Text>
          <Text className="ov-card__sub">
            依据：{a.source.doc}，{a.source.clause}（时限 {a.threshold}）
          </Text>
          <Text className="ov-card__sub">已通知：{a.recipients.join('、') || '—'}</Text>
          {a.escalation ? (
            <Text className="ov-card__sub">
              升级：{when(a.escalation.at)} 起通知{a.escalation.to}
            </Text>
          ) : null}
        </View>
      ))}

      <Text className="ov-section">近 6 个月</Text>
      <View className="ov-cards">
        <Bars title="发布信息（条）" bars={data.trends.map((p) => ({ label: p.month.slice(5), value: p.posts }))} />
        <Bars
          title="收到留言（件）"
          bars={data.trends.map((p) => ({ label: p.month.slice(5), value: p.received, tone: 'grey' }))}
        />
        <Bars
          title="按时答复率"
          max={100}
          unit="%"
          bars={data.trends.map((p) => ({
            label: p.month.slice(5),
            value: p.answerOnTimeRate,
            tone: p.answerOnTimeRate !== null && p.answerOnTimeRate < 80 ? 'red' : 'green',
          }))}
        />
      </View>
    </View>
  );
}
