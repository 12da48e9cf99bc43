import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { RATING_LABELS, type Rating } from '@shared/messages/transitions';

// One tap: 满意, 基本满意 or 不满意. An optional reason can be written first; it is kept if the
// rating fails to send.

const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied'];

export function RatingCard(props: {
  canReopen: boolean;
  busy: Rating | null;
  error: string | null;
  onRate: (rating: Rating, comment: string) => void;
}) {
  const [comment, setComment] = useState('');
  return (
    <View className="zw-card detail-rate">
      <Text className="detail-rate__title">这个答复您满意吗？</Text>
      <View className="detail-rate__buttons">
        {RATINGS.map((r) => (
          <View
            key={r}
            className={`detail-rate__btn detail-rate__btn--${r}${props.busy ? ' detail-rate__btn--busy' : ''}`}
            onClick={() => (props.busy ? undefined : props.onRate(r, comment.trim()))}
          >
            <Text>{props.busy === r ? '提交中…' : RATING_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      <TextArea
        className="detail-rate__comment"
        value={comment}
        placeholder="想说的话（选填）：例如还没解决的地方"
        maxLength={200}
        rows={2}
        autoSize={false}
        onChange={(v: string) => setComment(v)}
      />
      <Text className="detail-rate__hint">
        {props.canReopen
          ? '选择“不满意”，留言会重新办理一次，并由县政府督查室跟进。'
          : '本留言已重新办理过一次，评价后即办结。'}
      </Text>
      {props.error ? <Text className="zw-field-error">{props.error}</Text> : null}
    </View>
  );
}
