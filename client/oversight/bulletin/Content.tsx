import { Text, View } from '@tarojs/components';
import { PROBLEM_LABELS } from '@shared/oversight/bulletin';
import type { BulletinView } from '../../services/oversight';
import { pct, when } from '../common/format';

// The bulletin as it reads: overview table, problems by unit with their cases, requirements,
// and each named unit's acknowledgement and correction report.
export function Content({ b }: { b: BulletinView }) {
  const c = b.content;
  const o = c.overview;
  const rows: Array<[string, string]> = [
    ['纳入督查单位', `${o.units} 个`],
    ['政务新媒体账号', `${o.accounts} 个`],
    ['发布信息', `${o.posts} 条`],
    ['收到群众留言', `${o.messages} 件`],
    ['按时受理率', pct(o.acceptOnTimeRate)],
    ['按时答复率', pct(o.answerOnTimeRate)],
    ['群众满意率', pct(o.satisfactionRate)],
    ['红色标记单位', `${o.redUnits} 个`],
  ];
  return (
    <View>
      <View className="ov-card">
        <Text className="ov-card__title">{c.title}</Text>
        <Text className="ov-card__sub">{c.docNo}</Text>
        <Text className="ov-section">一、总体情况</Text>
        <Text className="ov-card__sub">{c.overviewText}</Text>
        <View className="ov-grid">
          {rows.map(([k, v]) => (
            <Text key={k} className="ov-grid__cell">
              {k}：{v}
            </Text>
          ))}
        </View>
        <Text className="ov-section">二、存在问题</Text>
        {c.problems.length === 0 ? <Text className="ov-card__sub">本期未发现需要通报的问题。</Text> : null}
        {c.problems.map((p, i) => (
          <View key={p.unitId} className={`ov-card${p.red ? ' ov-card--red' : ''}`}>
            <Text className="ov-card__title">
              {i + 1}. {p.unitName}
              {p.red ? '（红色标记）' : ''} · {p.score} 分
            </Text>
            {p.items.map((item) => (
              <View key={item.kind}>
                <Text className="ov-card__sub">
                  {PROBLEM_LABELS[item.kind]} {item.count} 项：
                </Text>
                {item.cases.map((x) => (
                  <Text key={x.id} className="ov-card__sub">
                    · {x.text}
                  </Text>
                ))}
              </View>
            ))}
            {p.remark ? <Text className="ov-card__sub">说明：{p.remark}</Text> : null}
          </View>
        ))}
        <Text className="ov-section">三、工作要求</Text>
        <Text className="ov-card__sub">{c.requirementsText}</Text>
        <Text className="ov-card__sub">整改期限：{c.deadline} 前</Text>
      </View>
      {b.units.length ? <Text className="ov-section">签收与整改</Text> : null}
      {b.units.map((u) => (
        <View key={u.unitId} className={`ov-card${u.overdue ? ' ov-card--red' : ''}`}>
          <View className="ov-row">
            <Text className="ov-card__title">{u.unitName}</Text>
            <Text
              className={`ov-tag ${u.correction ? 'ov-tag--ok' : u.overdue ? 'ov-tag--red' : u.acknowledgedAt ? 'ov-tag--remind' : 'ov-tag--warn'}`}
            >
              {u.correction ? '已报送整改' : u.overdue ? '整改逾期' : u.acknowledgedAt ? '已签收' : '待签收'}
            </Text>
          </View>
          {u.acknowledgedAt ? (
            <Text className="ov-card__sub">
              {u.acknowledgedByName} 于 {when(u.acknowledgedAt)} 签收
            </Text>
          ) : null}
          {u.correction ? (
            <Text className="ov-card__sub">
              整改情况（{u.correction.byName}，{when(u.correction.at)}）：{u.correction.text}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
