import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CHANNEL_LABELS, MESSAGE_CATEGORY_LABELS, type StaffMessageView } from '@shared/messages/schemas';
import { RATING_LABELS, STATE_LABELS } from '@shared/messages/transitions';
import { deadlineStatus } from '@shared/messages/deadline';
import { formatChinaTime } from '../../lib/time';
import { staffPhotoUrl } from '../../services/messages';
import { ImageGrid } from '../../components/ImageGrid';

// The read-only parts of the message page: the message, deadlines, and each step in progress.

function Due({ label, at, now, active }: { label: string; at: number | null; now: number; active: boolean }) {
  if (!at) return null;
  const s = deadlineStatus(at, now);
  return (
    <Text className={`msg-due${active ? ` msg-due--${s.tone}` : ''}`}>
      {label}：{formatChinaTime(at)}
      {active && s.tone !== 'ok' ? `（${s.text}）` : ''}
    </Text>
  );
}

export function MessageHead({ m, now }: { m: StaffMessageView; now: number }) {
  return (
    <View className={`zw-card${m.urgent ? ' msg-card--urgent' : ''}`}>
      <View className="msg-top">
        <Text className="msg-top__no" userSelect selectable>
          {m.trackingNo}
        </Text>
        <Text className="zw-tag zw-tag--doing">{STATE_LABELS[m.state]}</Text>
      </View>
      <Text className="msg-title">{m.title}</Text>
      <View className="msg-meta">
        <Text className="zw-tag">{MESSAGE_CATEGORY_LABELS[m.category]}</Text>
        {m.urgent ? <Text className="zw-tag zw-tag--todo">紧急</Text> : null}
        {m.reopened ? <Text className="zw-tag zw-tag--todo">不满意重办</Text> : null}
        <Text className="msg-meta__unit">
          {m.unitName}
          {m.addressedUnsure ? '（群众未选单位）' : ''}
        </Text>
      </View>
      <Text className="msg-content" userSelect selectable>
        {m.content}
      </Text>
      <ImageGrid photos={m.photos} load={(photoId) => staffPhotoUrl(m._id, photoId)} />
      <Text className="zw-muted">
        {CHANNEL_LABELS[m.channel]}
        {m.externalId ? ` ${m.externalId}` : ''} · {formatChinaTime(m.createdAt)} · 群众
        {m.allowPublish ? '同意' : '不同意'}公开
      </Text>
      {m.phone ? (
        <Text
          className="msg-phone"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: m.phone! }).catch(() => undefined)}
        >
          回电：{m.phone}
        </Text>
      ) : null}
      <View className="msg-dues">
        <Due label="受理期限" at={m.acceptDueAt} now={now} active={m.dueKind === 'accept'} />
        <Due label="答复期限" at={m.answerDueAt} now={now} active={m.dueKind === 'answer'} />
        {m.handlerName ? <Text className="msg-due">承办人：{m.handlerName}</Text> : null}
      </View>
    </View>
  );
}

export function ProgressCards({ m }: { m: StaffMessageView }) {
  return (
    <>
      {m.transfer ? (
        <View className="zw-card msg-note">
          <Text className="msg-note__head">
            {m.transfer.fromUnitName} 转来，待{m.transfer.toUnitName}接收
          </Text>
          <Text className="msg-note__text">转办理由：{m.transfer.reason}</Text>
        </View>
      ) : null}
      {m.urge ? (
        <View className={`zw-card msg-note${m.urge.acknowledgedAt ? '' : ' msg-note--alert'}`}>
          <Text className="msg-note__head">
            督查室催办（{m.urge.byName}）：限 {formatChinaTime(m.urge.deadline)} 前办理
          </Text>
          <Text className="msg-note__text">{m.urge.note}</Text>
          <Text className="zw-muted">
            {m.urge.acknowledgedAt
              ? `${m.urge.acknowledgedByName ?? ''} 已于 ${formatChinaTime(m.urge.acknowledgedAt)} 签收`
              : '单位尚未签收'}
          </Text>
        </View>
      ) : null}
      {m.extension ? (
        <View className="zw-card msg-note">
          <Text className="msg-note__head">
            延期申请 {m.extension.workingDays} 个工作日（{m.extension.byName}）：
            {m.extension.status === 'requested'
              ? '待督查室审批'
              : m.extension.status === 'approved'
                ? '已批准'
                : '未批准'}
          </Text>
          <Text className="msg-note__text">理由：{m.extension.reason}</Text>
          {m.extension.note ? <Text className="zw-muted">审批意见：{m.extension.note}</Text> : null}
        </View>
      ) : null}
      {m.replyDraft ? (
        <View className="zw-card msg-note">
          <Text className="msg-note__head">
            {m.replyDraft.kind === 'redirect' ? '告知反映渠道（草稿）' : '答复草稿'} · {m.replyDraft.byName} ·{' '}
            {formatChinaTime(m.replyDraft.at)}
          </Text>
          {m.replyDraft.channel ? <Text className="msg-note__text">反映渠道：{m.replyDraft.channel}</Text> : null}
          <Text className="msg-note__text">{m.replyDraft.text}</Text>
        </View>
      ) : null}
      {m.answer ? (
        <View className="zw-card msg-answer">
          <Text className="msg-note__head">
            {m.answer.kind === 'redirect' ? '已告知反映渠道' : '已答复'} · 审核：{m.answer.approvedByName} ·{' '}
            {formatChinaTime(m.answer.at)}
            {m.answer.published ? ' · 已公开' : ''}
          </Text>
          {m.answer.channel ? <Text className="msg-note__text">反映渠道：{m.answer.channel}</Text> : null}
          <Text className="msg-note__text">{m.answer.text}</Text>
        </View>
      ) : null}
      {m.rating ? (
        <View className="zw-card">
          <Text className="msg-note__head">群众评价：{RATING_LABELS[m.rating.value]}</Text>
          {m.rating.comment ? <Text className="msg-note__text">{m.rating.comment}</Text> : null}
        </View>
      ) : null}
    </>
  );
}
